/// One run of the method over a whole input. It keeps what the steps share (rankings, scores, sorted raw
/// scores), so that a distance can be planned, and planned again against a lower target, without recomputing.
struct SegmentationRun: Sendable {
    let prepared: PreparedInput
    let metricCount: Int
    let weights: [Double]
    /// Peer groups with members, in the order acute, non-acute, ambulance.
    let groups: [PeerGroup]
    /// Each peer group's organisations, by position in the input.
    let members: [PeerGroup: [Int]]
    /// rankings[group][m]: the ranking of metric m across the group; nil unless m is ranked for the group.
    let rankings: [PeerGroup: [MetricRanking?]]
    /// scores[o * metricCount + m] in hundredths; nil when left out.
    let scores: [Int?]
    let bases: [CellBasis]
    let means: [MeanOfScores?]
    /// The raw delivery score in hundredths.
    let raw: [Int?]
    /// Each group's raw scores, ascending.
    let sortedRaw: [PeerGroup: [Int]]
    let boundaries: [PeerGroup: QuartileBoundaries]
    let quartiles: [Int?]
    let problems: [SegmentationProblem]

    var rules: SegmentationRules { prepared.rules }
    var metrics: [MetricDefinition] { prepared.metrics }
    var organisations: [OrganisationInput] { prepared.organisations }
    var decimals: Int { prepared.rules.scoreDecimals }

    init(_ prepared: PreparedInput) {
        let shapes = prepared.shapes
        let metricCount = prepared.metricCount
        let organisations = prepared.organisations
        let decimals = prepared.rules.scoreDecimals
        let weights = shapes.map(\.weight)
        var problems = prepared.problems

        var members: [PeerGroup: [Int]] = [:]
        for (o, org) in organisations.enumerated() {
            if let group = org.peerGroup { members[group, default: []].append(o) }
        }
        let groups = PeerGroup.allCases.filter { members[$0] != nil }

        // Step 1: score every metric of every organisation. A pooled metric is ranked once, across every
        // provider that reports it, and that one ranking serves each peer group.
        var scores = [Int?](repeating: nil, count: organisations.count * metricCount)
        var bases = [CellBasis](repeating: .leftOut(.noPeerGroup), count: organisations.count * metricCount)
        var rankings: [PeerGroup: [MetricRanking?]] = [:]
        var pooledRankings = [MetricRanking?](repeating: nil, count: metricCount)
        for (m, shape) in shapes.enumerated() where shape.isRanked && shape.pooled {
            let everyone = groups.flatMap { group in shape.applies(to: group) ? members[group]! : [] }
            pooledRankings[m] = MetricRanking(shape: shape, entries: SegmentationRun.entries(prepared, m, everyone), decimals: decimals)
        }
        for group in groups {
            let inGroup = members[group]!
            var groupRankings = [MetricRanking?](repeating: nil, count: metricCount)
            for (m, shape) in shapes.enumerated() where shape.isRanked && shape.applies(to: group) {
                groupRankings[m] = shape.pooled ? pooledRankings[m]
                    : MetricRanking(shape: shape, entries: SegmentationRun.entries(prepared, m, inGroup), decimals: decimals)
            }
            rankings[group] = groupRankings
            // Metric by metric, so that each metric's shape and ranking are fetched once, not once per organisation.
            for m in 0..<metricCount where !shapes[m].isMatrix {
                let shape = shapes[m]
                let ranking = groupRankings[m]
                for o in inGroup {
                    let cell = SegmentationRun.score(prepared.value(o, m), shape, group: group, ranking: ranking,
                                                     tieBreak: (MetricShape.bit(group), prepared.hint(o, m)), decimals: decimals)
                    scores[o * metricCount + m] = cell.hundredths
                    bases[o * metricCount + m] = cell.basis
                    if case .leftOut(.scoreOutOfRange) = cell.basis {
                        problems.append(SegmentationProblem(org: organisations[o].code, metric: prepared.metrics[m].id,
                            "a value given as a score must be between 1 and 4; it was left out"))
                    }
                }
            }
            // Then the metrics read from a table of two others' scores, which are all known by now.
            for (m, shape) in shapes.enumerated() {
                guard case .matrix(let rowMetric, let columnMetric, let matrix) = shape.kind else { continue }
                for o in inGroup {
                    let cell = SegmentationRun.matrixScore(shape, group: group, row: scores[o * metricCount + rowMetric],
                                                           column: scores[o * metricCount + columnMetric], matrix, decimals: decimals)
                    scores[o * metricCount + m] = cell.hundredths
                    bases[o * metricCount + m] = cell.basis
                }
            }
        }

        // Step 2: the weighted mean, rounded, then quartiles within each peer group.
        var means = [MeanOfScores?](repeating: nil, count: organisations.count)
        var raw = [Int?](repeating: nil, count: organisations.count)
        for o in organisations.indices {
            let base = o * metricCount
            guard let mean = SegmentationRun.mean(over: 0..<metricCount, weights: weights, score: { scores[base + $0] }) else { continue }
            means[o] = mean
            raw[o] = roundHundredths(mean.mean, decimals: decimals)
        }
        var sortedRaw: [PeerGroup: [Int]] = [:]
        var boundaries: [PeerGroup: QuartileBoundaries] = [:]
        var quartiles = [Int?](repeating: nil, count: organisations.count)
        // Pooled cut-points are one set, taken from every segmented provider's score, shared by every group.
        let pooled = prepared.rules.quartilePool == .allProviders
        let everyone = pooled ? groups.flatMap { members[$0]! }.compactMap { raw[$0] }.sorted() : []
        for group in groups {
            let sorted = pooled ? everyone : members[group]!.compactMap { raw[$0] }.sorted()
            sortedRaw[group] = sorted
            guard let groupBoundaries = QuartileBoundaries(sorted: sorted) else { continue }
            boundaries[group] = groupBoundaries
            for o in members[group]! {
                if let score = raw[o] { quartiles[o] = groupBoundaries.quartile(of: Score(hundredths: score)) }
            }
        }

        self.prepared = prepared
        self.metricCount = metricCount
        self.weights = weights
        self.groups = groups
        self.members = members
        self.rankings = rankings
        self.scores = scores
        self.bases = bases
        self.means = means
        self.raw = raw
        self.sortedRaw = sortedRaw
        self.boundaries = boundaries
        self.quartiles = quartiles
        self.problems = problems
    }

