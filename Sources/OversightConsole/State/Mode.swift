/// What keys mean right now, with what that mode works on: the filter being typed, the go-to line
/// and its matches, the form being filled in, the question being asked. One case at a time, so the
/// state cannot hold a form and a question that has nothing to do with it, or a go-to's matches
/// while browsing; leaving a mode drops what it held.
public enum Mode: Sendable {
    case browsing
    /// Typing a filter for the list on top: the text so far (the list narrows as it grows).
    case filtering(String)
    /// Typing a go-to or a command's name: the text so far, its matches and the one chosen.
    case goTo(GoToState)
    case form(Form)
    /// A yes-or-no question, with the form it was asked from, if any.
    case confirming(Question)
    /// "Quit oversight?"
    case confirmingQuit

    /// The kinds of mode, without what they hold: the command table's bindings and the hint bar
    /// are chosen by these.
    public enum Kind: Hashable, Sendable, CaseIterable {
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

    public var kind: Kind {
        switch self {
        case .browsing: return .browsing
        case .filtering: return .filtering
        case .goTo: return .goTo
        case .form: return .form
        case .confirming: return .confirming
        case .confirmingQuit: return .confirmingQuit
        }
    }
}
