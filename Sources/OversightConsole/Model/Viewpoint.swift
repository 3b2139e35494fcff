import OversightDomain

/// What the screens show: which framework, which period, which era of footprints.
public struct Viewpoint: Hashable, Sendable {
    public var framework: FrameworkID?
    public var period: Period?
    public var era: Footprint.Era
    /// The user chose the period (p, P): a screen about one peer group then keeps it, even where nothing is
    /// published for that group, rather than moving to the group's latest published quarter.
    public var periodChosen = false

    public init(framework: FrameworkID?, period: Period?, era: Footprint.Era) {
        self.framework = framework
        self.period = period
        self.era = era
    }
}
