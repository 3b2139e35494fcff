import OversightDomain

/// A list a screen shows: columns, rows of typed values, and the noun for counts.
/// Built once per dataset and viewpoint; filtering, sorting and scrolling only reorder indices.
public struct Table: Sendable {
    public var columns: [Column]
    public var rows: [Row]
    /// "footprint"/"footprints", for "42 footprints" and "filtered 12/42".
    public var noun: Noun
    /// Natural width of each column's content (widest cell), measured once.
    public let contentWidths: [Int]
    /// What the screen says when the list is empty.
    public var emptyText: String
    /// The segment distribution of the rows, for a panel that shows it (worked out once, not per frame).
    public var segmentMix: SegmentMix?
    /// Each sortable column's rows ranked once (ties share a rank, no value ranks last), so a sort
    /// key press orders integers, not strings.
    let sortRanks: [[Int32]?]

    public init(columns: [Column], rows: [Row], noun: Noun, emptyText: String = "Nothing to show.", segmentMix: SegmentMix? = nil) {
        self.columns = columns
        self.rows = rows
        self.noun = noun
        self.emptyText = emptyText
        self.segmentMix = segmentMix
        sortRanks = columns.indices.map { column in
            columns[column].sortable ? Table.ranks(rows.map { $0.cells.indices.contains(column) ? $0.cells[column].sortKey : .missing }) : nil
        }
        var widths = columns.map { _ in 0 }
        for row in rows {
            for (i, cell) in row.cells.enumerated() where i < widths.count {
                widths[i] = max(widths[i], cell.naturalWidth)
            }
        }
        contentWidths = widths
    }

    public func index(ofKey key: String) -> Int? { rows.firstIndex { $0.key == key } }

    /// Dense ranks of sort keys: equal keys share a rank; missing values get Int32.max.
    static func ranks(_ keys: [SortKey]) -> [Int32] {
        let order = keys.indices.sorted { keys[$0] < keys[$1] }
        var ranks = [Int32](repeating: .max, count: keys.count)
        var rank: Int32 = 0
        for (position, index) in order.enumerated() where keys[index] != .missing {
            if position > 0, keys[order[position - 1]] != keys[index] { rank += 1 }
            ranks[index] = rank
        }
        return ranks
    }
}

public struct Noun: Sendable, Hashable {
    public var singular: String
    public var plural: String

    public init(_ singular: String, _ plural: String) {
        self.singular = singular
        self.plural = plural
    }

    public func count(_ n: Int) -> String { "\(n) \(n == 1 ? singular : plural)" }
}

/// A column: titles from longest to shortest (the widest that fits is shown), alignment, width
/// rules, and when it is dropped on a narrow terminal.
public struct Column: Sendable {
    public enum Alignment: Sendable { case left, right, centre }

    public var titles: [String]
    public var alignment: Alignment
    /// Never narrower than this (a column that cannot have it is dropped instead).
    public var minWidth: Int
    /// Never wider than this.
    public var maxWidth: Int
    /// Takes the spare width (one per table: the name).
    public var flexible: Bool
    /// 0 is never dropped; otherwise higher numbers are dropped first when the terminal is narrow.
    public var dropOrder: Int
    public var sortable: Bool

    public init(_ titles: [String], alignment: Alignment = .left, minWidth: Int = 1, maxWidth: Int = 60,
                flexible: Bool = false, dropOrder: Int = 0, sortable: Bool = true) {
        self.titles = titles
        self.alignment = alignment
        self.minWidth = minWidth
        self.maxWidth = maxWidth
        self.flexible = flexible
        self.dropOrder = dropOrder
        self.sortable = sortable
    }

    public var title: String { titles.first ?? "" }
}

/// A row: a stable key (to keep the cursor on it when the list changes), its cells, and the
/// lower-cased text a filter matches against.
public struct Row: Sendable {
    public var key: String
    public var cells: [CellValue]
    /// The lower-cased searchable text as UTF-8, so a filter scans bytes, not characters.
    public let search: [UInt8]

    public init(key: String, cells: [CellValue], search: String? = nil) {
        self.key = key
        self.cells = cells
        self.search = Array((search ?? cells.map(\.searchText).joined(separator: " ")).lowercased().utf8)
    }
}

