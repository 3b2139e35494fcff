import Foundation

/// CSV the command line writes, one field at a time, for every report that has a CSV form.
enum CSVOutput {
    /// One field, quoted when it must be. A field a spreadsheet would run as a formula (one that
    /// starts with =, +, -, @, a tab or a carriage return) is neutralised as OWASP advises for CSV
    /// injection: a single quote in front makes it text, and it is quoted. A plain number (a
    /// negative value, say) is not a formula and stays a number.
    static func field(_ text: String) -> String {
        if let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first),
           text.range(of: #"^[-+]?[0-9]+(\.[0-9]+)?$"#, options: .regularExpression) == nil {
            return "\"'" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }
}
