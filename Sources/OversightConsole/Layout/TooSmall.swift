/// What shows instead of a screen when the terminal is smaller than 60×16: the size it is, the
/// size needed, and how to leave. Never a crash, whatever the size.
enum TooSmall {
    static func draw(_ size: Size, into grid: inout Grid) {
        let lines = [
            "Terminal too small",
            "",
            "This window is \(size.width)×\(size.height).",
            "oversight needs at least \(Size.minimum.width)×\(Size.minimum.height).",
            "",
            "Make the window larger, or press Q to quit.",
        ]
        let wrapped = lines.flatMap { TextWrap.lines($0, width: max(1, size.width)) }
        let top = max(0, (size.height - wrapped.count) / 2)
        for (i, line) in wrapped.enumerated() where top + i < size.height {
            let w = DisplayWidth.of(line)
            grid.write(line, x: max(0, (size.width - w) / 2), y: top + i, role: i == 0 ? .title : .plain)
        }
        grid.cursor = Position(x: 0, y: min(top, max(0, size.height - 1)))
    }
}
