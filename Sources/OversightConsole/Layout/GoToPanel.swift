/// The go-to box over the top of the body: the matches for what is typed, the chosen one marked.
enum GoToPanel {
    static func draw(_ goTo: GoToState, in body: Rect, grid: inout Grid) {
        let matches = goTo.matches
        let height = min(body.height, max(3, matches.count + 2))
        let box = Rect(x: body.x, y: body.y, width: body.width, height: height)
        grid.fill(box, role: .plain)
        grid.write("Go to: type an ODS code, a name, or a command (Tab completes, Enter goes, Esc cancels)",
                   x: box.x, y: box.y, maxWidth: box.width, role: .title)
        if matches.isEmpty {
            let text = goTo.text.isEmpty ? "For example RX1, Manchester, QHM, or help." : "Nothing matches “\(goTo.text)”."
            grid.write(text, x: box.x + 2, y: box.y + 1, maxWidth: box.width - 2, role: .muted)
        }
        let rows = max(0, height - 2)
        let first = max(0, min(goTo.cursor - rows + 1, matches.count - rows))
        let codeWidth = min(16, matches.dropFirst(first).prefix(rows).map { DisplayWidth.of($0.code) }.max() ?? 4)
        for line in 0..<rows {
            let index = first + line
            guard index < matches.count else { break }
            let match = matches[index]
            let y = box.y + 1 + line
            var x = box.x + 2
            x += grid.write(DisplayWidth.pad(match.kind, to: 12, ellipsis: grid.glyphs.ellipsis), x: x, y: y, role: .muted) + 1
            x += grid.write(DisplayWidth.pad(match.code, to: codeWidth, ellipsis: grid.glyphs.ellipsis), x: x, y: y) + 1
            grid.write(match.name, x: x, y: y, maxWidth: box.maxX - x)
            if index == goTo.cursor {
                grid.write(grid.glyphs.marker, x: box.x, y: y, maxWidth: 1)
                grid.select(Rect(x: box.x, y: y, width: box.width, height: 1))
            }
        }
        grid.write(String(repeating: grid.glyphs.horizontal, count: box.width), x: box.x, y: box.maxY - 1,
                   maxWidth: box.width, role: .muted, ellipsis: false)
    }
}
