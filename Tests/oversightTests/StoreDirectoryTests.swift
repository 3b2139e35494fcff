import Foundation
import Glibc
import OversightDomain
@testable import OversightStore
import OversightTestSupport
import Testing

/// Issue 11, items 1 and 2: a command never acts on a directory before knowing it is a store, and
/// "create on first run" happens only where nothing is there at all.
@Suite("Store safety: a directory is judged before anything in it is touched")
struct StoreDirectoryTests {
    let scratch = ScratchDirectory("store-dir")

    /// Every command that opens a store, writing or not (the console needs a terminal; it opens the
    /// store the same way, through `StoreLocation.open`).
    static let commands: [[String]] = [
        ["history"], ["validate"], ["undo"], ["redo"], ["compact"], ["repair", "--yes"],
        ["note", "add", "RAA", "A note"], ["action", "add", "RAA", "Do it", "--owner", "Someone"], ["action", "list"],
        ["decide", "RAA", "--framework", "nof-test", "--period", "2025-26-Q1", "--segment", "3", "--rationale", "Agreed"],
        ["segment", "--framework", "nof-test", "--period", "2025-26-Q1"],
    ]

    /// A default store (under $XDG_DATA_HOME) with three notes, handed to the unprivileged user.
    func defaultStore() throws -> (xdg: String, store: String) {
        chmod(scratch.path, 0o755)
        let xdg = scratch.appending("xdg")
        try FileManager.default.createDirectory(atPath: xdg + "/oversight", withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o755])
        let path = xdg + "/oversight/store"
        try Store.create(path, snapshot: SampleStore.snapshotBytes())
        let store = try Store.open(path, options: SampleStore.options())
        for n in 1...3 { try store.commit(SampleStore.addNote(n)) }
        store.close()
        Unprivileged.chown(path)
        return (xdg, path)
    }

    @Test("item 1: a default store its owner cannot read (mode 000 or 200) is never initialised over: every command says what is wrong, with the chmod that fixes it, and changes nothing",
          arguments: [0o000, 0o200] as [mode_t])
    func unreadableDefaultStore(mode: mode_t) throws {
        if let why = Unprivileged.unavailableReason { try Test.cancel("skipped: \(why)") }
        let (xdg, path) = try defaultStore()
        chmod(path, mode)
        defer { chmod(path, 0o700) }
        let before = FileState.all(under: path)
        for command in Self.commands {
            let result = try BuiltBinary.run(command, environment: ["XDG_DATA_HOME": xdg, "OVERSIGHT_STORE": "", "HOME": scratch.path],
                                             wrapper: Unprivileged.wrapper(), watchdog: 120)
            let label = "`oversight \(command.joined(separator: " "))` on a mode \(String(mode, radix: 8)) store"
            #expect(!result.timedOut && result.reason == .exit, "\(label) did not end by itself")
            #expect(result.status != 0, "\(label) exited 0: \(result.stdout)")
            #expect(result.stderr.contains("chmod 700 \(path)"), "\(label) does not give the fix: \(result.stderr)")
            #expect(!result.stderr.contains("Created a new store"), "\(label) created a store over the old one")
            let after = FileState.all(under: path)
            #expect(after == before, "\(label) changed the store: \(FileState.differences(before, after))")
        }
        chmod(path, 0o700)
        let reopened = try Store.open(path, options: SampleStore.options(readOnly: true))
        #expect(reopened.dataset.notes.count == 3, "the three acknowledged notes are all there")
    }

    @Test("item 1: a default store whose journal the user cannot read is not replaced either")
    func unreadableJournal() throws {
        if let why = Unprivileged.unavailableReason { try Test.cancel("skipped: \(why)") }
        let (xdg, path) = try defaultStore()
        chmod(path + "/journal.jsonl", 0o000)
        let before = FileState.all(under: path)
        for command in Self.commands {
            let result = try BuiltBinary.run(command, environment: ["XDG_DATA_HOME": xdg, "OVERSIGHT_STORE": "", "HOME": scratch.path],
                                             wrapper: Unprivileged.wrapper(), watchdog: 120)
            let label = "`oversight \(command.joined(separator: " "))`"
            #expect(result.status != 0, "\(label) exited 0")
            #expect(result.stderr.contains("chmod 600 \(path)/journal.jsonl"), "\(label) does not give the fix: \(result.stderr)")
            #expect(FileState.all(under: path) == before, "\(label) changed the store")
        }
    }

    @Test("item 1: create on first run still happens where nothing is there at all")
    func firstRunCreates() throws {
        let xdg = scratch.appending("fresh")
        let result = try BuiltBinary.run(["action", "list"], environment: ["XDG_DATA_HOME": xdg, "OVERSIGHT_STORE": ""])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stderr.contains("Created a new store at \(xdg)/oversight/store"))
        #expect(FileManager.default.fileExists(atPath: xdg + "/oversight/store/snapshot.json"))
    }

    /// An ordinary directory with what a user might keep there: another program's scratch file,
    /// a document, a file named like a store's lock, a folder, all readable by others.
    func ordinaryDirectory() throws -> String {
        let path = scratch.appending("documents")
        try FileManager.default.createDirectory(atPath: path + "/minutes", withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: path + "/draft.tmp", contents: Data("another program's scratch file".utf8))
        _ = FileManager.default.createFile(atPath: path + "/board-papers.txt", contents: Data("papers".utf8))
        _ = FileManager.default.createFile(atPath: path + "/minutes/2025-07.txt", contents: Data("minutes".utf8))
        chmod(path, 0o755)
        chmod(path + "/board-papers.txt", 0o644)
        return path
    }

    @Test("item 2: every command pointed at a directory that is not a store leaves it byte for byte and mode for mode, and says so")
    func ordinaryDirectoryUntouched() throws {
        let path = try ordinaryDirectory()
        let before = FileState.all(under: path)
        for command in Self.commands + [["init"]] {
            let result = try BuiltBinary.run(command + ["--store", path], watchdog: 120)
            let label = "`oversight \(command.joined(separator: " ")) --store \(path)`"
            #expect(result.status != 0, "\(label) exited 0")
            #expect(result.stderr.contains("not an oversight store") || result.stderr.contains("already exists and is not empty"),
                    "\(label): \(result.stderr)")
            let after = FileState.all(under: path)
            #expect(after == before, "\(label) changed it: \(FileState.differences(before, after))")
        }
    }

    @Test("item 2: the same through the store's own API (open for writing, create, validate)")
    func ordinaryDirectoryUntouchedByTheStore() throws {
        let path = try ordinaryDirectory()
        let before = FileState.all(under: path)
        #expect(throws: StoreError.self) { try Store.open(path, options: SampleStore.options()) }
        #expect(throws: StoreError.self) { try Store.create(path, snapshot: SampleStore.snapshotBytes()) }
        #expect(!StoreValidator.validate(path).isEmpty)
        #expect(FileState.all(under: path) == before, "\(FileState.differences(before, FileState.all(under: path)))")
    }
}
