/// One metric of a framework: what is measured, which way is better, the standard or floor,
/// and how a value becomes a score.
public struct MetricDefinition: Hashable, Codable, Sendable {
    public var id: MetricID
    public var name: String
    public var theme: ThemeID
    public var unit: MetricUnit
    public var direction: Direction
    /// Everyone meeting it scores 1 (NOF 2025/26); the operational standard a screen draws in.
    public var standard: Double?
    /// Everyone failing it scores 4.
    public var floor: Double?
    /// Relative weight in the average (the three infection metrics weigh one third each).
    public var weight: Double
    public var scoring: MetricScoring
    /// Peer groups it is scored for; empty means every provider.
    public var appliesTo: [PeerGroup]
    /// Decimal places to show.
    public var decimals: Int
    public var definition: String
    public var provenance: Provenance

    public init(id: MetricID, name: String, theme: ThemeID, unit: MetricUnit, direction: Direction,
                standard: Double? = nil, floor: Double? = nil, weight: Double = 1, scoring: MetricScoring = .ranked,
                appliesTo: [PeerGroup] = [], decimals: Int = 1, definition: String, provenance: Provenance) {
        self.id = id
        self.name = name
        self.theme = theme
        self.unit = unit
        self.direction = direction
        self.standard = standard
        self.floor = floor
        self.weight = weight
        self.scoring = scoring
        self.appliesTo = appliesTo
        self.decimals = decimals
        self.definition = definition
        self.provenance = provenance
    }

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
        case .percent: return "%"
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

    private enum CodingKeys: String, CodingKey { case method, brackets }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let method = try container.decode(String.self, forKey: .method)
        switch method {
        case "ranked": self = .ranked
        case "score": self = .score
        case "context": self = .context
        case "bespoke": self = .bespoke(try container.decode([Bracket].self, forKey: .brackets))
        default:
            throw DecodingError.dataCorruptedError(forKey: .method, in: container,
                debugDescription: "unknown scoring method “\(method)”; use ranked, bespoke, score or context")
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
        }
    }

    public var label: String {
        switch self {
        case .ranked: return "ranked"
        case .bespoke: return "bespoke"
        case .score: return "score"
        case .context: return "context only"
        }
    }
}

/// A value range with its score: `atLeast ≤ value < below`.
public struct Bracket: Hashable, Codable, Sendable {
    public var atLeast: Double?
    public var below: Double?
    public var score: Double
    public var label: String?

    public init(atLeast: Double? = nil, below: Double? = nil, score: Double, label: String? = nil) {
        self.atLeast = atLeast
        self.below = below
        self.score = score
        self.label = label
    }

    public func contains(_ value: Double) -> Bool {
        (atLeast.map { value >= $0 } ?? true) && (below.map { value < $0 } ?? true)
    }
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
