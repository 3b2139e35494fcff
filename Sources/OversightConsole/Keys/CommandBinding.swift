/// One row of the command table: a command as the user knows it (its long name, keys and help),
/// the intent it asks for, where it applies and how the hint bar shows it. Help, the hint bar, the
/// keymap, the go-to palette and docs/keys.md all read this.
public struct CommandBinding: Sendable {
    public enum Scope: Hashable, Sendable {
        /// On every screen while browsing.
        case global
        /// While browsing, on the screens that offer its intent (`ScreenKind.offers`): the table
        /// asks the screen rather than listing screens.
        case offered
        /// While typing or answering (filter, go-to, a form, a question, confirm quit).
        case mode(Mode.Kind)
    }

    /// How the bottom bar shows a command: "F3 Filter", or a letter when it has no F-key.
    public struct Hint: Sendable {
        public var label: String
        /// Lower shows first and survives longer on a narrow terminal.
        public var priority: Int
        /// When set, `priority` holds only on screens whose own work this is (`ScreenKind.foremost`:
        /// `c` on a league table); elsewhere the command gives way to this, so that a key reachable
        /// from many screens does not push Enter, Esc or Go to off the bar of a screen with its own work.
        public var elsewhere: Int?

        public init(_ label: String, priority: Int, elsewhere: Int? = nil) {
            self.label = label
            self.priority = priority
            self.elsewhere = elsewhere
        }
    }

    public var intent: Intent
    public var name: String
    public var keys: [Key]
    public var help: String
    public var group: String
    public var scope: Scope
    public var hint: Hint?
    /// Changes the store: not offered, shown or accepted under --read-only.
    public var edits: Bool

    public init(_ intent: Intent, name: String, keys: [Key], help: String, group: String, scope: Scope = .global,
                hint: Hint? = nil, edits: Bool = false) {
        self.intent = intent
        self.name = name
        self.keys = keys
        self.help = help
        self.group = group
        self.scope = scope
        self.hint = hint
        self.edits = edits
    }

    public func applies(on screen: ScreenKind, mode: Mode.Kind) -> Bool {
        switch scope {
        case .global: return mode == .browsing
        case .offered: return mode == .browsing && screen.offers.contains(intent)
        case .mode(let m): return m == mode
        }
    }

    /// The hint's priority on one screen.
    public func hintPriority(on screen: ScreenKind) -> Int? {
        guard let hint else { return nil }
        guard let elsewhere = hint.elsewhere, !screen.foremost.contains(intent) else { return hint.priority }
        return elsewhere
    }

    /// The first F-key, which the hint bar shows in preference to a letter.
    public var functionKey: Key? { keys.first { if case .function = $0 { return true } else { return false } } }
}
