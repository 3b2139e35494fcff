/// The bottom bar: the commands that apply here, each as its keys and a word. An F-key shows with
/// its letter alternative (`F3 / Filter`), so people who never learnt vi and people who did both
/// find theirs. Generated from the command table; edit commands are left out when read-only.
/// On a narrow terminal items go by priority (lowest first kept), and an F-key item that does not
/// fit with its letter is shown with the F-key alone.
enum HintBar {
    struct Item: Equatable {
        /// "F3 /", or "d" for a command with no F-key.
        var keys: String
        /// "F3", the F-key alone, when room is short.
        var shortKeys: String
        var label: String
        var order: Int
    }

    static func items(on screen: ScreenKind, mode: Mode.Kind, readOnly: Bool, ascii: Bool = false) -> [Item] {
        let hinted = CommandTable.bindings(on: screen, mode: mode, readOnly: readOnly).compactMap { binding in
            binding.hintPriority(on: screen).map { (binding: binding, priority: $0) }
        }
        var seen = Set<String>()
        return hinted.sorted { $0.priority < $1.priority }.compactMap { binding, priority in
            guard seen.insert(binding.name).inserted, let hint = binding.hint, let first = binding.keys.first else { return nil }
            // Browsing shows the F-key and its letter; a question or a form shows the key it names first.
            if mode == .browsing, let function = binding.functionKey, case .function(let n) = function {
                let letter = binding.keys.first { $0 != function }
                return Item(keys: function.barLabel + (letter.map { " " + $0.barLabel } ?? ""), shortKeys: function.barLabel,
                            label: hint.label, order: n)
            }
            return Item(keys: ascii ? first.asciiLabel : first.label, shortKeys: ascii ? first.asciiLabel : first.barLabel, label: hint.label,
                        order: 100 + priority)
        }
    }

    /// Fits as many items as the width allows, by priority, then shows them in F-key order.
    static func draw(on screen: ScreenKind, mode: Mode.Kind, readOnly: Bool, in rect: Rect, grid: inout Grid) {
        grid.fill(rect, role: .hintLabel)
        var chosen: [(keys: String, item: Item)] = []
        var used = 0
        for item in items(on: screen, mode: mode, readOnly: readOnly, ascii: grid.ascii) {
            for keys in [item.keys, item.shortKeys] {
                let w = DisplayWidth.of(keys) + 1 + DisplayWidth.of(item.label) + 1
                if used + w > rect.width { continue }
                chosen.append((keys, item))
                used += w
                break
            }
        }
        var x = rect.x
        for (keys, item) in chosen.sorted(by: { $0.item.order < $1.item.order }) {
            x += grid.write(keys, x: x, y: rect.y, role: .hintKey) + 1
            x += grid.write(item.label, x: x, y: rect.y, role: .hintLabel) + 1
        }
    }
}
