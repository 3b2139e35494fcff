import OversightDomain
@testable import OversightStore
import OversightTestSupport

/// Opens a store a crashed or killed process left and checks it against the model.
struct RecoveryCheck {
    var failure: String?
    var tornTailTrimmed = false
    var recoveredSeq = 0

    /// The store at `path` must open writable, hold every acknowledged action and nothing beyond
    /// the one attempted, and equal the model at its seq (undo and redo stacks included; with
    /// `windowTrimmed`, the store's stacks need only be the newest part of the model's).
    init(path: String, acknowledged: Int, attempted: Int, model: StoreModel, windowTrimmed: Bool = false) {
        let store: Store
        do {
            store = try Store.open(path, options: SampleStore.options(user: "checker"))
        } catch {
            failure = "the store does not open: \(error)"
            return
        }
        defer { store.close(compacting: false) }
        tornTailTrimmed = store.notices.contains { $0.contains("cut short") }
        recoveredSeq = store.lastSeq
        if let reason = store.readOnlyReason {
            failure = "reopened read-only: \(reason.explanation)"
            return
        }
        if store.lastSeq < acknowledged {
            failure = "acknowledged actions lost: the store is at entry \(store.lastSeq), \(acknowledged) was acknowledged"
            return
        }
        if store.lastSeq > max(attempted, acknowledged) {
            failure = "the store is at entry \(store.lastSeq), beyond anything attempted (\(attempted))"
            return
        }
        guard let state = model.state(at: store.lastSeq) else {
            failure = "the model has no state for entry \(store.lastSeq)"
            return
        }
        if let why = StoreComparison.difference(store.dataset, state.dataset) {
            failure = "at entry \(store.lastSeq): \(why)"
        } else if windowTrimmed {
            if !state.undo.ends(with: store.stacks.undo) || !state.redo.ends(with: store.stacks.redo) {
                failure = "the undo/redo stacks \(store.stacks.undo.suffix(3))/\(store.stacks.redo.suffix(3)) are not the newest part of the model's \(state.undo.suffix(3))/\(state.redo.suffix(3))"
            }
        } else if store.stacks.undo != state.undo || store.stacks.redo != state.redo {
            failure = "undo/redo stacks \(store.stacks.undo)/\(store.stacks.redo), the model has \(state.undo)/\(state.redo)"
        }
    }
}

extension Array where Element: Equatable {
    func ends(with suffix: [Element]) -> Bool {
        suffix.count <= count && Array(self[(count - suffix.count)...]) == suffix
    }
}

extension StoreModel {
    /// Makes the actions the kill-test loop chooses until the model reaches `seq`.
    mutating func advanceSoak(to seq: Int) throws {
        while lastSeq < seq {
            let step = Workloads.soakStep(seq: lastSeq + 1, dataset: current.dataset, undoDepth: current.undo.count,
                                          redoDepth: current.redo.count)
            try perform(step)
        }
    }
}
