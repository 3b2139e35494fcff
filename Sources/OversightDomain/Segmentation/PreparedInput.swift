/// The input checked, and laid out for speed: metrics by position, each organisation's values in one flat
/// row per organisation, so that 10,000 organisations × 20 metrics need no dictionary look-ups after this.
struct PreparedInput: Sendable {
    let input: SegmentationInput
    let metricCount: Int
    /// values[o * metricCount + m]: organisation o's value of metric m (missing when not given).
    let values: [MetricValue]
    /// The domains in the order their first metric is defined, and each metric's domain by position.
    let themes: [ThemeID]
    let themeOfMetric: [Int]
    /// Each metric as the inner loops need it, by position.
    let shapes: [MetricShape]
    /// hints[o * metricCount + m]: the publisher's rank of organisation o's value of metric m, `Int32.max` if none;
    /// empty when no organisation has any (the usual case), so that it costs nothing.
    let hints: [Int32]
    var problems: [SegmentationProblem]

    var metrics: [MetricDefinition] { input.metrics }
    var rules: SegmentationRules { input.rules }
    var organisations: [OrganisationInput] { input.organisations }

    init(_ input: SegmentationInput) throws(SegmentationError) {
        let rules = input.rules
        guard rules.method == .nofQuartiles else { throw .notComputed(nil, rules.method) }
        guard (0...2).contains(rules.scoreDecimals) else {
            throw .invalidRules("scores round to 0, 1 or 2 decimal places; \(rules.scoreDecimals) is not supported")
        }
        if let margin = rules.nearBoundaryMargin, !(margin.isFinite && margin >= 0) {
            throw .invalidRules("the near-boundary margin must be a number of at least 0")
        }
        var problems = input.problems
        problems += try MetricChecks.check(input.metrics)

        var seen: Set<OrgCode> = []
        seen.reserveCapacity(input.organisations.count)
        for org in input.organisations where !seen.insert(org.code).inserted { throw .duplicateOrganisation(org.code) }

        let metricCount = input.metrics.count
        var position: [MetricID: Int] = [:]
        for (m, metric) in input.metrics.enumerated() { position[metric.id] = m }
        var themes: [ThemeID] = []
        var themeOfMetric: [Int] = []
        for metric in input.metrics {
            if let t = themes.firstIndex(of: metric.theme) { themeOfMetric.append(t) } else {
                themeOfMetric.append(themes.count)
                themes.append(metric.theme)
            }
        }

        var values = [MetricValue](repeating: .missing, count: input.organisations.count * metricCount)
        var hints: [Int32] = []
        var unknown: [MetricID: Int] = [:]
        for (o, org) in input.organisations.enumerated() {
            for (id, rank) in org.rankHints {
                guard let m = position[id] else { continue }
                if hints.isEmpty { hints = [Int32](repeating: .max, count: input.organisations.count * metricCount) }
                hints[o * metricCount + m] = Int32(clamping: rank)
            }
            for (id, value) in org.values {
                guard let m = position[id] else {
                    unknown[id, default: 0] += 1
                    continue
                }
                if let number = value.number, !number.isFinite {
                    problems.append(SegmentationProblem(org: org.code, metric: id, "the value is not a finite number; it was treated as missing"))
                    continue
                }
                values[o * metricCount + m] = value
            }
        }
        for (id, count) in unknown.sorted(by: { $0.key < $1.key }) {
            problems.append(SegmentationProblem(metric: id,
                "values for \(id) on \(count) organisation\(count == 1 ? "" : "s") were ignored: no metric \(id) is defined; define it or check the id"))
        }

        self.input = input
        self.metricCount = metricCount
        self.values = values
        self.themes = themes
        self.themeOfMetric = themeOfMetric
        self.shapes = input.metrics.map { MetricShape($0) { position[$0] } }
        self.hints = hints
        self.problems = problems
    }

    func value(_ o: Int, _ m: Int) -> MetricValue { values[o * metricCount + m] }

    func hint(_ o: Int, _ m: Int) -> Int32 { hints.isEmpty ? .max : hints[o * metricCount + m] }
}

