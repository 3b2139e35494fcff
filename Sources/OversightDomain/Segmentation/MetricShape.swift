/// What the method's inner loops need of a metric definition, taken once: copying a `MetricDefinition`
/// retains a dozen strings, which at 10,000 organisations × 20 metrics costs more than the arithmetic.
struct MetricShape: Sendable {
    enum Kind: Sendable {
        case ranked
        case bespoke([Bracket])
        case score
        case context
    }

    let kind: Kind
    let direction: Direction
    let standard: Double?
    let floor: Double?
    let weight: Double
    /// The peer groups it is scored for, one bit each; every bit when the definition names none.
    let groups: UInt8
    /// Decimal places values are shown to: how far below a bracket's upper edge a suggested value sits.
    let valueDecimals: Int

    init(_ metric: MetricDefinition) {
        switch metric.scoring {
        case .ranked: kind = .ranked
        case .bespoke(let brackets): kind = .bespoke(brackets)
        case .score: kind = .score
        case .context: kind = .context
        }
        direction = metric.direction
        standard = metric.standard
        floor = metric.floor
        weight = metric.weight
        groups = metric.appliesTo.isEmpty ? UInt8.max : metric.appliesTo.reduce(0) { $0 | MetricShape.bit($1) }
        valueDecimals = metric.decimals
    }

    static func bit(_ group: PeerGroup) -> UInt8 {
        switch group {
        case .acute: return 1
        case .nonAcute: return 2
        case .ambulance: return 4
        }
    }

    func applies(to group: PeerGroup) -> Bool { groups & MetricShape.bit(group) != 0 }

    var isRanked: Bool {
        if case .ranked = kind { return true }
        return false
    }

    func meetsStandard(_ value: Double) -> Bool {
        guard let standard else { return false }
        return direction == .higherIsBetter ? value >= standard : value <= standard
    }

    func failsFloor(_ value: Double) -> Bool {
        guard let floor else { return false }
        return direction == .higherIsBetter ? value < floor : value > floor
    }
}
