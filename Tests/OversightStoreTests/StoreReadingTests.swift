import Foundation
import Glibc
import OversightDomain
@testable import OversightStore
import OversightTestSupport
import Testing

/// Issue 11, item 12, in the store: readers see the state before or after a concurrent compaction,
/// never a mixture; validate holds journal entries to their format version; a failed init leaves
/// nothing behind.
@Suite("Store safety: reading while another process compacts, format versions, failed init")
struct StoreReadingTests {
    let scratch = ScratchDirectory("reading")

    /// A store with `notes` notes in its journal, and a writer (holding the lock) still open on it.
    func storeWithWriter(notes: Int) throws -> (path: String, writer: Store) {
        let path = SampleStore.create(in: scratch)
        let writer = try Store.open(path, options: SampleStore.options(fileSystem: POSIXFileSystem()))
        for n in 1...notes { try writer.commit(SampleStore.addNote(n)) }
        return (path, writer)
    }

    @Test("a reader whose open straddles another process's compaction (and an edit after it) sees the state before or after, never between")
    func readerStraddlingCompaction() throws {
        let (path, writer) = try storeWithWriter(notes: 3)
        defer { writer.close() }
        let fs = ReadHookFileSystem(trigger: "/snapshot.json") {
            try? writer.compact()
            _ = try? writer.commit(SampleStore.addNote(4))
        }
        let reader = try Store.open(path, options: SampleStore.options(readOnly: true, fileSystem: fs))
        #expect(reader.damage == nil, "the reader saw a store that is not whole: \(String(describing: reader.damage?.explanation))")
        #expect([3, 4].contains(reader.lastSeq) && reader.dataset.notes.count == reader.lastSeq,
                "the reader sees entry \(reader.lastSeq) with \(reader.dataset.notes.count) notes")
    }

    @Test("a compaction that lands between a reader's read of a long journal (decoded on a thread of its own) and of the snapshot is noticed, and read again")
    func readerStraddlingCompactionAfterTheJournal() throws {
        let (path, writer) = try storeWithWriter(notes: 400)
        defer { writer.close() }
        let journal = try #require(FileManager.default.attributesOfItem(atPath: path + "/journal.jsonl")[.size] as? Int)
        #expect(journal >= JournalRead.threadThreshold, "the journal (\(journal) bytes) is read on its own thread")
        let fs = ReadHookFileSystem(trigger: "/journal.jsonl") {
            try? writer.compact()
            _ = try? writer.commit(SampleStore.addNote(401))
        }
        let reader = try Store.open(path, options: SampleStore.options(readOnly: true, fileSystem: fs))
        #expect(reader.damage == nil, "the reader saw a store that is not whole: \(String(describing: reader.damage?.explanation))")
        #expect(reader.lastSeq == 401 && reader.dataset.notes.count == 401,
                "the reader sees entry \(reader.lastSeq) with \(reader.dataset.notes.count) notes")
    }

    @Test("history read while another process compacts lists every entry (it never says the journal is empty)")
    func historyStraddlingCompaction() throws {
        let (path, writer) = try storeWithWriter(notes: 3)
        defer { writer.close() }
        let fs = ReadHookFileSystem(trigger: "/snapshot.json") { try? writer.compact() }
        let reader = try Store.open(path, options: SampleStore.options(readOnly: true, fileSystem: fs))
        #expect(reader.history.map(\.seq) == [1, 2, 3], "history lists \(reader.history.map(\.seq))")
    }

    @Test("validate run while another process compacts raises no false alarm")
    func validateStraddlingCompaction() throws {
        let (path, writer) = try storeWithWriter(notes: 3)
        defer { writer.close() }
        let fs = ReadHookFileSystem(trigger: "/snapshot.json") {
            try? writer.compact()
            _ = try? writer.commit(SampleStore.addNote(4))
        }
        let problems = StoreValidator.validate(path, fileSystem: fs)
        #expect(problems.isEmpty, "validate raised \(problems.count) alarms: \(problems.prefix(3).map(\.description))")
    }

    /// Rewrites the last journal entry's `v`, with a checksum that matches (as a newer oversight,
    /// or a tool that knows the frame, would write it).
    func setVersion(_ version: Int, in path: String) throws {
        let journal = path + "/journal.jsonl"
        let text = try #require(String(data: FileManager.default.contents(atPath: journal)!, encoding: .utf8))
        var lines = text.split(separator: "\n").map(String.init)
        let last = lines.removeLast()
        let payload = String(last[last.range(of: #","rec":"#)!.upperBound...].dropLast())
        let changed = payload.replacingOccurrences(of: #""v":1}"#, with: "\"v\":\(version)}")
        #expect(changed != payload)
        let framed = String(decoding: Frame.encode(Array(changed.utf8)), as: UTF8.self)
        try (lines.map { $0 + "\n" }.joined() + framed).write(toFile: journal, atomically: false, encoding: .utf8)
    }

    @Test("validate reports a journal entry of a newer format, or of a format version no oversight wrote (v -1), and open does not replay it as if it were this one",
          arguments: [2, -1, 0])
    func entryVersion(version: Int) throws {
        let (path, writer) = try storeWithWriter(notes: 2)
        writer.close()
        try setVersion(version, in: path)
        let problems = StoreValidator.validate(path).map(\.description)
        #expect(problems.contains { $0.contains("journal.jsonl:2") && $0.contains("format") }, "validate passed v \(version): \(problems)")
        let store = try Store.open(path, options: SampleStore.options())
        #expect(store.isReadOnly, "v \(version) was replayed as if it were format 1")
        #expect(store.lastSeq == 1)
    }

    @Test("a failed init (the disk full at any of its calls, the snapshot's write included) leaves no temporary file, and no half-made store")
    func failedInitLeavesNothing() throws {
        let parent = scratch.appending("parent")
        try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        var n = 1
        var failures = 0
        while n < 200 {
            let path = parent + "/store-\(n)"
            let fs = FaultFileSystem(base: POSIXFileSystem(), failingCall: n, errno: ENOSPC, persistence: .once)
            do {
                try Store.create(path, snapshot: SampleStore.snapshotBytes(), fileSystem: fs)
                if fs.injected == 0 { break }
                // The fault hit the index, written once the store is whole: it is derived, so the store
                // stands without it (the next writer to open it writes it), and no scratch file is left.
                let left = try FileManager.default.contentsOfDirectory(atPath: path)
                #expect(!left.contains { $0.hasSuffix(".tmp") }, "a failure at call \(n) left \(left)")
                #expect(StoreValidator.validate(path).isEmpty)
                try FileManager.default.removeItem(atPath: path)
            } catch {
                failures += 1
                let left = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
                #expect(!FileManager.default.fileExists(atPath: path), "a failure at call \(n) (\(fs.failedCalls.first.map(String.init(describing:)) ?? "?")) left \(path) with \(left)")
            }
            n += 1
        }
        #expect(failures > 5, "init failed at only \(failures) calls")
        #expect((try FileManager.default.contentsOfDirectory(atPath: parent)).filter { !$0.hasPrefix("store-\(n)") }.isEmpty)
    }

    @Test("a failed init into an empty directory the user made leaves it empty and as it was")
    func failedInitIntoEmptyDirectory() throws {
        let path = scratch.appending("empty")
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        chmod(path, 0o750)
        var n = 1
        while n < 200 {
            let before = FileState.of(path)
            let fs = FaultFileSystem(base: POSIXFileSystem(), failingCall: n, errno: ENOSPC, persistence: .once)
            do {
                try Store.create(path, snapshot: SampleStore.snapshotBytes(), fileSystem: fs)
                break
            } catch {
                #expect((try FileManager.default.contentsOfDirectory(atPath: path)).isEmpty, "call \(n) left files")
                #expect(FileState.of(path)?.mode == before?.mode, "call \(n) left the directory's mode changed")
            }
            n += 1
        }
    }
}
