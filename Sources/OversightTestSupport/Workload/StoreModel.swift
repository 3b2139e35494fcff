import OversightDomain

/// What a store should hold, worked out without any of the store's code: a list of states, one per
/// journal seq, each with its dataset and its linear undo and redo stacks (seqs of `do` actions).
/// An edit's change comes from the domain; undo applies its inverse; redo applies it again.
public struct StoreModel: Sendable {
    public struct State: Equatable, Sendable {
        public var dataset: Dataset
        public var undo: [Int]
        public var redo: [Int]
    }

    /// The seq of `states[0]`.
    public let firstSeq: Int
    public private(set) var states: [State]
    /// The change of every `do` action, by seq.
    private var changes: [Int: Change] = [:]

    public init(start: Dataset, seq: Int = 0) {
        var data = start
        data.normalise()
        firstSeq = seq
        states = [State(dataset: data, undo: [], redo: [])]
    }

    public var current: State { states[states.count - 1] }
    public var lastSeq: Int { firstSeq + states.count - 1 }
    public var canUndo: Bool { !current.undo.isEmpty }
    public var canRedo: Bool { !current.redo.isEmpty }

    /// The state just after `seq`, if the model has reached it.
    public func state(at seq: Int) -> State? {
        let index = seq - firstSeq
        return states.indices.contains(index) ? states[index] : nil
    }

    /// Every seq whose state has this dataset (to tell a wrong state from a merely late one).
    public func seqs(holding dataset: Dataset) -> [Int] {
        states.indices.filter { states[$0].dataset == dataset }.map { $0 + firstSeq }
    }

    public enum Refusal: Error, Equatable, Sendable, CustomStringConvertible {
        case invalidEdit(String)
        case nothingToUndo
        case nothingToRedo
        case conflict(String)

        public var description: String {
            switch self {
            case .invalidEdit(let why): return "invalid edit: \(why)"
            case .nothingToUndo: return "nothing to undo"
            case .nothingToRedo: return "nothing to redo"
            case .conflict(let why): return "the model's own change does not apply: \(why)"
            }
        }
    }

    /// Makes one action (edit, undo or redo) and returns the `do` seq an undo or redo refers to.
    @discardableResult
    public mutating func perform(_ step: WorkloadStep) throws(Refusal) -> Int? {
        var next = current
        let change: Change
        var target: Int?
        switch step {
        case .edit(let edit):
            do {
                change = try edit.change(against: next.dataset)
            } catch {
                throw .invalidEdit(error.message)
            }
            next.undo.append(lastSeq + 1)
            next.redo = []
            changes[lastSeq + 1] = change
        case .undo:
            guard let seq = next.undo.popLast() else { throw .nothingToUndo }
            change = changes[seq]!.inverted()
            next.redo.append(seq)
            target = seq
        case .redo:
            guard let seq = next.redo.popLast() else { throw .nothingToRedo }
            change = changes[seq]!
            next.undo.append(seq)
            target = seq
        default:
            return nil
        }
        do {
            try next.dataset.apply(change)
        } catch {
            throw .conflict(error.description)
        }
        states.append(next)
        return target
    }

    /// Forgets everything after `seq`: actions that were attempted but did not survive a crash.
    public mutating func rollBack(to seq: Int) {
        let keep = seq - firstSeq + 1
        guard keep >= 1, keep < states.count else { return }
        states.removeSubrange(keep...)
        for key in changes.keys where key > seq { changes[key] = nil }
    }
}
