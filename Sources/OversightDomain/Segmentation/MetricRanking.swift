/// One ranked metric across one peer group: the bookends its standard and floor set, and the values that
/// are spread between them, best first, so that any value (today's or one hoped for) can be scored.
struct MetricRanking: Sendable {
    let direction: Direction
    let standard: Double?
    let floor: Double?
    /// The best ranked value's score in hundredths: 100, or 200 under a standard.
    let low: Int
    /// The worst ranked value's score in hundredths: 400, or 300 above a floor.
    let high: Int
    /// One rounding step in hundredths (1 for 2 decimals).
    let step: Int
    /// The ranked values as keys where smaller is better (negated when higher is better), ascending.
    let keys: [Double]

    init(shape: MetricShape, values: [Double], decimals: Int) {
        direction = shape.direction
        standard = shape.standard
        floor = shape.floor
        step = hundredthsStep(decimals: decimals)
        low = shape.standard == nil ? 100 : 200
        high = shape.floor == nil ? 400 : 300
        var keys: [Double] = []
        keys.reserveCapacity(values.count)
        for value in values where !shape.meetsStandard(value) && !shape.failsFloor(value) {
            keys.append(shape.direction == .higherIsBetter ? -value : value)
        }
        keys.sort()
        self.keys = keys
    }

    func meetsStandard(_ value: Double) -> Bool {
        guard let standard else { return false }
        return direction == .higherIsBetter ? value >= standard : value <= standard
    }

    func failsFloor(_ value: Double) -> Bool {
        guard let floor else { return false }
        return direction == .higherIsBetter ? value < floor : value > floor
    }

    /// A value neither meeting the standard nor failing the floor is ranked.
    func isRanked(_ value: Double) -> Bool { !meetsStandard(value) && !failsFloor(value) }

    func key(_ value: Double) -> Double { direction == .higherIsBetter ? -value : value }

    func value(ofKey key: Double) -> Double { direction == .higherIsBetter ? -key : key }

    /// How many ranked values are strictly better than `key`.
    func strictlyBetter(thanKey key: Double) -> Int {
        var low = 0
        var high = keys.count
        while low < high {
            let mid = (low + high) / 2
            if keys[mid] < key { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// The score `value` earns with every other organisation's value as it is. `current` is the organisation's
    /// own value today: if it is among the ranked values it is taken out first, so it never ranks against itself.
    func score(of value: Double, current: Double?) -> (hundredths: Int, basis: CellBasis) {
        if meetsStandard(value) { return (100, .metStandard) }
        if failsFloor(value) { return (400, .failedFloor) }
        let key = key(value)
        var better = strictlyBetter(thanKey: key)
        var pool = keys.count + 1
        if let current, isRanked(current) {
            pool -= 1
            if self.key(current) < key { better -= 1 }
        }
        // Evenly spread: low + (high − low) × better ÷ (pool − 1), rounded in whole rounding steps.
        let hundredths = pool <= 1 ? low : low + roundedQuotient((high - low) * better, (pool - 1) * step) * step
        return (hundredths, .ranked(better: Int32(better), pool: Int32(pool)))
    }
}

/// How one value scores under a metric that is not ranked: by brackets, as a given score, or not at all.
enum UnrankedScoring {
    static func score(_ value: Double, _ shape: MetricShape, decimals: Int) -> (hundredths: Int?, basis: CellBasis) {
        switch shape.kind {
        case .bespoke(let brackets):
            guard let index = brackets.firstIndex(where: { $0.contains(value) }) else { return (nil, .leftOut(.outsideBrackets)) }
            return (roundHundredths(brackets[index].score * 100, decimals: decimals), .bracket(Int32(index)))
        case .score:
            guard (1...4).contains(value) else { return (nil, .leftOut(.scoreOutOfRange)) }
            return (roundHundredths(value * 100, decimals: decimals), .given)
        case .context:
            return (nil, .leftOut(.contextOnly))
        case .ranked:
            preconditionFailure("ranked metrics are scored by MetricRanking")
        }
    }
}
