/// One row of the command table: a command as the user knows it (its long name, keys and help),
/// the intent it asks for, where it applies and how the hint bar shows it. Help, the hint bar, the
/// keymap, the go-to palette and docs/keys.md all read this.
public struct CommandBinding: Sendable {
    public enum Scope: Hashable, Sendable {
        /// Everywhere while browsing.
        case global
        /// Only on these screens while browsing.
        case screens([ScreenKind])
        /// While browsing, on every screen but these (Enter on help, whose rows are to read).
        case allBut([ScreenKind])
        /// While typing or answering (filter, go-to, confirm quit).
        case mode(Mode.Kind)
    }

    /// How the bottom bar shows a command: "F3 Filter", or a letter when it has no F-key.
    public struct Hint: Sendable {
        public var label: String
        /// Lower shows first and survives longer on a narrow terminal.
        public var priority: Int
        /// The screens a command belongs to most (`c` on a league table), where `priority` holds;
        /// elsewhere it gives way (`elsewhere`), so that a key reachable from many screens does not
        /// push Enter, Esc or Go to off the bar of a screen that has its own work. Nil: everywhere.
        public var home: [ScreenKind]?
        public var elsewhere: Int

        public init(_ label: String, priority: Int, home: [ScreenKind]? = nil, elsewhere: Int = 20) {
            self.label = label
            self.priority = priority
            self.home = home
            self.elsewhere = elsewhere
        }

        /// The priority on one screen.
        public func priority(on screen: ScreenKind) -> Int {
            guard let home, !home.contains(screen) else { return priority }
            return elsewhere
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
        case .screens(let kinds): return mode == .browsing && kinds.contains(screen)
        case .allBut(let kinds): return mode == .browsing && !kinds.contains(screen)
        case .mode(let m): return m == mode
        }
    }

    /// The first F-key, which the hint bar shows in preference to a letter.
    public var functionKey: Key? { keys.first { if case .function = $0 { return true } else { return false } } }
}
