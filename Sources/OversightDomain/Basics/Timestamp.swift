/// A moment in UTC, to the second: when a journal entry or a note was written.
/// The domain never reads the clock; callers pass timestamps in.
public struct Timestamp: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public let secondsSince1970: Int64

    public init(secondsSince1970: Int64) { self.secondsSince1970 = secondsSince1970 }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool { lhs.secondsSince1970 < rhs.secondsSince1970 }

    /// The calendar day (UTC) this moment falls on.
    public var date: CalendarDate {
        CalendarDate.fromDayNumber(Int(floorDiv(secondsSince1970, 86_400)))
    }

    /// `2026-11-23T23:40:00Z`.
    public var iso: String {
        let seconds = Int(secondsSince1970 - floorDiv(secondsSince1970, 86_400) * 86_400)
        let time = [seconds / 3600, (seconds / 60) % 60, seconds % 60].map(CalendarDate.twoDigits).joined(separator: ":")
        return date.iso + "T" + time + "Z"
    }

    /// `23 Nov 2026 23:40`, for screens.
    public var display: String {
        date.display + " " + iso.dropFirst(11).prefix(5)
    }

    public var description: String { iso }

    /// The same moment's clock reading `seconds` ahead of UTC, for showing in a time zone (the
    /// domain knows no zones: the console works out the offset and passes it in).
    public func shifted(by seconds: Int) -> Timestamp {
        Timestamp(secondsSince1970: secondsSince1970 + Int64(seconds))
    }

    /// Parses `YYYY-MM-DDThh:mm:ssZ` exactly (read byte by byte: stores hold thousands of these).
    public static func parse(_ text: String) -> Timestamp? {
        var text = text
        return text.withUTF8 { bytes -> Timestamp? in
            guard bytes.count == 20, bytes[4] == 0x2D, bytes[7] == 0x2D, bytes[10] == 0x54, bytes[13] == 0x3A,
                  bytes[16] == 0x3A, bytes[19] == 0x5A else { return nil }
            func number(_ from: Int, _ count: Int) -> Int? {
                var value = 0
                for index in from..<(from + count) {
                    let digit = Int(bytes[index]) - 0x30
                    guard (0...9).contains(digit) else { return nil }
                    value = value * 10 + digit
                }
                return value
            }
            guard let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
                  let h = number(11, 2), let m = number(14, 2), let s = number(17, 2), h < 24, m < 60, s < 60,
                  let date = try? CalendarDate(year: year, month: month, day: day) else { return nil }
            return Timestamp(secondsSince1970: Int64(date.dayNumber) * 86_400 + Int64(h * 3600 + m * 60 + s))
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = Timestamp.parse(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "“\(text)” is not a UTC time like 2026-11-23T23:40:00Z")
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }
}

func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
    let q = a / b
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
}
