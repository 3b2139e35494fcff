/// A labelled paragraph: the label in a fixed column and the text word-wrapped beside it with a
/// hanging indent, so that several of them read as a list of steps. Screens measure first (how many
/// lines each would take at this width), decide how many each may have, then draw.
struct Paragraph {
    var label: String
    var text: String
    var role: StyleRole = .plain

    /// The text wrapped to the room beside the label.
    func lines(width: Int, labelWidth: Int) -> [String] {
        TextWrap.lines(text, width: max(8, width - labelWidth))
    }

    /// Draws at most `maxLines` lines from `y`; the last one shown ends with an ellipsis when more
    /// was cut. Returns the lines used.
    @discardableResult
    func draw(x: Int, y: Int, width: Int, labelWidth: Int, maxLines: Int, grid: inout Grid) -> Int {
        guard maxLines > 0 else { return 0 }
        var wrapped = lines(width: width, labelWidth: labelWidth)
        if wrapped.count > maxLines {
            // One line: cut the whole text there; several: the rest of the text goes on the last one, cut.
            let kept = wrapped.prefix(maxLines - 1)
            let rest = wrapped.dropFirst(maxLines - 1).joined(separator: " ")
            wrapped = Array(kept) + [rest]
        }
        grid.write(label, x: x, y: y, maxWidth: min(width, labelWidth - 1), role: .title)
        for (i, line) in wrapped.enumerated() {
            grid.write(line, x: x + labelWidth, y: y + i, maxWidth: max(0, width - labelWidth), role: role)
        }
        return wrapped.count
    }

    /// How many lines each paragraph gets within `budget`: one each first (in order, as far as
    /// they go), then each in turn grows to its whole text while lines are left.
    static func allot(_ paragraphs: [Paragraph], budget: Int, width: Int, labelWidth: Int) -> [Int] {
        var given = paragraphs.indices.map { $0 < budget ? 1 : 0 }
        var left = budget - given.reduce(0, +)
        for i in paragraphs.indices where left > 0 && given[i] > 0 {
            let want = paragraphs[i].lines(width: width, labelWidth: labelWidth).count
            let more = min(left, want - 1)
            given[i] += max(0, more)
            left -= max(0, more)
        }
        return given
    }
}