/// Checks metric definitions for what would make a score meaningless (fatal) or a suggestion doubtful (a problem).
enum MetricChecks {
    static func check(_ metrics: [MetricDefinition]) throws(SegmentationError) -> [SegmentationProblem] {
        guard !metrics.isEmpty else { throw .noMetrics }
        guard metrics.contains(where: { $0.weight > 0 }) else { throw .invalidRules("every metric weighs 0, so nothing could be averaged") }
        var problems: [SegmentationProblem] = []
        var ids: Set<MetricID> = []
        let byID = Dictionary(metrics.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for metric in metrics {
            guard case .matrix(let matrix) = metric.scoring else { continue }
            for component in [matrix.rows, matrix.columns] {
                guard let found = byID[component] else {
                    throw .invalidMetric(metric.id, "its table reads the score of \(component), which is not defined")
                }
                if case .matrix = found.scoring { throw .invalidMetric(metric.id, "its table reads \(component), which is itself read from a table") }
            }
            guard matrix.scores.count == 4, matrix.scores.allSatisfy({ $0.count == 4 && $0.allSatisfy { (1...4).contains($0) } }) else {
                throw .invalidMetric(metric.id, "its table must be 4 rows of 4 scores between 1 and 4, one per whole score of each component")
            }
        }
        for metric in metrics {
            guard ids.insert(metric.id).inserted else { throw .invalidMetric(metric.id, "defined twice; give each metric once") }
            guard metric.weight.isFinite && metric.weight >= 0 else {
                throw .invalidMetric(metric.id, "the weight must be a number of at least 0 (the infection metrics weigh 0.333…; 0 counts it only through another metric)")
            }
            if let standard = metric.standard, !standard.isFinite { throw .invalidMetric(metric.id, "the standard must be a number") }
            if let floor = metric.floor, !floor.isFinite { throw .invalidMetric(metric.id, "the floor must be a number") }
            if let standard = metric.standard, let floor = metric.floor, !metric.isBetter(standard, than: floor) {
                throw .invalidMetric(metric.id, "the floor \(metric.format(floor)) must be worse than the standard \(metric.format(standard)) (\(metric.direction.label))")
            }
            if !metric.countBrackets.isEmpty { try checkBrackets(metric.countBrackets, metric) }
            if case .bespoke(let brackets) = metric.scoring {
                guard !brackets.isEmpty else { throw .invalidMetric(metric.id, "bespoke scoring needs at least one bracket") }
                try checkBrackets(brackets, metric)
                if !bracketsImproveSteadily(brackets, metric.direction) {
                    problems.append(SegmentationProblem(metric: metric.id,
                        "its brackets' scores do not improve steadily as the value improves (\(metric.direction.label)); suggested improvements assume they do"))
                }
            }
        }
        return problems
    }

    static func checkBrackets(_ brackets: [Bracket], _ metric: MetricDefinition) throws(SegmentationError) {
        for bracket in brackets {
            guard (1...4).contains(bracket.score) else {
                throw .invalidMetric(metric.id, "a bracket's score must be between 1 and 4, not \(formatDecimal(bracket.score, decimals: 2))")
            }
            for edge in [bracket.atLeast, bracket.above, bracket.below, bracket.atMost] {
                if let edge, !edge.isFinite { throw .invalidMetric(metric.id, "a bracket's edges must be numbers") }
            }
            guard bracket.atLeast == nil || bracket.above == nil, bracket.below == nil || bracket.atMost == nil else {
                throw .invalidMetric(metric.id, "a bracket has one lower edge (atLeast or above) and one upper edge (below or atMost)")
            }
            guard bracket.lowerEdge < bracket.upperEdge || (bracket.atLeast != nil && bracket.atLeast == bracket.atMost) else {
                throw .invalidMetric(metric.id, "a bracket's lower edge must be below its upper edge")
            }
        }
    }

    /// Whether, read from the worst value to the best, the brackets' scores never get worse.
    static func bracketsImproveSteadily(_ brackets: [Bracket], _ direction: Direction) -> Bool {
        let ordered = brackets.sorted { $0.lowerEdge < $1.lowerEdge }
        let scores = ordered.map(\.score)
        // Ascending values: higher is better → scores should not rise; lower is better → should not fall.
        return zip(scores, scores.dropFirst()).allSatisfy { direction == .higherIsBetter ? $1 <= $0 : $1 >= $0 }
    }
}
