import OversightDomain

/// Keeping snapshot-index.json (`SnapshotIndex`) beside the snapshot it describes. It is derived, so
/// writing it is best effort: a failure, or a crash before the rename is durable, leaves no index or
/// one made for an older snapshot, and an open then reads the snapshot whole, as it always could.
enum SnapshotIndexFile {
    /// Writes the index of the snapshot file `bytes`, whose arrays hold these scorecards and undo-window entries.
    static func write(for bytes: [UInt8], scorecards: [Scorecard], window: [Int], layout: StoreLayout, fs: FileSystem) {
        write(for: bytes, scorecards: scorecards.map(\.id), published: SnapshotIndex.published(scorecards), window: window, layout: layout, fs: fs)
    }

    static func write(for bytes: [UInt8], scorecards: [ScorecardID], published: Set<SnapshotIndex.GroupKey>, window: [Int],
                      layout: StoreLayout, fs: FileSystem) {
        guard let range = try? Frame.wholeFilePayload(bytes),
              let index = SnapshotIndex.make(payload: bytes[range], scorecards: scorecards, published: published, window: window) else { return }
        write(index, layout: layout, fs: fs)
    }

    /// Whether the index on disk was made for the snapshot whose frame begins `bytes` (its checksum and length).
    static func isCurrent(for bytes: [UInt8], layout: StoreLayout, fs: FileSystem) -> Bool {
        guard let indexBytes = (try? fs.read(layout.snapshotIndex)) ?? nil, let index = SnapshotIndex.decode(indexBytes),
              let declared = Frame.declared(bytes[...]) else { return false }
        return declared.crc == index.snapshotCRC && declared.length == index.snapshotLength
    }

    private static func write(_ index: SnapshotIndex, layout: StoreLayout, fs: FileSystem) {
        do throws(IOFailure) {
            if fs.exists(layout.snapshotIndexTemp) { try fs.remove(layout.snapshotIndexTemp) }
            try StoreWriter(fs: fs).writeDurably(index.encoded(), to: layout.snapshotIndexTemp)
            try fs.rename(layout.snapshotIndexTemp, layout.snapshotIndex)
        } catch {
            try? fs.remove(layout.snapshotIndexTemp)
        }
    }
}
