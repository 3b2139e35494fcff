import Foundation
import Glibc
import OversightDomain
@testable import OversightStore
import OversightTestSupport
import Testing

/// Issue 11, item 7: a store never follows a symbolic link, never writes or changes the mode of
/// anything outside itself, and refuses a store whose files are links with a message saying so.
@Suite("Store safety: links in a store are refused, never followed")
struct StoreLinkTests {
    let scratch = ScratchDirectory("links")

    /// A store with two notes, and beside it (outside it) a file a link could point at.
    func storeAndOutsider(_ outsiderBytes: [UInt8] = Array("someone else's file\n".utf8)) throws -> (store: String, outsider: String) {
        let path = SampleStore.create(in: scratch)
        let store = try Store.open(path, options: SampleStore.options())
        try store.commit(SampleStore.addNote(1))
        try store.commit(SampleStore.addNote(2))
        store.close()
        let outsider = scratch.appending("outside")
        _ = FileManager.default.createFile(atPath: outsider, contents: Data(outsiderBytes))
        chmod(outsider, 0o644)
        return (path, outsider)
    }

    /// Replaces a store file by a link to `target` (moving the real one to `target` first when asked).
    func link(_ name: String, in store: String, to target: String, movingTheFile: Bool = false) throws {
        if movingTheFile {
            _ = unlink(target)
            #expect(rename(store + "/" + name, target) == 0)
            chmod(target, 0o644)
        } else {
            _ = unlink(store + "/" + name)
        }
        #expect(symlink(target, store + "/" + name) == 0)
    }

    @Test("a LOCK that is a link: opening for writing refuses, and the link's target is neither truncated nor given a pid")
    func lockLink() throws {
        let (store, outsider) = try storeAndOutsider()
        try link("LOCK", in: store, to: outsider)
        let before = FileState.of(outsider)
        do {
            let opened = try Store.open(store, options: SampleStore.options())
            #expect(opened.isReadOnly, "a store whose LOCK is a link must not open for writing")
            opened.close()
        } catch {
            #expect("\(error)".contains("symbolic link"), "the message says what is wrong: \(error)")
        }
        #expect(FileState.of(outsider) == before, "the target of LOCK was changed")
    }

    @Test("snapshot.json or journal.jsonl a link: the target's mode and bytes are never changed, and the message says it is a link",
          arguments: ["snapshot.json", "journal.jsonl"])
    func dataFileLink(name: String) throws {
        let (store, outsider) = try storeAndOutsider()
        try link(name, in: store, to: outsider, movingTheFile: true)
        let before = FileState.of(outsider)
        for readOnly in [false, true] {
            do {
                let opened = try Store.open(store, options: SampleStore.options(readOnly: readOnly))
                Issue.record("a store whose \(name) is a link opened (read-only \(readOnly), reason \(String(describing: opened.readOnlyReason)))")
                opened.close()
            } catch {
                #expect("\(error)".contains("symbolic link") && "\(error)".contains(name), "\(error)")
            }
        }
        let problems = StoreValidator.validate(store).map(\.description)
        #expect(problems.contains { $0.contains("symbolic link") }, "validate names the link: \(problems)")
        #expect(!problems.contains { $0.contains("chmod") }, "validate must not advise chmod on a link's target: \(problems)")
        #expect(FileState.of(outsider) == before, "the link's target changed: \(String(describing: FileState.of(outsider)))")
    }

    @Test("snapshot-index.json a link or a FIFO: never read or written through, and the message says it can simply be moved away",
          arguments: [true, false])
    func indexNotAPlainFile(asLink: Bool) throws {
        let (store, outsider) = try storeAndOutsider()
        let index = store + "/" + StoreLayout.snapshotIndexName
        if asLink {
            try link(StoreLayout.snapshotIndexName, in: store, to: outsider, movingTheFile: true)
        } else {
            try FileManager.default.removeItem(atPath: index)
            #expect(mkfifo(index, 0o600) == 0)
        }
        let before = FileState.of(outsider)
        do {
            let opened = try Store.open(store, options: SampleStore.options())
            Issue.record("a store whose index is not a plain file opened (reason \(String(describing: opened.readOnlyReason)))")
            opened.close()
        } catch {
            #expect("\(error)".contains(asLink ? "symbolic link" : "FIFO") && "\(error)".contains("only an index"), "\(error)")
        }
        #expect(FileState.of(outsider) == before, "the link's target changed")
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: index)) != nil || !asLink, "the link was replaced")
        // Moved away as the message says, the store opens and writes its index again.
        try FileManager.default.moveItem(atPath: index, toPath: scratch.appending("moved-\(asLink)"))
        try Store.open(store, options: SampleStore.options()).close()
        #expect(try FileManager.default.attributesOfItem(atPath: index)[.type] as? FileAttributeType == .typeRegular)
    }

    @Test("quarantine/ or backups/ a link to a directory outside: recovery and compaction never write there",
          arguments: ["quarantine", "backups"])
    func directoryLink(name: String) throws {
        let (store, _) = try storeAndOutsider()
        let elsewhere = scratch.appending("elsewhere")
        try FileManager.default.createDirectory(atPath: elsewhere, withIntermediateDirectories: true)
        _ = rmdir(store + "/" + name)
        #expect(symlink(elsewhere, store + "/" + name) == 0)
        // Something recovery would set aside (a torn tail) and a compaction's worth of edits.
        let journal = store + "/journal.jsonl"
        let handle = try #require(FileHandle(forWritingAtPath: journal))
        handle.seekToEndOfFile()
        handle.write(Data(#"{"crc":"0000"#.utf8))
        try handle.close()
        var options = SampleStore.options()
        options.compactAfterEntries = 1
        if let opened = try? Store.open(store, options: options) {
            _ = try? opened.commit(SampleStore.addNote(3))
            _ = try? opened.compact()
            opened.close()
        }
        #expect((try FileManager.default.contentsOfDirectory(atPath: elsewhere)).isEmpty, "the store wrote into a directory outside itself")
    }
}
