/// The undo and redo stacks, derived from the journal and never stored on their own:
/// replaying `do`, `undo` and `redo` entries in order rebuilds them exactly.
public struct UndoStacks: Equatable, Sendable {
    /// Sequence numbers of `do` entries that can be undone, the next undo last.
    public private(set) var undo: [Int]
    /// Sequence numbers of `do` entries that can be redone, the next redo last.
    public private(set) var redo: [Int]

    public init(undo: [Int] = [], redo: [Int] = []) {
        self.undo = undo
        self.redo = redo
    }

    /// Why an entry does not fit the stacks: the journal was written wrongly or tampered with.
    public struct Mismatch: Error, Equatable, Sendable, CustomStringConvertible {
        public var seq: Int
        public var reason: String
        public var description: String { "entry \(seq): \(reason)" }
    }

    /// Moves the stacks past one entry. A new `do` clears redo: undo is linear.
    public mutating func record(_ kind: JournalEntry.Kind, seq: Int, of target: Int?) throws(Mismatch) {
        switch kind {
        case .do:
            undo.append(seq)
            redo.removeAll()
        case .undo:
            guard let target, undo.last == target else {
                throw Mismatch(seq: seq, reason: "undoes \(target.map(String.init) ?? "nothing"), but the next undo is \(undo.last.map(String.init) ?? "none")")
            }
            undo.removeLast()
            redo.append(target)
        case .redo:
            guard let target, redo.last == target else {
                throw Mismatch(seq: seq, reason: "redoes \(target.map(String.init) ?? "nothing"), but the next redo is \(redo.last.map(String.init) ?? "none")")
            }
            redo.removeLast()
            undo.append(target)
        }
    }

    /// Keeps only the most recent `limit` actions (undo's oldest go first), for the snapshot's window.
    public mutating func trim(to limit: Int) {
        let excess = undo.count + redo.count - limit
        guard excess > 0 else { return }
        let fromUndo = min(excess, undo.count)
        undo.removeFirst(fromUndo)
        if excess > fromUndo { redo.removeFirst(excess - fromUndo) }
    }

    public var all: Set<Int> { Set(undo).union(redo) }
}
