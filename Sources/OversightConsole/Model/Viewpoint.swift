import OversightDomain

/// What the screens show: which framework, which period, which era of footprints.
public struct Viewpoint: Hashable, Sendable {
    public var framework: FrameworkID?
    public var period: Period?
    public var era: Footprint.Era

    public init(framework: FrameworkID?, period: Period?, era: Footprint.Era) {
        self.framework = framework
        self.period = period
        self.era = era
    }
}
