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

        // Step 1: score every metric of every organisation.
        var scores = [Int?](repeating: nil, count: organisations.count * metricCount)
        var bases = [CellBasis](repeating: .leftOut(.noPeerGroup), count: organisations.count * metricCount)
        var rankings: [PeerGroup: [MetricRanking?]] = [:]
        for group in groups {
            let inGroup = members[group]!
            var groupRankings = [MetricRanking?](repeating: nil, count: metricCount)
            for (m, shape) in shapes.enumerated() where shape.isRanked && shape.applies(to: group) {
                var numbers: [Double] = []
                numbers.reserveCapacity(inGroup.count)
                for o in inGroup { if case .number(let value) = prepared.value(o, m) { numbers.append(value) } }
                groupRankings[m] = MetricRanking(shape: shape, values: numbers, decimals: decimals)
            }
            rankings[group] = groupRankings
            // Metric by metric, so that each metric's shape and ranking are fetched once, not once per organisation.
            for m in 0..<metricCount {
                let shape = shapes[m]
                let ranking = groupRankings[m]
                for o in inGroup {
                    let cell = SegmentationRun.score(prepared.value(o, m), shape, group: group, ranking: ranking, decimals: decimals)
                    scores[o * metricCount + m] = cell.hundredths
                    bases[o * metricCount + m] = cell.basis
                    if case .leftOut(.scoreOutOfRange) = cell.basis {
                        problems.append(SegmentationProblem(org: organisations[o].code, metric: prepared.metrics[m].id,
                            "a value given as a score must be between 1 and 4; it was left out"))
                    }
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
        for group in groups {
            let sorted = members[group]!.compactMap { raw[$0] }.sorted()
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

    /// One value's score and how it was reached, or why it was left out.
    static func score(_ value: MetricValue, _ shape: MetricShape, group: PeerGroup?, ranking: MetricRanking?,
                      decimals: Int) -> (hundredths: Int?, basis: CellBasis) {
        guard let group else { return (nil, .leftOut(.noPeerGroup)) }
        if case .context = shape.kind { return (nil, .leftOut(.contextOnly)) }
        guard shape.applies(to: group) else { return (nil, .leftOut(.notForPeerGroup)) }
        switch value {
        case .missing: return (nil, .leftOut(.missing))
        case .suppressed: return (nil, .leftOut(.suppressed))
        case .notApplicable: return (nil, .leftOut(.functionNotPerformed))
        case .number(let number):
            if let ranking {
                let scored = ranking.score(of: number, current: number)
                return (scored.hundredths, scored.basis)
            }
            let scored = UnrankedScoring.score(number, shape, decimals: decimals)
            return (scored.hundredths, scored.basis)
        }
    }

    /// Σ weight × score ÷ Σ weight over the metrics that count, in hundredths and unrounded; nil when none count.
    static func mean(over metrics: some Sequence<Int>, weights: [Double], score: (Int) -> Int?) -> MeanOfScores? {
        var sum = 0.0
        var weight = 0.0
        var count = 0
        for m in metrics {
            guard let hundredths = score(m) else { continue }
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
