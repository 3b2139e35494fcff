/// A date as a user types it in a form. The store writes ISO (`2026-12-15`, or `2026-12`, `2026`,
/// `~2017` when only that is known), and that is always accepted; so is the day-first way English
/// users write a date, `15/12/2026` or `1/7/2025` (with `/`, `.` or `-`), and a month `12/2026`.
/// Month first is never read: `12/15/2026` has no month 15 and is refused saying dates are day
/// first, while `3/4/2026` is 3 April. A two-digit year (`15/12/26`) is refused too: the dates
/// recorded go back decades (a trust founded in 1948), so `26` could as well be 1926 as 2026.
public enum TypedDate {
    public static func parse(_ typed: String) throws(DateError) -> CalendarDate {
        let text = typed.trimmingSpaces
        guard let separator = dayFirstSeparator(text) else {
            do { return try CalendarDate.parse(text) } catch {
                if case .outOfRange = error { throw error }
                throw .malformed("“\(text)” is not a date")
            }
        }
        let parts = text.split(separator: separator, omittingEmptySubsequences: false).map(String.init)
        guard (2...3).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              parts.dropLast().allSatisfy({ $0.count <= 2 }), let year = Int(parts[parts.count - 1]) else {
            throw .malformed("“\(text)” is not a date")
        }
        let numbers = parts.dropLast().compactMap { Int($0) }
        guard parts[parts.count - 1].count == 4 else {
            throw .malformed("“\(text)”: write the year in full, as \(numbers.map(String.init).joined(separator: "/"))/20\(parts.last!.suffix(2))")
        }
        let month = numbers[numbers.count - 1]
        let day = numbers.count == 2 ? numbers[0] : nil
        if month > 12, let day, day <= 12 {
            throw .malformed("“\(text)”: there is no month \(month); dates are day first, as \(month)/\(day)/\(year)")
        }
        return try CalendarDate(year: year, month: month, day: day)
    }

    /// `/` or `.` anywhere, or `-` after a one- or two-digit day: day first. ISO starts with a four-digit year.
    public static func dayFirstSeparator(_ text: String) -> Character? {
        if text.contains("/") { return "/" }
        if text.contains(".") { return "." }
        if let dash = text.firstIndex(of: "-"), text.distance(from: text.startIndex, to: dash) <= 2 { return "-" }
        return nil
    }

}
