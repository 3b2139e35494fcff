/// Names a kind of screen, for the command table (which commands apply where) and help.
/// Each screen type declares its own kind beside itself, so adding a view adds no switch cases.
public struct ScreenKind: Hashable, Sendable, Comparable {
    public let id: String
    public let title: String

    public init(_ id: String, title: String) {
        self.id = id
        self.title = title
    }

    public static func < (lhs: ScreenKind, rhs: ScreenKind) -> Bool { lhs.id < rhs.id }
}
