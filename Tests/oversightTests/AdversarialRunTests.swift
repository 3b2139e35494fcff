import Foundation
import Glibc
import OversightDomain
@testable import OversightStore
import OversightTestSupport
import Testing

/// Issue 11's closing measure: a new adversarial run. Hostile stores (links out of the store,
/// FIFOs, torn and damaged journals, a damaged snapshot with a damaged backup, garbage, a folder
/// that is not a store, one its owner cannot read) each meet every command, `repair --yes` last.
/// Counted: acknowledged entries lost (an entry whose bytes the test left intact, missing from the
/// store afterwards), and files outside the store touched (bytes, modes, times, links, new files).
@Suite("Issue 11 adversarial run", .serialized)
struct AdversarialRunTests {
    let scratch = ScratchDirectory("adversarial")

    /// Every command, as a script or a person might run it on a store; undo then redo leave the data as it was.
    static let commands: [([String], String?)] = [
        (["history"], nil), (["validate"], nil), (["segment", "--framework", "nof-test", "--period", "2025-26-Q1", "--format", "csv"], nil),
        (["action", "list"], nil), (["note", "add", "RAA", "Adversarial note"], nil), (["undo"], nil), (["redo"], nil),
        (["compact"], nil), (["repair"], "n\nn\n"), (["repair", "--yes"], nil),
    ]

    /// How long one command may take before it counts as hung ($ADVERSARIAL_WATCHDOG seconds, to
    /// run the measure against an older binary, through $OVERSIGHT_BINARY, without waiting on its hangs).
    static let watchdog = ProcessInfo.processInfo.environment["ADVERSARIAL_WATCHDOG"].flatMap(Double.init) ?? 120

    struct Scenario: Sendable {
        var name: String
        /// Damages or replaces things in the store; returns the note ids whose bytes it damaged.
        var prepare: @Sendable (_ store: String, _ outside: String) throws -> Set<String>
        /// Run the commands against this path instead of the store (a folder that is not one).
        var target: (@Sendable (_ store: String, _ outside: String) -> String)? = nil
        var unprivileged = false
    }

    /// Flips a byte in the middle of line `line` of a file, keeping its newline.
    static func damage(_ file: String, line: Int) throws {
        var bytes = [UInt8](FileManager.default.contents(atPath: file)!)
        let starts = [0] + bytes.indices.filter { bytes[$0] == 0x0A }.map { $0 + 1 }
        let end = bytes[starts[line - 1]...].firstIndex(of: 0x0A)!
        bytes[(starts[line - 1] + end) / 2] ^= 0x01
        try Data(bytes).write(to: URL(fileURLWithPath: file))
    }

    static func append(_ bytes: [UInt8], to file: String) throws {
        let handle = FileHandle(forWritingAtPath: file)!
        handle.seekToEndOfFile()
        handle.write(Data(bytes))
        try handle.close()
    }

    static func replaceByLink(_ name: String, in store: String, to target: String, keepingFile: Bool) {
        if keepingFile { _ = rename(store + "/" + name, target) } else { _ = unlink(store + "/" + name); _ = rmdir(store + "/" + name) }
        _ = symlink(target, store + "/" + name)
    }

