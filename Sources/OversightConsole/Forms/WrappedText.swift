/// A field's text laid out in lines of a width (word-wrapped; a word longer than the line is cut),
/// with the cursor's place in them. Widths come from the caller, so a wide character takes two
/// columns and, on an ASCII terminal, a folded one takes what it folds to.
struct WrappedText {
    /// Character ranges of each line, the line break itself left out.
    let lines: [Range<Int>]
    let widths: [Int]

    init(_ characters: [Character], width: Int, multiline: Bool, widthOf: (Character) -> Int) {
        widths = characters.map(widthOf)
        guard multiline else {
            lines = [0..<characters.count]
            return
        }
        var lines: [Range<Int>] = []
        var paragraphStart = 0
        for i in 0...characters.count where i == characters.count || characters[i] == "\n" {
            var start = paragraphStart
            repeat {
                var end = start
                var used = 0
                while end < i, used + widths[end] <= max(1, width) { used += widths[end]; end += 1 }
                if end < i, let space = (start..<end).last(where: { characters[$0] == " " }), space > start {
                    lines.append(start..<space)
                    start = space + 1
                } else {
                    if end == start && end < i { end += 1 } // a character wider than the line still moves on
                    lines.append(start..<end)
                    start = end
                }
            } while start < i
            paragraphStart = i + 1
        }
        self.lines = lines
    }

    /// The line and column the cursor is at; at a wrap, the start of the next line.
    func position(of cursor: Int) -> (line: Int, column: Int) {
        var found = (line: 0, column: 0)
        for (i, range) in lines.enumerated() where range.lowerBound <= cursor && cursor <= range.upperBound {
            found = (i, widths[range.lowerBound..<cursor].reduce(0, +))
        }
        return found
    }

    /// The first character to show of one long line so that the cursor stays in view.
    func scrollStart(cursor: Int, width: Int) -> Int {
        var start = 0
        while start < cursor, widths[start..<cursor].reduce(0, +) > max(0, width - 1) { start += 1 }
        return start
    }
}
