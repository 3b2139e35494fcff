/// What the method's inner loops need of a metric definition, taken once: copying a `MetricDefinition`
/// retains a dozen strings, which at 10,000 organisations × 20 metrics costs more than the arithmetic.
struct MetricShape: Sendable {
    enum Kind: Sendable {
        case ranked
        case bespoke([Bracket])
        case score
        case context
        /// Looked up from the scores of the metrics at positions `rows` and `columns`.
        case matrix(rows: Int, columns: Int, ScoreMatrix)
    }

    let kind: Kind
    /// Ranked among every provider that reports it, not only the peer group.
    let pooled: Bool
    /// How a count is scored where the metric is a rate (empty: a count is left out).
    let countBrackets: [Bracket]
    let direction: Direction
    let standard: Double?
    let floor: Double?
    let weight: Double
    /// The peer groups it is scored for, one bit each; every bit when the definition names none.
    let groups: UInt8
    /// Decimal places values are shown to: how far below a bracket's upper edge a suggested value sits.
    let valueDecimals: Int

    /// `position` finds a matrix metric's components; a component it cannot find leaves the metric as context
    /// (`MetricChecks` refuses such a definition before a run gets this far).
    init(_ metric: MetricDefinition, position: (MetricID) -> Int? = { _ in nil }) {
        switch metric.scoring {
        case .ranked: kind = .ranked
        case .bespoke(let brackets): kind = .bespoke(brackets)
        case .score: kind = .score
        case .context: kind = .context
        case .matrix(let matrix):
            if let rows = position(matrix.rows), let columns = position(matrix.columns) {
                kind = .matrix(rows: rows, columns: columns, matrix)
            } else {
                kind = .context
            }
        }
        pooled = metric.pool == .allProviders
        countBrackets = metric.countBrackets
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

    var isMatrix: Bool {
        if case .matrix = kind { return true }
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