    static let scenarios: [Scenario] = [
        Scenario(name: "a whole store") { _, _ in [] },
        Scenario(name: "LOCK a link to a file outside") { store, outside in
            replaceByLink("LOCK", in: store, to: outside + "/victim.txt", keepingFile: false); return []
        },
        Scenario(name: "snapshot.json a link to the real one moved outside") { store, outside in
            replaceByLink("snapshot.json", in: store, to: outside + "/moved-snapshot.json", keepingFile: true); return []
        },
        Scenario(name: "journal.jsonl a link to /dev/null") { store, _ in
            _ = rename(store + "/journal.jsonl", store + "/../kept-journal.jsonl")
            _ = symlink("/dev/null", store + "/journal.jsonl"); return []
        },
        Scenario(name: "backups/ a link to a folder outside") { store, outside in
            replaceByLink("backups", in: store, to: outside + "/victim-dir", keepingFile: false); return []
        },
        Scenario(name: "quarantine/ a link to a folder outside, with a torn tail to set aside") { store, outside in
            replaceByLink("quarantine", in: store, to: outside + "/victim-dir", keepingFile: false)
            try append(Array(#"{"crc":"0000"#.utf8), to: store + "/journal.jsonl"); return []
        },
        Scenario(name: "journal.jsonl a FIFO") { store, _ in
            _ = rename(store + "/journal.jsonl", store + "/../kept-journal.jsonl")
            _ = mkfifo(store + "/journal.jsonl", 0o600); return []
        },
        Scenario(name: "a torn last line") { store, _ in
            try append(Array(#"{"crc":"0badf00d","len":700,"rec":{"change""#.utf8), to: store + "/journal.jsonl"); return []
        },
        Scenario(name: "the last entry damaged") { store, _ in
            try damage(store + "/journal.jsonl", line: 2); return ["n-8"]
        },
        Scenario(name: "an entry in the middle damaged") { store, _ in
            try damage(store + "/journal.jsonl", line: 1); return ["n-7"]
        },
        Scenario(name: "snapshot.json damaged and a line of the newest backup journal") { store, _ in
            try damage(store + "/snapshot.json", line: 3)
            try damage(store + "/backups/journal-3.jsonl", line: 2); return ["n-5"]
        },
        Scenario(name: "8 MiB of garbage after the journal") { store, _ in
            try append(Array(#"{"crc":""#.utf8) + [UInt8](repeating: 0x41, count: 8 << 20), to: store + "/journal.jsonl"); return []
        },
        Scenario(name: "a folder that is not a store (the outside folder itself)", prepare: { _, _ in [] }, target: { _, outside in outside }),
        Scenario(name: "a store its owner cannot read (mode 000)", prepare: { store, _ in
            Unprivileged.chown(store)
            chmod(store, 0o000); return []
        }, unprivileged: true),
    ]

    /// A store with 8 notes, compacted every 3 (backups hold generations 0, 3 and 6, snapshot.json
    /// is at entry 6, the journal holds 7 and 8), and a folder outside it with things a link could reach.
    func setUp(_ index: Int) throws -> (store: String, outside: String, root: String) {
        let root = scratch.appending("case-\(index)")
        try FileManager.default.createDirectory(atPath: root + "/outside/victim-dir", withIntermediateDirectories: true)
        chmod(scratch.path, 0o755)
        chmod(root, 0o755)
        let outside = root + "/outside"
        _ = FileManager.default.createFile(atPath: outside + "/victim.txt", contents: Data("someone else's file\n".utf8))
        _ = FileManager.default.createFile(atPath: outside + "/victim-dir/keep.txt", contents: Data("keep\n".utf8))
        _ = FileManager.default.createFile(atPath: outside + "/draft.tmp", contents: Data("another program's scratch\n".utf8))
        chmod(outside + "/victim.txt", 0o644)
        let store = root + "/store"
        try Store.create(store, snapshot: SampleStore.snapshotBytes())
        var options = SampleStore.options()
        options.compactAfterEntries = 3
        let opened = try Store.open(store, options: options)
        for n in 1...8 { try opened.commit(SampleStore.addNote(n)) }
        opened.close()
        return (store, outside, root)
    }

    @Test("every hostile store meets every command: acknowledged entries lost 0, files outside the store touched 0")
    func run() throws {
        var lost: [String] = []
        var touched: [String] = []
        var unnamed: [String] = []
        var runs = 0
        var skipped: [String] = []
        for (index, scenario) in Self.scenarios.enumerated() {
            if scenario.unprivileged, let why = Unprivileged.unavailableReason {
                skipped.append("\(scenario.name) (\(why))")
                continue
            }
            let (store, outside, root) = try setUp(index)
            let acknowledged = Set((1...8).map { "n-\($0)" })
            let damaged = try scenario.prepare(store, outside)
            let target = scenario.target?(store, outside) ?? store
            // Everything outside the store: the outside folder, and the store's parent (no stray files beside it).
            let outsideBefore = FileState.all(under: outside)
            let besideBefore = try FileManager.default.contentsOfDirectory(atPath: root).sorted()
            var repairOutput = ""
            for (command, answers) in Self.commands {
                let result = try BuiltBinary.run(command + ["--store", target], environment: ["XDG_DATA_HOME": root + "/xdg", "HOME": root],
                                                 stdin: answers, wrapper: scenario.unprivileged ? Unprivileged.wrapper() : [], watchdog: Self.watchdog)
                runs += 1
                if result.timedOut { touched.append("\(scenario.name): `\(command.joined(separator: " "))` hung") }
                if command == ["repair", "--yes"] { repairOutput = result.stdout }
            }
            let outsideAfter = FileState.all(under: outside)
            touched += FileState.differences(outsideBefore, outsideAfter).map { "\(scenario.name): \($0)" }
            let besideAfter = try FileManager.default.contentsOfDirectory(atPath: root).sorted()
            if besideAfter != besideBefore { touched.append("\(scenario.name): beside the store \(besideBefore) became \(besideAfter)") }

            chmod(store, 0o700)
            if let opened = try? Store.open(store, options: SampleStore.options(readOnly: true)) {
                let present = Set(opened.dataset.notes.map(\.id.rawValue))
                lost += acknowledged.subtracting(damaged).subtracting(present).sorted().map { "\(scenario.name): \($0)" }
            } else {
                // A store refused as it is was not changed: its entries are where they were.
                let files = FileState.all(under: store).filter { $0.value.kind == "file" && $0.key != "LOCK" }
                if files.isEmpty { lost.append("\(scenario.name): the store is gone") }
            }
            for id in damaged {
                let seq = Int(id.dropFirst(2))!
                if !repairOutput.contains("Entry \(seq) cannot be brought back") {
                    unnamed.append("\(scenario.name): repair did not name entry \(seq): \(repairOutput)")
                }
            }
        }
        #expect(lost.isEmpty, "acknowledged entries lost: \(lost)")
        #expect(touched.isEmpty, "files outside the store touched: \(touched)")
        #expect(unnamed.isEmpty, "\(unnamed)")
        print("Issue 11 adversarial run: \(Self.scenarios.count - skipped.count) hostile stores × \(Self.commands.count) commands (\(runs) runs): acknowledged entries lost \(lost.count), files outside the store touched \(touched.count), damaged entries repair did not name \(unnamed.count)" + (skipped.isEmpty ? "" : "; skipped: \(skipped)"))
    }
}
