import OversightDomain
@testable import OversightStore
import OversightTestSupport
import Testing

/// store.md §7.6: the undo window kept across compaction is capped at 1,000 actions or 8 MiB,
/// whichever comes first; the oldest actions go first.
@Suite("Undo window limits")
struct UndoWindowTests {
    @Test("a window over 8 MiB keeps the newest actions under 8 MiB, and undo reaches exactly that far after a reopen")
    func sizeCap() throws {
        let fs = CrashSimFileSystem(disk: SimulatedStore.disk())
        let store = try Store.open(SimulatedStore.directory, options: SimulatedStore.options(fs))
        let text = String(repeating: "Minutes of the quality committee, item by item. ", count: 320)
        let count = 560
        for n in 1...count {
            try store.commit(.addNote(Note(id: NoteID("n-\(n)"), subject: .organisation(SampleDataset.acute), text: text + "\(n)",
                                           author: "secretary", created: Timestamp(secondsSince1970: 1_750_000_000 + Int64(n)))))
        }
        try store.compact()
        let kept = store.stacks.undo
        let bytes = kept.map { try! PayloadCoding.encodeEntry(store.undoable[$0]!.entry()).count }.reduce(0, +)
        #expect(bytes <= Store.undoWindowBytes, "the window holds \(bytes) bytes")
        #expect(kept.count < count && kept.count > count * 3 / 4, "\(kept.count) of \(count) actions kept")
        #expect(kept == Array((count - kept.count + 1)...count), "the newest actions are the ones kept")
        store.close(compacting: false)
        let reopened = try Store.open(SimulatedStore.directory, options: SimulatedStore.options(fs))
        #expect(reopened.undoDepth == kept.count)
        #expect(reopened.nextUndo?.seq == count)
    }
}
