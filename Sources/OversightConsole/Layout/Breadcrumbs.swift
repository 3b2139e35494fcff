/// "England › North West › Lancashire and South Cumbria › RAA Riverside": the stack as a path,
/// shortened from the middle (the first and the current level stay readable) to fit a width.
enum Breadcrumbs {
    static func text(_ crumbs: [String], width: Int, glyphs: Glyphs) -> String {
        let separator = glyphs.crumbSeparator
        var parts = crumbs
        func joined() -> String { parts.joined(separator: separator) }
        var index = 1
        while DisplayWidth.of(joined()) > width, index < parts.count - 1 {
            parts[index] = glyphs.ellipsis
            index += 1
        }
        // Neighbouring ellipses say no more than one.
        var collapsed: [String] = []
        for part in parts where !(part == glyphs.ellipsis && collapsed.last == glyphs.ellipsis) { collapsed.append(part) }
        parts = collapsed
        if DisplayWidth.of(joined()) > width, parts.count > 1 {
            // Still too long: keep the current level whole if possible, the rest cut.
            let last = parts[parts.count - 1]
            let room = width - DisplayWidth.of(last) - DisplayWidth.of(separator)
            if room >= 4 {
                let head = parts.dropLast().joined(separator: separator)
                return DisplayWidth.truncate(head, to: room, ellipsis: glyphs.ellipsis) + separator + last
            }
        }
        return DisplayWidth.truncate(joined(), to: width, ellipsis: glyphs.ellipsis)
    }
}
