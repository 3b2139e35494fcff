import Foundation
import Glibc
import OversightDomain
@testable import OversightStore
import OversightTestSupport
import Testing

/// T9: one writer. A second process opens read-only at once and names the holder; when the holder
/// is killed the lock is free; a read-only opener never changes a byte, a size or a modification time.
@Suite("T9 locking between processes")
struct LockingTests {
    @Test("a second process opens read-only at once, naming the holder's pid; after kill -9 of the holder the next open gets the lock")
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
        #expect(lockedOut < .seconds(1), "opening read-only took \(lockedOut) (store.md: within 100 ms)")
        second.close()

        holder.kill(SIGKILL)
        #expect(holder.wait() == .signalled(SIGKILL))
        var third: Store!
        let acquired = try clock.measure { third = try Store.open(path, options: SampleStore.options(fileSystem: POSIXFileSystem())) }
        #expect(third.readOnlyReason == nil, "the lock of a killed holder is free: \(String(describing: third.readOnlyReason))")
        try third.commit(SampleStore.addNote(1))
        #expect(acquired < .seconds(1), "opening after the kill took \(acquired)")
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
        let before = try FileState.all(under: path)

        var options = SampleStore.options(readOnly: !lockedOut, fileSystem: POSIXFileSystem())
        options.compactAfterEntries = 1
        let store = try Store.open(path, options: options)
        #expect(store.isReadOnly)
        #expect(store.dataset.notes.count == 5)
        #expect(throws: StoreError.self) { try store.commit(SampleStore.addNote(9)) }
        #expect(throws: StoreError.self) { try store.undo() }
        #expect(throws: StoreError.self) { try store.compact() }
        store.close()
        let after = try FileState.all(under: path)
        #expect(after == before, "a read-only opener changed: \(FileState.differences(before, after))")
        holder?.kill(SIGKILL)
        holder?.wait()
    }
}

/// What a file looks like from outside: its bytes, size, mode and modification time.
struct FileState: Equatable {
    var bytes: [UInt8]
    var size: Int
    var mode: UInt32
    var modified: timespec

    static func == (a: FileState, b: FileState) -> Bool {
        a.bytes == b.bytes && a.size == b.size && a.mode == b.mode
            && a.modified.tv_sec == b.modified.tv_sec && a.modified.tv_nsec == b.modified.tv_nsec
    }

    /// Every file and directory under `root`, by relative path.
    static func all(under root: String) throws -> [String: FileState] {
        var result: [String: FileState] = [:]
        let enumerator = FileManager.default.enumerator(atPath: root)!
        for case let relative as String in enumerator {
            var info = stat()
            guard stat(root + "/" + relative, &info) == 0 else { continue }
            let isDirectory = (info.st_mode & S_IFMT) == S_IFDIR
            let bytes = isDirectory ? [] : [UInt8](try Data(contentsOf: URL(fileURLWithPath: root + "/" + relative)))
            result[relative] = FileState(bytes: bytes, size: Int(info.st_size), mode: UInt32(info.st_mode & 0o7777), modified: info.st_mtim)
        }
        return result
    }

    static func differences(_ before: [String: FileState], _ after: [String: FileState]) -> [String] {
        Set(before.keys).union(after.keys).sorted().compactMap { name in
            switch (before[name], after[name]) {
            case (nil, _): return "\(name) appeared"
            case (_, nil): return "\(name) disappeared"
            case (let a?, let b?) where a != b:
                return "\(name) changed (size \(a.size)→\(b.size), mode \(String(a.mode, radix: 8))→\(String(b.mode, radix: 8)))"
            default: return nil
            }
        }
    }
}
