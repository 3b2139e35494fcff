import OversightDomain

/// Answering a question: one about a record or a form (`y`, or `n` and Esc), or "Quit oversight?" (`y` or `n`).
enum Answering {
    /// Answering a question: yes saves the edit it names (from the form it was asked from, the form
    /// stays open until the store has it) or throws the form away; no goes back to where it was asked.
    static func question(_ s: inout AppState, _ question: Question, _ intent: Intent) -> [Effect] {
        switch intent {
        case .confirm:
            switch question.onYes {
            case .commit(let edit):
                s.mode = question.returning
                return [.commit(edit)]
            case .discardForm:
                s.mode = .browsing
                s.message = .init("Closed without saving.")
            case .reopenDraft:
                s.mode = question.returning
                return [.forgetDraft]
            case .undo:
                s.mode = .browsing
                return [.undo]
            case .redo:
                s.mode = .browsing
                return [.redo]
            case .writePaper(let order):
                s.mode = question.returning
                return [.writePaper(order)]
            }
        case .decline, .cancel:
            s.mode = question.returning
            if question.onYes == .reopenDraft {
                s.mode = .browsing
                s.message = .init("The draft is kept: it is offered again when oversight next starts.")
            } else if question.form == nil {
                s.message = .init("Nothing was changed.")
            }
        default:
            break
        }
        return []
    }

    static func quit(_ s: inout AppState, _ intent: Intent) -> [Effect] {
        switch intent {
        case .confirm: return [.quit]
        case .decline: s.mode = .browsing
        default: s.message = .init("y quits, n stays.")
        }
        return []
    }
}
