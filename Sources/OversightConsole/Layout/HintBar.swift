/// The bottom bar: the commands that apply here, each as its key (an F-key where it has one)
/// and a word. Generated from the command table; edit commands are left out when read-only.
enum HintBar {
    struct Item: Equatable {
        var key: String
        var label: String
        var order: Int
    }

    static func items(on screen: ScreenKind, mode: InputMode, readOnly: Bool) -> [Item] {
        let bindings = CommandTable.bindings(on: screen, mode: mode, readOnly: readOnly).filter { $0.hint != nil }
        var seen = Set<String>()
        return bindings.sorted { $0.hint!.priority < $1.hint!.priority }.compactMap { binding in
            // Browsing shows F-keys (the bar people who never learnt vi read); a question shows its letters.
            let preferred = mode == .browsing ? (binding.functionKey ?? binding.keys.first) : binding.keys.first
            guard seen.insert(binding.name).inserted, let hint = binding.hint, let key = preferred else { return nil }
            var order = 100 + hint.priority
            if case .function(let n) = key { order = n }
            return Item(key: key.label, label: hint.label, order: order)
        }
    }

    /// Fits as many items as the width allows, by priority, then shows them in F-key order.
    static func draw(on screen: ScreenKind, mode: InputMode, readOnly: Bool, in rect: Rect, grid: inout Grid) {
        grid.fill(rect, role: .hintLabel)
        var chosen: [Item] = []
        var used = 0
        for item in items(on: screen, mode: mode, readOnly: readOnly) {
            let w = DisplayWidth.of(item.key) + 1 + DisplayWidth.of(item.label) + 1
            if used + w > rect.width { continue }
            chosen.append(item)
            used += w
        }
        var x = rect.x
        for item in chosen.sorted(by: { $0.order < $1.order }) {
            x += grid.write(item.key, x: x, y: rect.y, role: .hintKey) + 1
            x += grid.write(item.label, x: x, y: rect.y, role: .hintLabel) + 1
        }
    }
}
