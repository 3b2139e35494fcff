/// An NHS reporting period: a financial year (April to March) or one of its quarters.
/// Written `2025-26` and `2025-26-Q1`; shown `2025/26` and `2025/26 Q1`.
public struct Period: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    /// The calendar year the financial year starts in: 2025 for 2025/26.
    public let financialYear: Int
    /// 1…4, or nil for the whole year.
    public let quarter: Int?

    public init(financialYear: Int, quarter: Int? = nil) {
        precondition(quarter.map { (1...4).contains($0) } ?? true, "quarter \(quarter!) out of 1…4")
        self.financialYear = financialYear
        self.quarter = quarter
    }

    public static func quarter(_ financialYear: Int, _ quarter: Int) -> Period {
        Period(financialYear: financialYear, quarter: quarter)
    }

    public var id: String {
        let years = "\(financialYear)-\(CalendarDate.twoDigits((financialYear + 1) % 100))"
        return quarter.map { "\(years)-Q\($0)" } ?? years
    }

    public var label: String {
        let years = "\(financialYear)/\(CalendarDate.twoDigits((financialYear + 1) % 100))"
        return quarter.map { "\(years) Q\($0)" } ?? years
    }

    /// Short form for narrow columns: `Q1 25/26`.
    public var shortLabel: String {
        let years = "\(CalendarDate.twoDigits(financialYear % 100))/\(CalendarDate.twoDigits((financialYear + 1) % 100))"
        return quarter.map { "Q\($0) \(years)" } ?? years
    }

    public var description: String { id }

    public var isQuarter: Bool { quarter != nil }

    public var start: CalendarDate {
        guard let quarter else { return .ymd(financialYear, 4, 1) }
        let month = 4 + (quarter - 1) * 3
        return month > 12 ? .ymd(financialYear + 1, month - 12, 1) : .ymd(financialYear, month, 1)
    }

    /// The last day of the period.
    public var end: CalendarDate {
        let next = quarter == nil ? Period(financialYear: financialYear + 1) : self.next
        return next.start.adding(days: -1)
    }

    public func contains(_ date: CalendarDate) -> Bool {
        date.dayNumber >= start.dayNumber && date.dayNumber <= end.dayNumber
    }

    /// The following quarter (or year).
    public var next: Period {
        guard let quarter else { return Period(financialYear: financialYear + 1) }
        return quarter == 4 ? .quarter(financialYear + 1, 1) : .quarter(financialYear, quarter + 1)
    }

    public var previous: Period {
        guard let quarter else { return Period(financialYear: financialYear - 1) }
        return quarter == 1 ? .quarter(financialYear - 1, 4) : .quarter(financialYear, quarter - 1)
    }

    /// The financial year a quarter belongs to.
    public var year: Period { Period(financialYear: financialYear) }

    /// The quarter containing a day.
    public static func quarter(containing date: CalendarDate) -> Period {
        let month = date.month ?? 4
        let fy = month >= 4 ? date.year : date.year - 1
        let q = month >= 4 ? (month - 4) / 3 + 1 : 4
        return .quarter(fy, q)
    }

    /// `from` through `to` inclusive, quarter by quarter.
    public static func quarters(from: Period, through: Period) -> [Period] {
        var result: [Period] = []
        var current = from
        while current <= through {
            result.append(current)
            current = current.next
        }
        return result
    }

    /// Ordered by start; a quarter sorts before the year that starts on the same day.
    public static func < (lhs: Period, rhs: Period) -> Bool {
        if lhs.start != rhs.start { return lhs.start < rhs.start }
        return lhs.quarter != nil && rhs.quarter == nil
    }

    /// Parses `2025-26` or `2025-26-Q1` (also `2025/26 Q1`).
    public static func parse(_ text: String) -> Period? {
        let parts = text.split(whereSeparator: { $0 == "-" || $0 == "/" || $0 == " " })
        guard parts.count == 2 || parts.count == 3,
              parts[0].count == 4, let start = Int(parts[0]),
              parts[1].count == 2, let end = Int(parts[1]), end == (start + 1) % 100,
              (1800...2200).contains(start)
        else { return nil }
        if parts.count == 2 { return Period(financialYear: start) }
        let q = parts[2].uppercased()
        guard q.count == 2, q.hasPrefix("Q"), let n = Int(q.dropFirst()), (1...4).contains(n) else { return nil }
        return .quarter(start, n)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let period = Period.parse(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "“\(text)” is not a period like 2025-26-Q1 or 2025-26")
        }
        self = period
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(id)
    }
}
