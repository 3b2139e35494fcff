/// One ranked metric across one peer group: the bookends its standard and floor set, and the values that
/// are spread between them, best first, so that any value (today's or one hoped for) can be scored.
struct MetricRanking: Sendable {
    let metric: MetricDefinition
    /// The best ranked value's score in hundredths: 100, or 200 under a standard.
    let low: Int
    /// The worst ranked value's score in hundredths: 400, or 300 above a floor.
    let high: Int
    /// Decimal places scores are rounded to.
    let decimals: Int
    /// The ranked values as keys where smaller is better (negated when higher is better), ascending.
    let keys: [Double]

    init(metric: MetricDefinition, values: [Double], decimals: Int) {
        self.metric = metric
        self.decimals = decimals
        low = metric.standard == nil ? 100 : 200
        high = metric.floor == nil ? 400 : 300
        var keys: [Double] = []
        keys.reserveCapacity(values.count)
        for value in values where MetricRanking.isRanked(value, metric) {
            keys.append(MetricRanking.key(value, metric.direction))
        }
        keys.sort()
        self.keys = keys
    }

    /// A value neither meeting the standard nor failing the floor is ranked.
    static func isRanked(_ value: Double, _ metric: MetricDefinition) -> Bool {
        metric.meetsStandard(value) != true && metric.failsFloor(value) != true
    }

    static func key(_ value: Double, _ direction: Direction) -> Double {
        direction == .higherIsBetter ? -value : value
    }

    func key(_ value: Double) -> Double { MetricRanking.key(value, metric.direction) }

    func value(ofKey key: Double) -> Double { metric.direction == .higherIsBetter ? -key : key }

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
    func score(of value: Double, current: Double?) -> (hundredths: Int, basis: ScoreBasis) {
        if let standard = metric.standard, metric.meetsStandard(value) == true { return (100, .metStandard(standard)) }
        if let floor = metric.floor, metric.failsFloor(value) == true { return (400, .failedFloor(floor)) }
        let key = key(value)
        var better = strictlyBetter(thanKey: key)
        var pool = keys.count + 1
        if let current, MetricRanking.isRanked(current, metric) {
            pool -= 1
            if self.key(current) < key { better -= 1 }
        }
        let step = hundredthsStep(decimals: decimals)
        // Evenly spread: low + (high − low) × better ÷ (pool − 1), rounded in whole numbers of `step`.
        let hundredths = pool <= 1 ? low : low + roundedQuotient((high - low) * better, (pool - 1) * step) * step
        let ranking = Ranking(strictlyBetter: better, poolSize: pool,
                              best: Score(hundredths: low), worst: Score(hundredths: high))
        return (hundredths, .ranked(ranking))
    }
}

/// How one value scores under a metric that is not ranked: by brackets, as a given score, or not at all.
enum UnrankedScoring {
    static func score(_ value: Double, _ metric: MetricDefinition, decimals: Int) -> (hundredths: Int?, basis: ScoreBasis) {
        switch metric.scoring {
        case .bespoke(let brackets):
            guard let bracket = brackets.first(where: { $0.contains(value) }) else { return (nil, .leftOut(.outsideBrackets)) }
            return (roundHundredths(bracket.score * 100, decimals: decimals), .bracket(bracket))
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
