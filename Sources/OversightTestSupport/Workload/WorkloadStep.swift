import OversightDomain

/// One thing a workload does to a store: an edit, undo, redo, compaction, a clean reopen, or a
/// power cut followed by a reopen (in-memory file systems only).
public enum WorkloadStep: Hashable, Sendable, CustomStringConvertible {
    case edit(Edit)
    case undo
    case redo
    case compact
    case reopen(compacting: Bool)
    case powerCutAndReopen(seed: UInt64)

    public var description: String {
        switch self {
        case .edit(let edit): return "edit \(edit.name)"
        case .undo: return "undo"
        case .redo: return "redo"
        case .compact: return "compact"
        case .reopen(let compacting): return compacting ? "close and reopen" : "reopen without compacting"
        case .powerCutAndReopen(let seed): return "power cut (seed \(seed)) and reopen"
        }
    }

    /// Whether the step writes a journal entry.
    public var isAction: Bool {
        switch self {
        case .edit, .undo, .redo: return true
        default: return false
        }
    }
}