    /// One value's score and how it was reached, or why it was left out. `tieBreak` orders the value among those
    /// equal to it as published (see `OrganisationInput.rankHints`).
    static func score(_ value: MetricValue, _ shape: MetricShape, group: PeerGroup?, ranking: MetricRanking?,
                      tieBreak: (group: UInt8, hint: Int32)? = nil, decimals: Int) -> (hundredths: Int?, basis: CellBasis) {
        guard let group else { return (nil, .leftOut(.noPeerGroup)) }
        if case .context = shape.kind { return (nil, .leftOut(.contextOnly)) }
        guard shape.applies(to: group) else { return (nil, .leftOut(.notForPeerGroup)) }
        switch value {
        case .missing: return (nil, .leftOut(.missing))
        case .suppressed: return (nil, .leftOut(.suppressed))
        case .notApplicable: return (nil, .leftOut(.functionNotPerformed))
        case .count(let count):
            guard let index = shape.countBrackets.firstIndex(where: { $0.contains(count) }) else {
                return (nil, .leftOut(shape.countBrackets.isEmpty ? .countNotScored : .outsideBrackets))
            }
            return (roundHundredths(shape.countBrackets[index].score * 100, decimals: decimals), .countBracket(Int32(index)))
        case .number(let number):
            if let ranking {
                let scored = ranking.score(of: number, current: number, tieBreak: tieBreak)
                return (scored.hundredths, scored.basis)
            }
            let scored = UnrankedScoring.score(number, shape, decimals: decimals)
            return (scored.hundredths, scored.basis)
        }
    }

    /// A matrix metric's score from its two components' scores, which must both be whole.
    static func matrixScore(_ shape: MetricShape, group: PeerGroup, row: Int?, column: Int?, _ matrix: ScoreMatrix,
                            decimals: Int) -> (hundredths: Int?, basis: CellBasis) {
        guard shape.applies(to: group) else { return (nil, .leftOut(.notForPeerGroup)) }
        guard let row, let column else { return (nil, .leftOut(.componentsMissing)) }
        guard let score = matrix.score(row: Double(row) / 100, column: Double(column) / 100) else {
            return (nil, .leftOut(.outsideBrackets))
        }
        return (roundHundredths(score * 100, decimals: decimals), .matrix(row: Int32(row), column: Int32(column)))
    }

    /// Metric m's numeric values of the organisations at `positions`, each with its group and rank hint.
    static func entries(_ prepared: PreparedInput, _ m: Int, _ positions: [Int]) -> [MetricRanking.Entry] {
        var entries: [MetricRanking.Entry] = []
        entries.reserveCapacity(positions.count)
        for o in positions {
            guard case .number(let value) = prepared.value(o, m), let group = prepared.organisations[o].peerGroup else { continue }
            entries.append(MetricRanking.Entry(value, group: MetricShape.bit(group), hint: prepared.hint(o, m)))
        }
        return entries
    }

    /// Σ weight × score ÷ Σ weight over the metrics that count, in hundredths and unrounded; nil when none count.
    static func mean(over metrics: some Sequence<Int>, weights: [Double], score: (Int) -> Int?) -> MeanOfScores? {
        var sum = 0.0
        var weight = 0.0
        var count = 0
        for m in metrics {
            // Weight 0: scored and shown, counted only through another metric.
            guard weights[m] > 0, let hundredths = score(m) else { continue }
            sum += weights[m] * Double(hundredths)
            weight += weights[m]
            count += 1
        }
        return count == 0 ? nil : MeanOfScores(mean: sum / weight, weight: weight, count: count)
    }

    /// The position of an organisation in the input.
    func position(of code: OrgCode) -> Int? { organisations.firstIndex { $0.code == code } }
}

/// A weighted mean of metric scores, in hundredths, with what went into it.
struct MeanOfScores: Sendable {
    let mean: Double
    let weight: Double
    let count: Int
}
