import OversightDomain

/// What `update` asks the outside world to do. The runner performs effects; `update` never does.
public enum Effect: Hashable, Sendable {
    case quit
    /// Save an edit to the store (recording decisions arrives with its own issue).
    case commit(Edit)
    case undo
    case redo
}
