import OversightConsole

/// docs/keys.md, generated from the command table and what each screen offers (a test fails when
/// the file is stale; `UPDATE_DOCS=1 swift test --filter keysDocument` rewrites it).
enum KeysDocument {
    static func markdown() -> String {
        var text = """
        # Keys

        Generated from the console's command table (`Sources/OversightConsole/Keys/CommandTable.swift`);
        the help screen (`?` or F1) and the bar at the bottom of the screen come from the same table.
        Do not edit by hand: run `UPDATE_DOCS=1 swift test --filter keysDocument`.

        Every F-key has a letter alternative (the bottom bar shows both: `F3 / Filter`), and arrows
        work as well as `j k g G`. In a form every letter is typed, so its keys are Enter, Esc, Tab,
        the arrows, the line-editing keys and F1. On a read-only store the keys marked *edits* are
        not shown; pressing one says why nothing can be recorded.

        """
        var groups: [String] = []
        for binding in CommandTable.all where !groups.contains(binding.group) { groups.append(binding.group) }
        for group in groups {
            text += "\n## \(group)\n\n| Keys | Command | What it does | Where |\n|---|---|---|---|\n"
            for binding in CommandTable.all where binding.group == group {
                let keys = binding.keys.map { "`\($0.asciiLabel == $0.label ? $0.label : $0.label + " (" + $0.asciiLabel + ")")`" }
                    .joined(separator: " ")
                var help = binding.help.replacingPipes
                if binding.edits { help += " *(edits)*" }
                text += "| \(keys) | `\(binding.name)` | \(help) | \(place(binding)) |\n"
            }
        }
        return text
    }

    /// Where a command applies: everywhere, the screens that offer it (or every one but those that
    /// do not, when that is shorter), or the mode it is for.
    static func place(_ binding: CommandBinding) -> String {
        switch binding.scope {
        case .global: return "everywhere"
        case .offered:
            let (offering, others) = (EveryScreen.kinds.filter { $0.offers.contains(binding.intent) },
                                      EveryScreen.kinds.filter { !$0.offers.contains(binding.intent) })
            if others.count < offering.count / 2 { return "everywhere but " + others.map(\.title).joined(separator: ", ") }
            return offering.map(\.title).joined(separator: ", ")
        case .mode(let mode): return "while " + mode.label
        }
    }
}

extension String {
    fileprivate var replacingPipes: String { split(separator: "|", omittingEmptySubsequences: false).joined(separator: "\\|") }
}
