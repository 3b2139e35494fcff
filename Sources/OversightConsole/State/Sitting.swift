import OversightDomain

/// An entry undo or redo would act on, as the store says: which, what, when and by whom.
public struct JournalStep: Hashable, Sendable {
    public var seq: Int
    public var label: String
    public var time: Timestamp
    public var user: String

    public init(seq: Int, label: String, time: Timestamp, user: String) {
        self.seq = seq
        self.label = label
        self.time = time
        self.user = user
    }
}

/// What this console has done to the journal since it opened: the entry it last made (or redid)
/// and the entry it last undid, with when. Undo takes back without asking only the entry just made
/// here, within a few minutes; anything else (a note saved in an earlier run, someone else's
/// decision, an entry from an hour ago) is named and asked about first, since a stray `u` once
/// took back a decision recorded in an earlier meeting without a word. Redo the same.
public struct Sitting: Hashable, Sendable {
    public struct Mark: Hashable, Sendable {
        public var seq: Int
        public var at: Timestamp
    }

    /// "A few minutes": long enough to take back a slip at once, short enough that the meeting has moved on.
    public static let fresh: Int64 = 5 * 60

    public private(set) var lastDone: Mark?
    public private(set) var lastUndone: Mark?

    public init() {}

    /// This console saved (or redid) entry `seq` at `at`.
    public mutating func did(_ seq: Int, at: Timestamp) {
        lastDone = Mark(seq: seq, at: at)
        lastUndone = nil
    }

    /// This console undid entry `seq` at `at`.
    public mutating func undid(_ seq: Int, at: Timestamp) {
        lastUndone = Mark(seq: seq, at: at)
        lastDone = nil
    }

    /// Whether undo may take `step` back without asking.
    func mayUndo(_ step: JournalStep, now: Timestamp) -> Bool { Sitting.isFresh(lastDone, step, now) }

    /// Whether redo may do `step` again without asking.
    func mayRedo(_ step: JournalStep, now: Timestamp) -> Bool { Sitting.isFresh(lastUndone, step, now) }

    private static func isFresh(_ mark: Mark?, _ step: JournalStep, _ now: Timestamp) -> Bool {
        guard let mark, mark.seq == step.seq else { return false }
        return now.secondsSince1970 - mark.at.secondsSince1970 < fresh
    }
}

/// Undo and redo, asking first when the entry is not the one just made (or undone) here.
enum JournalKeys {
    static func undoOrRedo(_ s: inout AppState, _ intent: Intent) -> [Effect] {
        let undoing = intent == .undo
        // With nothing on the stack the store says so, in its own words.
        guard let step = undoing ? s.store.undo : s.store.redo else { return [undoing ? .undo : .redo] }
        let now = s.recorder.now
        if undoing ? s.sitting.mayUndo(step, now: now) : s.sitting.mayRedo(step, now: now) {
            return [undoing ? .undo : .redo]
        }
        let when = s.time.named(step.time)
        let whose = step.user == s.recorder.user ? "" : " by \(step.user)"
        let why = (undoing ? s.sitting.lastDone : s.sitting.lastUndone)?.seq == step.seq
            ? "It was made some minutes ago" : (undoing ? "It is not the change just made here" : "It is not the change just undone here")
        let text = undoing
            ? "Undo “\(step.label)”? \(why) (entry \(step.seq), \(when)\(whose)). y undoes it (Ctrl-R brings it back), n leaves it."
            : "Redo “\(step.label)”? \(why) (entry \(step.seq), \(when)\(whose)). y does it again (u takes it back), n leaves it."
        s.mode = .confirming(Question(text, onYes: undoing ? .undo : .redo))
        return []
    }
}
