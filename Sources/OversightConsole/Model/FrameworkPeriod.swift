import OversightDomain

/// One framework in one period: what segments, league tables and system views are worked out for.
public struct FrameworkPeriod: Hashable, Sendable {
    public var framework: FrameworkID
    public var period: Period

    public init(_ framework: FrameworkID, _ period: Period) {
        self.framework = framework
        self.period = period
    }

    /// The framework and period a viewpoint shows, when it shows both.
    public init?(_ framework: FrameworkID?, _ period: Period?) {
        guard let framework, let period else { return nil }
        self.init(framework, period)
    }
}
