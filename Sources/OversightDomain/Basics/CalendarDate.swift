/// A date as history records it: to the day when known, else to the month or year, and marked
/// approximate ("c. 2017") when the source says so. Written `2025-07-01`, `2013-07`, `2016`, `~2017`.
public struct CalendarDate: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int?
    public let day: Int?
    public let approximate: Bool

    public enum Precision: Sendable { case year, month, day }

    public var precision: Precision {
        day != nil ? .day : (month != nil ? .month : .year)
    }

    /// Builds a date, rejecting impossible ones (30 February, month 13).
    public init(year: Int, month: Int? = nil, day: Int? = nil, approximate: Bool = false) throws(DateError) {
        guard (1800...2200).contains(year) else { throw .outOfRange("year \(year)") }
        if let month {
            guard (1...12).contains(month) else { throw .outOfRange("month \(month)") }
            if let day {
                guard (1...CalendarDate.daysIn(month: month, year: year)).contains(day) else {
                    throw .outOfRange("day \(day) of \(CalendarDate.monthNames[month - 1]) \(year)")
                }
            }
        } else if day != nil {
            throw .malformed("a day needs a month")
        }
        self.year = year
        self.month = month
        self.day = day
        self.approximate = approximate
    }

    /// A full-precision day; traps on an impossible date, so use only with known-good literals.
    public static func ymd(_ year: Int, _ month: Int, _ day: Int) -> CalendarDate {
        do { return try CalendarDate(year: year, month: month, day: day) } catch { preconditionFailure("\(error)") }
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, optionally prefixed with `~` for approximate.
    public static func parse(_ text: String) throws(DateError) -> CalendarDate {
        var copy = text
        let parts: (approximate: Bool, numbers: [Int])? = copy.withUTF8 { bytes in
            // Read byte by byte: a store holds thousands of dates.
            var index = 0
            let approximate = bytes.count > 0 && bytes[0] == 0x7E
            if approximate { index = 1 }
            var numbers: [Int] = []
            let widths = [4, 2, 2]
            while index < bytes.count {
                guard numbers.count < 3 else { return nil }
                if !numbers.isEmpty {
                    guard bytes[index] == 0x2D else { return nil }
                    index += 1
                }
                let width = widths[numbers.count]
                guard index + width <= bytes.count else { return nil }
                var value = 0
                for offset in 0..<width {
                    let digit = Int(bytes[index + offset]) - 0x30
                    guard (0...9).contains(digit) else { return nil }
                    value = value * 10 + digit
                }
                numbers.append(value)
                index += width
            }
            return numbers.isEmpty ? nil : (approximate, numbers)
        }
        guard let parts else { throw .malformed("“\(text)” is not a date; type it as 2025-07-01") }
        let numbers = parts.numbers
        return try CalendarDate(year: numbers[0], month: numbers.count > 1 ? numbers[1] : nil,
                                day: numbers.count > 2 ? numbers[2] : nil, approximate: parts.approximate)
    }

    /// The wire form: `2025-07-01`, `2013-07`, `~2017`.
    public var iso: String {
        var text = approximate ? "~" : ""
        text += String(year)
        if let month { text += "-" + CalendarDate.twoDigits(month) }
        if let day { text += "-" + CalendarDate.twoDigits(day) }
        return text
    }

    public var description: String { iso }

    /// How a person reads it: `1 Jul 2025`, `Jul 2013`, `c. 2017`.
    public var display: String {
        var text = approximate ? "c. " : ""
        if let day { text += "\(day) " }
        if let month { text += CalendarDate.monthNames[month - 1] + " " }
        return text + String(year)
    }

    /// Days since 1970-01-01 of the first day this date could mean.
    public var dayNumber: Int {
        CalendarDate.daysFromCivil(year: year, month: month ?? 1, day: day ?? 1)
    }

    /// Days since 1970-01-01 of the last day this date could mean: 31 December for a year, the
    /// month's last day for a month, the day itself for a day.
    public var lastDayNumber: Int {
        guard let month else { return CalendarDate.daysFromCivil(year: year, month: 12, day: 31) }
        return CalendarDate.daysFromCivil(year: year, month: month, day: day ?? CalendarDate.daysIn(month: month, year: year))
    }

    /// Ordered by the first day each could mean; a vaguer date sorts before a precise one on the same day.
    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        if lhs.dayNumber != rhs.dayNumber { return lhs.dayNumber < rhs.dayNumber }
        return lhs.precisionRank < rhs.precisionRank
    }

    private var precisionRank: Int { day != nil ? 2 : (month != nil ? 1 : 0) }

    /// The full-precision day `days` after this one (whose first possible day is used).
    public func adding(days: Int) -> CalendarDate {
        CalendarDate.fromDayNumber(dayNumber + days)
    }

    public static func fromDayNumber(_ number: Int) -> CalendarDate {
        let (y, m, d) = civilFromDays(number)
        return ymd(y, m, d)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            self = try CalendarDate.parse(text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.message)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }

    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    public static func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    // Howard Hinnant's civil-calendar algorithms: exact for the proleptic Gregorian calendar.
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    static func civilFromDays(_ days: Int) -> (Int, Int, Int) {
        let z = days + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}

/// Why a date was refused, in words a user can act on.
public enum DateError: Error, Equatable, Sendable {
    case malformed(String)
    case outOfRange(String)

    public var message: String {
        switch self {
        case .malformed(let text): return text
        case .outOfRange(let what): return "\(what) does not exist; type the date as 2025-07-01"
        }
    }
}
