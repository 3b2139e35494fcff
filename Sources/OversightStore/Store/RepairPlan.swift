import OversightDomain

/// What `oversight repair` would do to a damaged store, worked out by reading every generation the
/// store holds before anything is touched. It accounts for every entry after the snapshot it starts
/// from: brought back, offered for replay, or named with why it cannot be.
public struct RepairPlan: Equatable, Sendable {
    public enum Step: Equatable, Sendable {
        /// Copy the journal's last line, which a crash cut short before it was saved, into
        /// quarantine/ and cut it off (what opening for writing does after a crash).
        case cutTornTail(line: Int, offset: Int, bytes: Int)
        /// Copy every file read into quarantine/, then write a new snapshot from `base` and every
        /// entry brought back, with an empty journal.
        case rebuild(base: String, baseSeq: Int)
    }

    /// An entry the plan names: its number, what it did, and where it is (or why it is not coming back).
    public struct Missing: Equatable, Sendable {
        public var seq: Int
        public var label: String?
        public var why: String
    }

    public struct Offered: Equatable, Sendable {
        public var seq: Int
        public var label: String
        public var user: String
    }

    public var steps: [Step]
    /// Why, in words.
    public var reason: String
    /// Entries after the base brought back without question (every one before the first loss).
    public var broughtBack: [Int] = []
    /// Entries that cannot be brought back, each with why.
    public var lost: [Missing] = []
    /// Entries after a loss whose records are still as they expect: replayed only if `replayLater`.
    public var replayable: [Offered] = []
    /// Entries after a loss that cannot be replayed, each with why.
    public var notReplayable: [Missing] = []
    /// Snapshots that could not be used, with why, and entries found twice with different contents.
    public var findings: [String] = []
    /// The files read, kept in quarantine/ before anything changes.
    public var keptFiles: [String] = []
    /// The number the next edit gets: after every number any file shows was used.
    public var nextSeq: Int = 0
    /// Whether undo starts afresh after the repair.
    public var undoStartsAfresh = false
    /// The user's answer to the replay question (no unless asked and answered yes).
    public var replayLater = false

    public var isEmpty: Bool { steps.isEmpty }

    /// One line per step and finding, for the user to read before saying yes.
    public var description: [String] {
        var lines: [String] = []
        for step in steps {
            switch step {
            case .cutTornTail(let line, _, let bytes):
                lines.append("Move the journal's last line (line \(line), \(bytes) bytes), which a crash cut short before it was saved, into quarantine/ and cut it off. Nothing that was saved is in it.")
            case .rebuild(let base, let baseSeq):
                lines.append("Keep a copy of every file it reads (\(keptFiles.joined(separator: ", "))) in quarantine/, which is never emptied.")
                lines += findings
                let back = broughtBack.isEmpty ? "" : ", and bring back entr\(broughtBack.count == 1 ? "y" : "ies") \(Self.ranges(broughtBack))"
                lines.append("Start from \(base) (as of entry \(baseSeq))\(back).")
                for missing in lost {
                    lines.append("Entry \(missing.seq) cannot be brought back: \(missing.why). Its bytes, where any survive, stay in quarantine/.")
                }
                if !replayable.isEmpty {
                    lines.append("Entr\(replayable.count == 1 ? "y" : "ies") after that whose records are still as they expect can be replayed (asked below): "
                                 + replayable.map { "entry \($0.seq) (\($0.label), by \($0.user))" }.joined(separator: "; ") + ".")
                }
                for missing in notReplayable {
                    lines.append("Entry \(missing.seq)\(missing.label.map { " (\($0))" } ?? "") cannot be replayed: \(missing.why). It stays in quarantine/.")
                }
                lines.append("Write a new snapshot with all of that and an empty journal. The next edit will be entry \(nextSeq) (a number once used is never used again).")
                if undoStartsAfresh { lines.append("Undo starts afresh: the edits before the repair cannot be undone (the history still lists them).") }
            }
        }
        return lines
    }

    /// `1–5, 7, 9–10`.
    public static func ranges(_ seqs: [Int]) -> String {
        var parts: [String] = []
        var start: Int?
        var previous: Int?
        for seq in seqs.sorted() + [Int.max] {
            if let p = previous, seq == p + 1 { previous = seq; continue }
            if let s = start, let p = previous { parts.append(s == p ? "\(s)" : "\(s)–\(p)") }
            start = seq
            previous = seq
        }
        return parts.joined(separator: ", ")
    }
}
