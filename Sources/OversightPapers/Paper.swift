import OversightDomain

/// A board paper as a value: a title, blocks in reading order, and the one table its CSV form holds. Every
/// export builds one of these from the store's records; the renderers (Markdown, CSV, HTML) only lay it out,
/// so the three formats can never disagree on a figure.
public struct Paper: Sendable, Equatable {
    public var title: String
    public var blocks: [Block]
    /// What `--format csv` writes: one table per file.
    public var table: PaperTable

    public init(title: String, blocks: [Block], table: PaperTable) {
        self.title = title
        self.blocks = blocks
        self.table = table
    }
}

public enum Block: Sendable, Equatable {
    case heading(String, level: Int)
    case paragraph(String)
    /// Label and value pairs: a headline.
    case facts([Fact])
    case table(PaperTable)
    case bullets([String])
    case chart(Chart)
    /// Where a printed paper should start a new page.
    case pageBreak
}

public struct Fact: Sendable, Equatable {
    public var label: String
    public var value: String

    public init(_ label: String, _ value: String) {
        self.label = label
        self.value = value
    }
}

public struct PaperTable: Sendable, Equatable {
    public var caption: String
    public var columns: [String]
    public var rows: [[Cell]]
    /// What to say when there are no rows (HTML and Markdown; the CSV is then a header alone).
    public var emptyText: String

    public init(caption: String, columns: [String], rows: [[Cell]], emptyText: String = "None.") {
        self.caption = caption
        self.columns = columns
        self.rows = rows
        self.emptyText = emptyText
    }
}

/// A table cell: what a reader sees, and for CSV the plain value behind it (a real number, an ISO date).
public enum Cell: Sendable, Equatable {
    case text(String)
    /// A figure: its value, and how a paper shows it ("78.1%", "2.31").
    case number(Double, shown: String)
    case integer(Int)
    case date(CalendarDate)
    case empty

    public var shown: String {
        switch self {
        case .text(let text): return text
        case .number(_, let shown): return shown
        case .integer(let value): return String(value)
        case .date(let date): return date.display
        case .empty: return ""
        }
    }

    /// For CSV: numbers as numbers (no units, no thousands separators), dates as ISO 8601.
    public var plain: String {
        switch self {
        case .text(let text): return text
        case .number(let value, _): return Cell.plainNumber(value)
        case .integer(let value): return String(value)
        case .date(let date): return date.iso
        case .empty: return ""
        }
    }

    public var isNumeric: Bool {
        switch self {
        case .number, .integer: return true
        default: return false
        }
    }

    /// Shortest form that reads back to the same Double, never in exponent notation (a spreadsheet reads both,
    /// a person reading the file only one).
    static func plainNumber(_ value: Double) -> String {
        guard value.isFinite else { return "" }
        for decimals in 0...10 {
            let text = formatDecimal(value, decimals: decimals)
            if Double(text) == value { return text }
        }
        return formatDecimal(value, decimals: 10)
    }

    public static func figure(_ value: Double?, decimals: Int, suffix: String = "") -> Cell {
        guard let value else { return .empty }
        return .number(value, shown: formatDecimal(value, decimals: decimals) + suffix)
    }
}

/// Charts a paper draws (as inline SVG in HTML; as a small table in Markdown).
public enum Chart: Sendable, Equatable {
    /// Published segment by quarter (nil: nothing published that quarter).
    case segmentTimeline(title: String, points: [SegmentPoint], segments: ClosedRange<Int>)
    /// A metric's published value by quarter against its standard and the peer group's quartiles.
    case metricTrend(MetricTrend)
    /// Where a trust sits in its league: rank of N.
    case leaguePosition(title: String, rank: Int, of: Int, segment: Int)
}

public struct SegmentPoint: Sendable, Equatable {
    public var label: String
    public var segment: Int?

    public init(label: String, segment: Int?) {
        self.label = label
        self.segment = segment
    }
}

public struct MetricTrend: Sendable, Equatable {
    public struct Point: Sendable, Equatable {
        public var label: String
        public var value: Double?
        public var median: Double?
        public var lowerQuartile: Double?
        public var upperQuartile: Double?

        public init(label: String, value: Double?, median: Double?, lowerQuartile: Double?, upperQuartile: Double?) {
            self.label = label
            self.value = value
            self.median = median
            self.lowerQuartile = lowerQuartile
            self.upperQuartile = upperQuartile
        }
    }

    public var title: String
    public var standard: Double?
    public var higherIsBetter: Bool
    public var decimals: Int
    public var suffix: String
    public var points: [Point]

    public init(title: String, standard: Double?, higherIsBetter: Bool, decimals: Int, suffix: String, points: [Point]) {
        self.title = title
        self.standard = standard
        self.higherIsBetter = higherIsBetter
        self.decimals = decimals
        self.suffix = suffix
        self.points = points
    }
}
