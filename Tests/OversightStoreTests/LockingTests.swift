import Foundation
import Glibc
import OversightDomain
@testable import OversightStore
import OversightTestSupport
import Testing

/// T9: one writer. A second process opens read-only without waiting for the holder and names it;
/// when the holder is killed the lock is free; a read-only opener never changes a byte, a size or a
/// modification time. What is checked is what happened, never how long it took (the times are
/// printed for the record only).
@Suite("T9 locking between processes")
struct LockingTests {
    @Test("a second process opens read-only while the holder still holds the lock, naming its pid; after kill -9 of the holder the next open gets the lock")
    func secondProcessAndKilledHolder() throws {
        let scratch = ScratchDirectory("t9")
        let path = SampleStore.create(in: scratch)
        let holder = try TortureChild.start(["hold", "--store", path])
        let greeting = try #require(holder.readLine())
        #expect(greeting == "holding \(holder.pid) writable")

        let clock = ContinuousClock()
        // The lock itself answers at once; the rest of a read-only open is reading the data.
        var outcome: LockOutcome?
        let lockTry = try clock.measure { outcome = try POSIXFileSystem().lock(path + "/LOCK") }
        #expect(outcome == .heldBy(pid: holder.pid))
        var second: Store!
        let lockedOut = try clock.measure { second = try Store.open(path, options: SampleStore.options(fileSystem: POSIXFileSystem())) }
        #expect(second.readOnlyReason == .lockedByAnotherProcess(pid: holder.pid), "the second opener names the holder")
        #expect(second.readOnlyReason?.explanation.contains("pid \(holder.pid)") == true)
        #expect(throws: StoreError.readOnly(.lockedByAnotherProcess(pid: holder.pid))) { try second.commit(SampleStore.addNote(1)) }
        #expect(second.dataset == Store.openedSample(), "the read-only opener still shows the data")
        // The open returned while the holder is alive and still holds the lock: it did not wait for it.
        #expect(holder.isRunning, "the holder had ended before the second open returned, so the open may have waited for it")
        #expect(try POSIXFileSystem().lock(path + "/LOCK") == .heldBy(pid: holder.pid), "the holder still holds the lock")
        second.close()

        holder.kill(SIGKILL)
        #expect(holder.wait() == .signalled(SIGKILL))
        var third: Store!
        let acquired = try clock.measure { third = try Store.open(path, options: SampleStore.options(fileSystem: POSIXFileSystem())) }
        #expect(third.readOnlyReason == nil, "the lock of a killed holder is free: \(String(describing: third.readOnlyReason))")
        try third.commit(SampleStore.addNote(1))
        third.close()
        print("T9: the lock attempt answered 'held by pid \(holder.pid)' in \(lockTry); the whole read-only open (debug build) took \(lockedOut); the open after kill -9 took the lock in \(acquired)")
    }

    @Test("a read-only opener, locked out or asked, changes no file: bytes, sizes, modes and modification times stay the same",
          arguments: [true, false])
    func readOnlyChangesNothing(lockedOut: Bool) throws {
        let scratch = ScratchDirectory("t9")
        let path = SampleStore.create(in: scratch)
        do {
            var options = SampleStore.options()
            options.compactAfterEntries = 3
            let store = try Store.open(path, options: options)
            for n in 1...5 { try store.commit(SampleStore.addNote(n)) }
            store.close(compacting: false)
        }
        let holder = lockedOut ? try TortureChild.start(["hold", "--store", path]) : nil
        if let holder { #expect(holder.readLine()?.hasPrefix("holding") == true) }
        // Everything a writer would tidy: a torn tail to trim, a scratch file to delete, loose modes to
        // tighten, and a journal over the compaction threshold.
        let journal = URL(fileURLWithPath: path + "/journal.jsonl")
        let handle = try FileHandle(forWritingTo: journal)
        handle.seekToEndOfFile()
        handle.write(Data(#"{"crc":"0000"#.utf8))
        try handle.close()
        try Data("scratch".utf8).write(to: URL(fileURLWithPath: path + "/snapshot.json.tmp"))
        chmod(path + "/snapshot.json", 0o644)
        let before = FileState.all(under: path)

        var options = SampleStore.options(readOnly: !lockedOut, fileSystem: POSIXFileSystem())
        options.compactAfterEntries = 1
        let store = try Store.open(path, options: options)
        #expect(store.isReadOnly)
        #expect(store.dataset.notes.count == 5)
        #expect(throws: StoreError.self) { try store.commit(SampleStore.addNote(9)) }
        #expect(throws: StoreError.self) { try store.undo() }
        #expect(throws: StoreError.self) { try store.compact() }
        store.close()
        let after = FileState.all(under: path)
        #expect(after == before, "a read-only opener changed: \(FileState.differences(before, after))")
        holder?.kill(SIGKILL)
        holder?.wait()
    }
}
