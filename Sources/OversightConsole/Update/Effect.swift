import OversightDomain

/// What `update` asks the outside world to do. The runner performs effects; `update` never does.
public enum Effect: Hashable, Sendable {
    case quit
    /// Save an edit, complete with its ids and times, to the store (a form saved, a question answered yes).
    case commit(Edit)
    case undo
    case redo
    /// The draft kept when the window closed has been opened again: delete its file.
    case forgetDraft
    /// Write a board paper to a file (never replacing one unless the order says the user agreed).
    case writePaper(PaperOrder)
}
