/// One metric of a framework: what is measured, which way is better, the standard or floor,
/// and how a value becomes a score.
public struct MetricDefinition: Hashable, Codable, Sendable {
    public var id: MetricID
    public var name: String
    /// A short label of our own for narrow columns ("A&E within 4 hours"); screens show `name` in full where
    /// there is room, and always on the metric's own screen.
    public var shortName: String?
    public var theme: ThemeID
    /// NHS England's sub-domain ("Elective care"), where the framework has them.
    public var subdomain: String?
    public var unit: MetricUnit
    public var direction: Direction
    /// Everyone meeting it scores 1 (NOF 2025/26); the operational standard a screen draws in.
    public var standard: Double?
    /// Everyone failing it scores 4.
    public var floor: Double?
    /// Relative weight in the average (the three infection metrics weigh one third each). 0: scored and shown,
    /// but counted only through another metric (NOF's planned surplus and plan variance, through combined finance).
    public var weight: Double
    public var scoring: MetricScoring
    /// Whose values a ranked metric is ranked among: the peer group's, or every provider's that reports it.
    public var pool: RankingPool
    /// How a count is scored where the metric is a rate and a trust reports a count instead (too few cases).
    public var countBrackets: [Bracket]
    /// The id of the row a publisher gives this metric's score under (NOF: `OF1003` for `OF0003`).
    public var scoreRow: MetricID?
    /// Peer groups it is scored for; empty means every provider.
    public var appliesTo: [PeerGroup]
    /// Decimal places to show.
    public var decimals: Int
    public var definition: String
    public var provenance: Provenance

    public init(id: MetricID, name: String, theme: ThemeID, subdomain: String? = nil, unit: MetricUnit, direction: Direction,
                standard: Double? = nil, floor: Double? = nil, weight: Double = 1, scoring: MetricScoring = .ranked,
                pool: RankingPool = .peerGroup, countBrackets: [Bracket] = [], scoreRow: MetricID? = nil,
                appliesTo: [PeerGroup] = [], decimals: Int = 1, definition: String, provenance: Provenance) {
        self.id = id
        self.name = name
        self.theme = theme
        self.subdomain = subdomain
        self.unit = unit
        self.direction = direction
        self.standard = standard
        self.floor = floor
        self.weight = weight
        self.scoring = scoring
        self.pool = pool
        self.countBrackets = countBrackets
        self.scoreRow = scoreRow
        self.appliesTo = appliesTo
        self.decimals = decimals
        self.definition = definition
        self.provenance = provenance
    }

    private enum CodingKeys: String, CodingKey {
        case id, name, shortName, theme, subdomain, unit, direction, standard, floor, weight, scoring, pool, countBrackets, scoreRow
        case appliesTo, decimals, definition, provenance
    }

