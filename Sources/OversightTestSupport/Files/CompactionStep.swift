/// Which step of compaction (store.md §7.5) a file call belongs to, worked out from the calls in
/// order, so that the crash tests can show that every step was crashed at least once.
public struct CompactionTracker: Sendable {
    public enum Step: Int, Sendable, CaseIterable, CustomStringConvertible {
        case notCompacting = 0
        /// 1. snapshot.json.tmp written and fsynced.
        case newSnapshot = 1
        /// 2. the current generation hard-linked into backups/.
        case backup = 2
        /// 3. snapshot.json.tmp renamed over snapshot.json, directory fsynced.
        case snapshotSwap = 3
        /// 4. an empty journal.jsonl.tmp renamed over journal.jsonl, directory fsynced, journal reopened.
        case journalSwap = 4
        /// After step 4: old generations removed from backups/.
        case pruning = 5

        public var description: String {
            switch self {
            case .notCompacting: return "not compacting"
            case .newSnapshot: return "compaction step 1 (new snapshot)"
            case .backup: return "compaction step 2 (backup links)"
            case .snapshotSwap: return "compaction step 3 (snapshot swap)"
            case .journalSwap: return "compaction step 4 (journal swap)"
            case .pruning: return "compaction pruning backups"
            }
        }
    }

    public private(set) var step: Step = .notCompacting

    public init() {}

    /// Moves past one call and says which step it belongs to.
    public mutating func observe(_ call: FileCall) -> Step {
        let name = call.path.split(separator: "/").last.map(String.init) ?? ""
        let inBackups = call.path.hasSuffix("/backups") || call.path.contains("/backups/")
        switch call.operation {
        case .lock:
            step = .notCompacting
        case .write where name == "journal.jsonl":
            step = .notCompacting
        case .createExclusive where name == "snapshot.json.tmp":
            step = .newSnapshot
        case .link:
            step = .backup
        case .makeDirectory where inBackups:
            step = .backup
        case .remove where inBackups:
            step = step.rawValue >= Step.journalSwap.rawValue ? .pruning : .backup
        case .rename where name == "snapshot.json.tmp",
             .remove where name == "snapshot.json" && step == .backup,
             .createExclusive where name == "snapshot.json" && step == .snapshotSwap:
            step = .snapshotSwap
        case .createExclusive where name == "journal.jsonl.tmp":
            step = .journalSwap
        case .openForAppend where name == "journal.jsonl" && step == .journalSwap:
            step = .pruning
            return .journalSwap
        default:
            break
        }
        return step
    }
}
