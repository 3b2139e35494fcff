/// Word wrapping by display width.
enum TextWrap {
    /// Word-wraps to a width (a word longer than the width is cut).
    static func lines(_ text: String, width: Int) -> [String] {
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
