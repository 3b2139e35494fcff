/// One ranked metric across one peer group (or, for a pooled metric, every provider reporting it): the bookends
/// its standard and floor set, and the values that are spread between them, best first, so that any value
/// (today's or one hoped for) can be scored.
struct MetricRanking: Sendable {
    /// A value to rank, with what breaks a tie at the published precision: the publisher's own rank of it
    /// within its peer group (`Int32.max` when there is none).
    struct Entry: Sendable {
        let value: Double
        let group: UInt8
        let hint: Int32

        init(_ value: Double, group: UInt8 = 0, hint: Int32 = .max) {
            self.value = value
            self.group = group
            self.hint = hint
        }
    }

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
    /// Beside each key: its peer group's bit and its tie-breaking hint, sorted by (key, group, hint).
    let groups: [UInt8]
    let hints: [Int32]

    init(shape: MetricShape, values: [Double], decimals: Int) {
        self.init(shape: shape, entries: values.map { Entry($0) }, decimals: decimals)
    }

    init(shape: MetricShape, entries: [Entry], decimals: Int) {
        direction = shape.direction
        standard = shape.standard
        floor = shape.floor
        step = hundredthsStep(decimals: decimals)
        low = shape.standard == nil ? 100 : 200
        high = shape.floor == nil ? 400 : 300
        var ranked: [(key: Double, group: UInt8, hint: Int32)] = []
        ranked.reserveCapacity(entries.count)
        for entry in entries where !shape.meetsStandard(entry.value) && !shape.failsFloor(entry.value) {
            ranked.append((shape.direction == .higherIsBetter ? -entry.value : entry.value, entry.group, entry.hint))
        }
        ranked.sort { ($0.key, $0.group, $0.hint) < ($1.key, $1.group, $1.hint) }
        keys = ranked.map(\.key)
        groups = ranked.map(\.group)
        hints = ranked.map(\.hint)
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

    /// Of the values equal to `key`, how many the publisher ranked better within the same peer group.
    func betterByHint(key: Double, group: UInt8, hint: Int32) -> Int {
        guard hint != .max else { return 0 }
        var count = 0
        var index = strictlyBetter(thanKey: key)
        while index < keys.count && keys[index] == key {
            if groups[index] == group && hints[index] < hint { count += 1 }
            index += 1
        }
        return count
    }

    /// The score `value` earns with every other organisation's value as it is. `current` is the organisation's
    /// own value today: if it is among the ranked values it is taken out first, so it never ranks against itself.
    /// `tieBreak` (its peer group's bit and the publisher's rank) orders it among values equal to it as published.
    func score(of value: Double, current: Double?, tieBreak: (group: UInt8, hint: Int32)? = nil) -> (hundredths: Int, basis: CellBasis) {
        if meetsStandard(value) { return (100, .metStandard) }
        if failsFloor(value) { return (400, .failedFloor) }
        let key = key(value)
        var better = strictlyBetter(thanKey: key)
        if let tieBreak { better += betterByHint(key: key, group: tieBreak.group, hint: tieBreak.hint) }
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
        case .ranked, .matrix:
            preconditionFailure("ranked and matrix metrics are scored by the run, which sees the other values")
        }
    }
}
