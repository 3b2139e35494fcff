/// "England › North West › Lancashire and South Cumbria › RAA Riverside": the stack as a path,
/// shortened from the middle (the first and the current level stay readable) to fit a width.
public enum Breadcrumbs {
    public static func text(_ crumbs: [String], width: Int, glyphs: Glyphs) -> String {
        let separator = glyphs.crumbSeparator
        let gap = glyphs.crumbEllipsis
        // Levels left out show as one ellipsis, however many there are.
        func render(_ parts: [String]) -> String {
            var shown: [String] = []
            for part in parts where !(part == gap && shown.last == gap) { shown.append(part) }
            return shown.joined(separator: separator)
        }
        var parts = crumbs
        var index = 1
        while DisplayWidth.of(render(parts)) > width, index < parts.count - 1 {
            parts[index] = gap
            index += 1
        }
        let text = render(parts)
        if DisplayWidth.of(text) > width, parts.count > 1 {
            // Still too long: the current level keeps what room there is after the first.
            let head = render(Array(parts.dropLast()))
            let room = width - DisplayWidth.of(head) - DisplayWidth.of(separator)
            if room >= 8 { return head + separator + DisplayWidth.truncate(parts[parts.count - 1], to: room, ellipsis: glyphs.ellipsis) }
        }
        return DisplayWidth.truncate(text, to: width, ellipsis: glyphs.ellipsis)
    }
}
