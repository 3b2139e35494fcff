import OversightDomain

/// How the console explains and echoes a typed date (the reading itself is the domain's, shared with the command line).
extension TypedDate {
    /// How to put a refused date right, with today as the example in both ways it can be typed.
    static func message(_ error: DateError, today: CalendarDate) -> String {
        switch error {
        case .malformed(let text): return "\(text); type it as \(example(today))"
        case .outOfRange(let what): return "\(what) does not exist; type the date as \(example(today))"
        }
    }

    /// "2026-11-24 or 24/11/2026".
    static func example(_ today: CalendarDate) -> String {
        let day = today.day.map { $0 < 10 ? "0\($0)" : "\($0)" } ?? "01"
        let month = today.month.map { $0 < 10 ? "0\($0)" : "\($0)" } ?? "01"
        return "\(today.year)-\(month)-\(day) or \(day)/\(month)/\(today.year)"
    }

    /// What the field shows beside a date it can read: the day, and the ISO form it is saved as
    /// when it was typed another way ("= 15 Dec 2026 (saved as 2026-12-15)").
    static func reading(_ typed: String) -> String? {
        guard let date = try? parse(typed) else { return nil }
        let text = typed.trimmingWhitespace
        return "= " + date.display + (text == date.iso ? "" : " (saved as \(date.iso))")
    }
}