    /// Fields added with the published NOF files (sub-domain, pool, count brackets, score row) may be absent.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(MetricID.self, forKey: .id)
        name = try c.decode(String.self, forKey: .name)
        shortName = try c.decodeIfPresent(String.self, forKey: .shortName)
        theme = try c.decode(ThemeID.self, forKey: .theme)
        subdomain = try c.decodeIfPresent(String.self, forKey: .subdomain)
        unit = try c.decode(MetricUnit.self, forKey: .unit)
        direction = try c.decode(Direction.self, forKey: .direction)
        standard = try c.decodeIfPresent(Double.self, forKey: .standard)
        floor = try c.decodeIfPresent(Double.self, forKey: .floor)
        weight = try c.decode(Double.self, forKey: .weight)
        scoring = try c.decode(MetricScoring.self, forKey: .scoring)
        pool = try c.decodeIfPresent(RankingPool.self, forKey: .pool) ?? .peerGroup
        countBrackets = try c.decodeIfPresent([Bracket].self, forKey: .countBrackets) ?? []
        scoreRow = try c.decodeIfPresent(MetricID.self, forKey: .scoreRow)
        appliesTo = try c.decode([PeerGroup].self, forKey: .appliesTo)
        decimals = try c.decode(Int.self, forKey: .decimals)
        definition = try c.decode(String.self, forKey: .definition)
        provenance = try c.decode(Provenance.self, forKey: .provenance)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(name, forKey: .name)
        try c.encodeIfPresent(shortName, forKey: .shortName)
        try c.encode(theme, forKey: .theme)
        try c.encodeIfPresent(subdomain, forKey: .subdomain)
        try c.encode(unit, forKey: .unit)
        try c.encode(direction, forKey: .direction)
        try c.encodeIfPresent(standard, forKey: .standard)
        try c.encodeIfPresent(floor, forKey: .floor)
        try c.encode(weight, forKey: .weight)
        try c.encode(scoring, forKey: .scoring)
        if pool != .peerGroup { try c.encode(pool, forKey: .pool) }
        if !countBrackets.isEmpty { try c.encode(countBrackets, forKey: .countBrackets) }
        try c.encodeIfPresent(scoreRow, forKey: .scoreRow)
        try c.encode(appliesTo, forKey: .appliesTo)
        try c.encode(decimals, forKey: .decimals)
        try c.encode(definition, forKey: .definition)
        try c.encode(provenance, forKey: .provenance)
    }

    /// The short label where there is one, else the name.
    public var label: String { shortName ?? name }

    /// Counted in the average in its own right (weight above 0).
    public var countsInAverage: Bool { weight > 0 }

    public func applies(to group: PeerGroup?) -> Bool {
        appliesTo.isEmpty || group.map(appliesTo.contains) ?? false
    }

    /// Whether `a` is better than `b` under this metric's direction.
    public func isBetter(_ a: Double, than b: Double) -> Bool {
        direction == .higherIsBetter ? a > b : a < b
    }

    /// Whether a value meets the standard (or, with none, whether there is nothing to meet).
    public func meetsStandard(_ value: Double) -> Bool? {
        guard let standard else { return nil }
        return direction == .higherIsBetter ? value >= standard : value <= standard
    }

    /// Whether a value fails the floor.
    public func failsFloor(_ value: Double) -> Bool? {
        guard let floor else { return nil }
        return direction == .higherIsBetter ? value < floor : value > floor
    }

    /// `92.0%`, `7.5 min`, `1.02`.
    public func format(_ value: Double) -> String {
        unit.format(value, decimals: decimals)
    }
}

public enum Direction: String, Codable, Sendable, CaseIterable {
    case higherIsBetter = "higher"
    case lowerIsBetter = "lower"

    public var label: String { self == .higherIsBetter ? "higher is better" : "lower is better" }
}

public enum MetricUnit: String, Codable, Sendable, CaseIterable {
    case percent
    /// A percentage that can be negative: a planned deficit as a share of income, a change in productivity.
    case signedPercent = "signed-percent"
    /// A percentage of what was expected, which can pass 100 (NOF's relative difference in costs).
    case percentOfExpected = "percent-of-expected"
    /// A score out of 10 (the NHS Staff Survey's).
    case outOfTen = "out-of-10"
    case percentagePoints = "percentage-points"
    case ratio
    case count
    case minutes
    case days
    case ratePer100k = "rate-per-100k"
    case ratePer1000 = "rate-per-1000"
    case score
    case poundsMillion = "pounds-million"
    case times
    case rating

    public var symbol: String {
        switch self {
        case .percent, .signedPercent, .percentOfExpected: return "%"
        case .outOfTen: return "/10"
        case .percentagePoints: return "pp"
        case .ratio, .count, .score, .rating: return ""
        case .minutes: return " min"
        case .days: return " days"
        case .ratePer100k: return "/100k"
        case .ratePer1000: return "/1000"
        case .poundsMillion: return "£m"
        case .times: return "x"
        }
    }

    public func format(_ value: Double, decimals: Int) -> String {
        let number = formatDecimal(value, decimals: decimals)
        switch self {
        case .poundsMillion: return value < 0 ? "-£" + String(number.dropFirst()) + "m" : "£" + number + "m"
        default: return number + symbol
        }
    }
}

/// Whose values a ranked metric's values are ranked among.
public enum RankingPool: String, Codable, Sendable {
    /// The organisation's peer group (NOF: the staff survey, the acute access metrics).
    case peerGroup = "peer-group"
    /// Every provider that reports it, whatever its peer group: a service metric such as urgent community
    /// response is ranked across all who run the service (confirmed by NHS England's published scores).
    case allProviders = "all-providers"

    public var label: String { self == .peerGroup ? "within the peer group" : "across every provider reporting it" }
}

