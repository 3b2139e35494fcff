/// What text may hold. Control characters never get stored (an ESC sequence in a stored name could
/// take over the terminal that shows it), and text has a size limit so one field cannot swamp a screen or a journal entry.
public enum TextRules {
    /// Names, owners, "decided by": one line.
    public static let shortLimit = 200
    /// Notes, rationales, reasons, exit criteria: several paragraphs.
    public static let longLimit = 16_000

    /// Whether a character may be stored (`multiline` allows newlines).
    public static func isAllowed(_ scalar: Unicode.Scalar, multiline: Bool) -> Bool {
        switch scalar.value {
        case 0x0A: return multiline
        case 0x00...0x1F, 0x7F...0x9F: return false
        // Bidirectional overrides and isolates can make text display as something other than it is.
        case 0x202A...0x202E, 0x2066...0x2069: return false
        default: return true
        }
    }

    /// The first problem with a text field, or nil when it may be stored as it is.
    public static func problem(in text: String, multiline: Bool, limit: Int, required: Bool = false) -> String? {
        if required && text.allSatisfy(\.isWhitespace) { return "must not be empty" }
        if text.count > limit { return "is \(text.count) characters long; the limit is \(limit)" }
        if let bad = text.unicodeScalars.first(where: { !isAllowed($0, multiline: multiline) }) {
            return "holds a control character (U+\(String(bad.value, radix: 16, uppercase: true))); remove it"
        }
        return nil
    }
}

