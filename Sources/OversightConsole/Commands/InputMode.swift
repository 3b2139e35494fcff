/// What keys mean right now: browsing, typing a filter, typing a go-to, or answering a question.
public enum InputMode: Hashable, Sendable {
    case browsing
    case filtering
    case goTo
    case confirmingQuit

    public var label: String {
        switch self {
        case .browsing: return "browsing"
        case .filtering: return "typing a filter"
        case .goTo: return "go to"
        case .confirmingQuit: return "confirm quit"
        }
    }
}