/// How a value becomes a score of 1.00 (best) to 4.00.
public enum MetricScoring: Hashable, Codable, Sendable {
    /// Spread by percentile rank between the bookends the standard and floor set.
    case ranked
    /// Brackets map a value straight to a score (CQC safe rating, neonatal mortality; SOF 2016 finance).
    case bespoke([Bracket])
    /// The value already is a 1–4 score.
    case score
    /// Shown for context, never scored.
    case context
    /// Looked up in a table from two other metrics' scores (NOF's combined finance, from the planned
    /// surplus or deficit and the variance to plan).
    case matrix(ScoreMatrix)

    private enum CodingKeys: String, CodingKey { case method, brackets, matrix }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let method = try container.decode(String.self, forKey: .method)
        switch method {
        case "ranked": self = .ranked
        case "score": self = .score
        case "context": self = .context
        case "bespoke": self = .bespoke(try container.decode([Bracket].self, forKey: .brackets))
        case "matrix": self = .matrix(try container.decode(ScoreMatrix.self, forKey: .matrix))
        default:
            throw DecodingError.dataCorruptedError(forKey: .method, in: container,
                debugDescription: "unknown scoring method “\(method)”; use ranked, bespoke, score, context or matrix")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .ranked: try container.encode("ranked", forKey: .method)
        case .score: try container.encode("score", forKey: .method)
        case .context: try container.encode("context", forKey: .method)
        case .bespoke(let brackets):
            try container.encode("bespoke", forKey: .method)
            try container.encode(brackets, forKey: .brackets)
        case .matrix(let matrix):
            try container.encode("matrix", forKey: .method)
            try container.encode(matrix, forKey: .matrix)
        }
    }

    public var label: String {
        switch self {
        case .ranked: return "ranked"
        case .bespoke: return "bespoke"
        case .score: return "score"
        case .context: return "context only"
        case .matrix: return "from two scores"
        }
    }
}

/// A score read from a table by two other metrics' whole scores (1–4 each): `scores[row − 1][column − 1]`.
public struct ScoreMatrix: Hashable, Codable, Sendable {
    public var rows: MetricID
    public var columns: MetricID
    public var scores: [[Double]]

    public init(rows: MetricID, columns: MetricID, scores: [[Double]]) {
        self.rows = rows
        self.columns = columns
        self.scores = scores
    }

    /// The score for the two component scores, when both are whole and inside the table.
    public func score(row: Double, column: Double) -> Double? {
        guard row == row.rounded(), column == column.rounded() else { return nil }
        let r = Int(row) - 1
        let c = Int(column) - 1
        guard scores.indices.contains(r), scores[r].indices.contains(c) else { return nil }
        return scores[r][c]
    }
}

/// A value range with its score: `atLeast ≤ value < below`, or with an open lower edge (`above`) or a
/// closed upper edge (`atMost`) where the rule is written that way ("a deficit of 1% or more").
public struct Bracket: Hashable, Codable, Sendable {
    public var atLeast: Double?
    public var above: Double?
    public var below: Double?
    public var atMost: Double?
    public var score: Double
    public var label: String?

    public init(atLeast: Double? = nil, above: Double? = nil, below: Double? = nil, atMost: Double? = nil, score: Double,
                label: String? = nil) {
        self.atLeast = atLeast
        self.above = above
        self.below = below
        self.atMost = atMost
        self.score = score
        self.label = label
    }

    public func contains(_ value: Double) -> Bool {
        (atLeast.map { value >= $0 } ?? true) && (above.map { value > $0 } ?? true)
            && (below.map { value < $0 } ?? true) && (atMost.map { value <= $0 } ?? true)
    }

    /// The lowest value it takes in, whether or not the edge itself is in: for ordering brackets.
    public var lowerEdge: Double { atLeast ?? above ?? -Double.infinity }
    /// The highest value it takes in, whether or not the edge itself is in.
    public var upperEdge: Double { below ?? atMost ?? Double.infinity }
}

/// Fixed-point formatting that does not depend on the locale.
public func formatDecimal(_ value: Double, decimals: Int) -> String {
    guard value.isFinite else { return value.isNaN ? "NaN" : (value < 0 ? "-∞" : "∞") }
    var scale = 1.0
    for _ in 0..<max(0, decimals) { scale *= 10 }
    let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
    let negative = value < 0 && scaled > 0
    guard scaled < 9e15 else { return String(value) }
    let integer = Int64(scaled)
    let whole = integer / Int64(scale)
    let fraction = integer % Int64(scale)
    var text = String(whole)
    if decimals > 0 {
        let digits = String(fraction)
        text += "." + String(repeating: "0", count: decimals - digits.count) + digits
    }
    return negative ? "-" + text : text
}