/// Red, amber, green, always shown with its letter.
public enum RAG: String, Sendable, Hashable, Comparable {
    case red = "R", amber = "A", green = "G"

    public var word: String {
        switch self {
        case .red: return "Red"
        case .amber: return "Amber"
        case .green: return "Green"
        }
    }

    public var role: StyleRole {
        switch self {
        case .red: return .ragRed
        case .amber: return .ragAmber
        case .green: return .ragGreen
        }
    }

    var order: Int { self == .red ? 0 : (self == .amber ? 1 : 2) }
    public static func < (lhs: RAG, rhs: RAG) -> Bool { lhs.order < rhs.order }
}

/// A typed table value: how it reads, sorts and draws.
public enum CellValue: Sendable {
    case text(String, StyleRole)
    /// Text with a muted tag after it ("illustrative").
    case tagged(String, tag: String)
    /// Text marked UNVERIFIED by a one-column glyph (`Acute†`), which the screen explains in a legend,
    /// so that the column stays narrow and the names beside it keep their width.
    case unverified(String)
    case integer(Int)
    /// A number shown as formatted text, sorted by value; nil is "no value" shown as `text`.
    case decimal(Double?, text: String)
    case segment(Int?, nearBoundary: Bool)
    case mix(SegmentMix)
    case rag(RAG?)
    case sparkline([Double?])
    /// Segments over the last quarters, oldest first.
    case trend([Int?])
    case date(CalendarDate?)
    /// A span of days (open-ended when `to` is nil) drawn on a shared time axis.
    case span(from: Int, to: Int?, axis: ClosedRange<Int>, open: Bool)
    case empty

    public static func text(_ text: String) -> CellValue { .text(text, .plain) }

    /// Columns the value wants.
    public var naturalWidth: Int {
        switch self {
        case .text(let text, _): return DisplayWidth.of(text)
        case .tagged(let text, let tag): return DisplayWidth.of(text) + (tag.isEmpty ? 0 : 1 + DisplayWidth.of(tag))
        case .unverified(let text): return DisplayWidth.of(text) + 1
        case .integer(let n): return String(n).count
        case .decimal(_, let text): return DisplayWidth.of(text)
        case .segment: return 3
        case .mix: return 15
        case .rag: return 3
        case .sparkline(let values): return values.count
        case .trend(let segments): return segments.count * 2 + 1
        case .date(let date): return date.map { DisplayWidth.of($0.display) } ?? 1
        case .span: return 16
        case .empty: return 0
        }
    }

    public var searchText: String {
        switch self {
        case .text(let text, _): return text
        case .tagged(let text, let tag): return text + " " + tag
        case .unverified(let text): return text + " unverified"
        case .integer(let n): return String(n)
        case .decimal(_, let text): return text
        case .segment(let n, _): return n.map { "segment \($0)" } ?? ""
        case .rag(let rag): return rag?.word ?? ""
        case .date(let date): return date?.display ?? ""
        case .mix, .sparkline, .trend, .span, .empty: return ""
        }
    }

    /// How the value sorts: text alphabetically, numbers by value, missing values last.
    public var sortKey: SortKey {
        switch self {
        case .text(let text, _), .tagged(let text, _), .unverified(let text): return text.isEmpty ? .missing : .text(text.lowercased())
        case .integer(let n): return .number(Double(n))
        case .decimal(let value, _): return value.map(SortKey.number) ?? .missing
        case .segment(let n, _): return n.map { .number(Double($0)) } ?? .missing
        case .mix(let mix):
            // Worst segment first, then how many sit in it.
            guard let worst = mix.worst else { return .missing }
            return .number(Double(worst) * 10_000 + Double(mix.counts[worst - 1]))
        case .rag(let rag): return rag.map { .number(Double($0.order)) } ?? .missing
        case .sparkline(let values): return values.last.flatMap { $0 }.map(SortKey.number) ?? .missing
        case .trend(let segments): return segments.last.flatMap { $0 }.map { .number(Double($0)) } ?? .missing
        case .date(let date): return date.map { .number(Double($0.dayNumber)) } ?? .missing
        case .span(let from, _, _, _): return .number(Double(from))
        case .empty: return .missing
        }
    }
}

public enum SortKey: Comparable, Sendable {
    case number(Double)
    case text(String)
    /// Always after everything else, whichever way the list is sorted.
    case missing
}
