/// Word wrapping by display width.
enum TextWrap {
    /// Joins words that must stay on one line ("u undoes it": a key left at the end of a line
    /// reads as a stray letter) with no-break spaces, which `lines` keeps together and shows as spaces.
    static func together(_ words: String) -> String {
        String(words.map { $0 == " " ? noBreakSpace : $0 })
    }

    static let noBreakSpace: Character = "\u{00A0}"

    /// Word-wraps to a width (a word longer than the width is cut); no-break spaces come out as spaces.
    static func lines(_ text: String, width: Int) -> [String] {
        guard text.contains(noBreakSpace) else { return wrapped(text, width: width) }
        return wrapped(text, width: width).map { String($0.map { $0 == noBreakSpace ? " " : $0 }) }
    }

    private static func wrapped(_ text: String, width: Int) -> [String] {
        guard !text.isEmpty else { return [""] }
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            let candidate = current.isEmpty ? String(word) : current + " " + word
            if DisplayWidth.of(candidate) <= width {
                current = candidate
            } else {
                if !current.isEmpty { lines.append(current) }
                current = DisplayWidth.fit(String(word), to: width)
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}
