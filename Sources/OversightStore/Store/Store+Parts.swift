import OversightDomain

/// The parts' state under the names the store's tests read it by (the stacks checked against a
/// model after every step, the window's size cap, how many generations backups/ keeps).
extension Store {
    var stacks: UndoStacks { undoHistory.stacks }
    /// The `do` entries on the undo and redo stacks, by seq.
    var undoable: [Int: UndoableEntry] { undoHistory.entries }
    static var undoWindowBytes: Int { UndoHistory.windowBytes }
    static var backupGenerations: Int { Compaction.backupGenerations }

    /// A snapshot file read as the store reads one (`SnapshotCodec.read`).
    static func readSnapshot(_ bytes: [UInt8]) -> Result<PayloadCoding.Decoded<StoredSnapshot>, SnapshotCodec.ReadFailure> {
        SnapshotCodec.read(bytes)
    }
}
