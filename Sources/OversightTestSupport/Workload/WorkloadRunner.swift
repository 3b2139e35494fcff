import OversightDomain
import OversightStore

/// Drives a store and a `StoreModel` through the same steps and says when they disagree. Keeps
/// count of what the store acknowledged: an action counts once `commit`, `undo` or `redo` returned.
public final class WorkloadRunner {
    public let directory: String
    public private(set) var store: Store
    public private(set) var model: StoreModel
    public private(set) var fileSystem: FileSystem
    /// The newest seq the store acknowledged.
    public private(set) var acknowledged: Int
    /// The seq of the action in progress (equal to `acknowledged` between actions).
    public private(set) var attempting: Int
    /// Options for each (re)open, given the file system to use.
    public var options: (FileSystem) -> StoreOptions
    public var onAttempt: ((Int) -> Void)?
    public var onAcknowledge: ((Int) -> Void)?
    /// Told about the file system a power cut leaves, before the store reopens on it.
    public var onPowerCut: ((CrashSimFileSystem) -> Void)?

    public enum Failure: Error, CustomStringConvertible {
        case store(WorkloadStep, StoreError)
        case disagreement(WorkloadStep, String)

        public var description: String {
            switch self {
            case .store(let step, let error): return "\(step): the store said “\(error)”"
            case .disagreement(let step, let what): return "\(step): \(what)"
            }
        }
    }

    /// Opens the store at `directory` and checks it holds the model's current state.
    public init(directory: String, model: StoreModel, fileSystem: FileSystem,
                options: @escaping (FileSystem) -> StoreOptions) throws(Failure) {
        self.directory = directory
        self.model = model
        self.fileSystem = fileSystem
        self.options = options
        do {
            store = try Store.open(directory, options: options(fileSystem))
        } catch {
            throw .store(.reopen(compacting: false), error)
        }
        acknowledged = model.lastSeq
        attempting = model.lastSeq
        if let why = difference() { throw .disagreement(.reopen(compacting: false), why) }
    }

    public func perform(_ step: WorkloadStep) throws(Failure) {
        switch step {
        case .edit, .undo, .redo:
            try act(step)
        case .compact:
            do { try store.compact() } catch { throw .store(step, error) }
        case .reopen(let compacting):
            store.close(compacting: compacting)
            try reopen(step)
        case .powerCutAndReopen(let seed):
            guard let simulated = fileSystem as? CrashSimFileSystem else {
                throw .disagreement(step, "a power cut needs the simulated file system")
            }
            let survivor = CrashSimFileSystem(disk: simulated.disk.afterPowerCut(seed: seed))
            onPowerCut?(survivor)
            fileSystem = survivor
            try reopen(step)
        }
        if let why = difference() { throw .disagreement(step, why) }
    }

    private func reopen(_ step: WorkloadStep) throws(Failure) {
        do {
            store = try Store.open(directory, options: options(fileSystem))
        } catch {
            throw .store(step, error)
        }
        if let reason = store.readOnlyReason { throw .disagreement(step, "reopened read-only: \(reason.explanation)") }
    }

    private func act(_ step: WorkloadStep) throws(Failure) {
        let expectRefusal: StoreError? = switch step {
        case .undo where !model.canUndo: .nothingToUndo
        case .redo where !model.canRedo: .nothingToRedo
        default: nil
        }
        attempting = store.lastSeq + 1
        onAttempt?(attempting)
        let entry: JournalEntry
        do {
            switch step {
            case .edit(let edit): entry = try store.commit(edit)
            case .undo: entry = try store.undo()
            default: entry = try store.redo()
            }
        } catch {
            attempting = acknowledged
            if let expectRefusal, error == expectRefusal { return }
            throw .store(step, error)
        }
        if let expectRefusal { throw .disagreement(step, "the store did not refuse (the model says \(expectRefusal))") }
        let target: Int?
        do {
            target = try model.perform(step)
        } catch {
            throw .disagreement(step, "the store saved it but the model refuses: \(error)")
        }
        guard entry.seq == model.lastSeq, entry.of == target else {
            throw .disagreement(step, "the store wrote entry \(entry.seq) (of \(entry.of.map(String.init) ?? "-")); the model expected \(model.lastSeq) (of \(target.map(String.init) ?? "-"))")
        }
        acknowledged = entry.seq
        attempting = entry.seq
        onAcknowledge?(entry.seq)
    }

    /// How the store differs from the model now, or nil when it holds exactly the model's state.
    public func difference() -> String? {
        StoreComparison.difference(store: store, expected: model.current, seq: model.lastSeq)
    }
}

/// Compares what a store holds with a model state, in words a failing test can print.
public enum StoreComparison {
    public static func difference(store: Store, expected: StoreModel.State, seq: Int) -> String? {
        if store.lastSeq != seq { return "the store is at entry \(store.lastSeq), the model at \(seq)" }
        if let why = difference(store.dataset, expected.dataset) { return "at entry \(seq): \(why)" }
        if store.undoDepth != expected.undo.count || store.nextUndo?.seq != expected.undo.last {
            return "undo stack: the store has \(store.undoDepth) (next \(store.nextUndo.map { String($0.seq) } ?? "none")), the model \(expected.undo.count) (next \(expected.undo.last.map(String.init) ?? "none"))"
        }
        if store.redoDepth != expected.redo.count || store.nextRedo?.seq != expected.redo.last {
            return "redo stack: the store has \(store.redoDepth) (next \(store.nextRedo.map { String($0.seq) } ?? "none")), the model \(expected.redo.count) (next \(expected.redo.last.map(String.init) ?? "none"))"
        }
        return nil
    }

    /// Which records differ between two datasets, or nil when they are equal.
    public static func difference(_ actual: Dataset, _ expected: Dataset) -> String? {
        guard actual != expected else { return nil }
        var parts: [String] = []
        func compare<T: Identified & Equatable>(_ name: String, _ a: [T], _ e: [T]) {
            guard a != e else { return }
            let aIDs = Set(a.map(\.id)), eIDs = Set(e.map(\.id))
            let missing = eIDs.subtracting(aIDs).map { "\($0)" }.sorted()
            let extra = aIDs.subtracting(eIDs).map { "\($0)" }.sorted()
            let changed = a.filter { record in e[id: record.id].map { $0 != record } ?? false }.map { "\($0.id)" }
            var what: [String] = []
            if !missing.isEmpty { what.append("missing \(missing.joined(separator: ", "))") }
            if !extra.isEmpty { what.append("unexpected \(extra.joined(separator: ", "))") }
            if !changed.isEmpty { what.append("different \(changed.joined(separator: ", "))") }
            parts.append("\(name): " + (what.isEmpty ? "order differs" : what.joined(separator: "; ")))
        }
        compare("scorecards", actual.scorecards, expected.scorecards)
        compare("interventions", actual.interventions, expected.interventions)
        compare("notes", actual.notes, expected.notes)
        compare("actions", actual.actions, expected.actions)
        if parts.isEmpty { parts.append("reference data differs") }
        return parts.joined(separator: "; ")
    }
}
