/// Names a kind of screen and says which commands it offers, for the command table (which keys
/// apply where), the hint bar and help. Each screen type declares its kind beside itself, so adding
/// a view adds no switch cases and no entries in lists elsewhere.
public struct ScreenKind: Hashable, Sendable, Comparable {
    public let id: String
    public let title: String
    /// The intents this kind of screen offers while browsing, beyond those every screen has (moving,
    /// going back, help, go-to, filter, sort, history, undo): a command the table scopes to the
    /// screens that offer it applies here only if it is listed.
    public let offers: Set<Intent>
    /// Of those, the ones that are this screen's own work (`c` and `m` on a league table): the hint
    /// bar keeps them ahead of keys offered on many screens, which elsewhere give way.
    public let foremost: Set<Intent>

    public init(_ id: String, title: String, offers: Set<Intent> = [], foremost: Set<Intent> = []) {
        self.id = id
        self.title = title
        self.offers = offers
        self.foremost = foremost
    }

    public static func == (lhs: ScreenKind, rhs: ScreenKind) -> Bool { lhs.id == rhs.id }
    public func hash(into hasher: inout Hasher) { hasher.combine(id) }
    public static func < (lhs: ScreenKind, rhs: ScreenKind) -> Bool { lhs.id < rhs.id }
}
