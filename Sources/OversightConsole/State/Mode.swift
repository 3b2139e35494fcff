/// What keys mean right now: browsing, typing a filter, typing a go-to, filling in a form, or
/// answering a question.
public enum InputMode: Hashable, Sendable, CaseIterable {
    case browsing
    case filtering
    case goTo
    case form
    case confirming
    case confirmingQuit

    public var label: String {
        switch self {
        case .browsing: return "browsing"
        case .filtering: return "typing a filter"
        case .goTo: return "go to"
        case .form: return "filling in a form"
        case .confirming: return "answering a question"
        case .confirmingQuit: return "confirm quit"
        }
    }
}
