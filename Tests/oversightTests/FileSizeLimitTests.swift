import Foundation
import Glibc
import OversightDomain
import OversightStore
import OversightTestSupport
import Testing

/// Issue 11, item 10: under `ulimit -f`, neither the command line nor the console dies of SIGXFSZ:
/// the write fails with EFBIG, which is handled like a full disk (refused, cut back, said), and the
/// console gives the terminal back.
@Suite("Store safety: a file-size limit is a refused save, not a killed process", .serialized)
struct FileSizeLimitTests {
    let scratch = ScratchDirectory("fsize")

    @Test("the command line: the edit that reaches the limit is refused with a message, the journal is cut back, the process exits 1")
    func commandLine() throws {
        let store = SampleStore.create(in: scratch)
        #expect(try BuiltBinary.run(["note", "add", "RAA", "First", "--store", store]).status == 0)
        let journal = store + "/journal.jsonl"
        let size = try #require(FileState.of(journal)).size
        let result = try BuiltBinary.run(["note", "add", "RAA", String(repeating: "A long note. ", count: 40), "--store", store],
                                         wrapper: Unprivileged.wrapper(fileSizeLimit: size + 64, dropPrivileges: false), watchdog: 120)
        #expect(result.reason == .exit, "killed by signal \(result.status) (SIGXFSZ is \(SIGXFSZ))")
        #expect(result.status == 1)
        #expect(result.stderr.contains("size limit (EFBIG)"), "\(result.stderr)")
        #expect(FileState.of(journal)?.size == size, "the short write was cut back")
        let reopened = try Store.open(store, options: SampleStore.options())
        #expect(reopened.readOnlyReason == nil && reopened.dataset.notes.count == 1)
    }

    @Test("the console: a save that reaches the limit says so, and quitting gives back a sane terminal (not the alternate screen)")
    func console() throws {
        let path = scratch.appending("store")
        try Store.create(path, snapshot: SnapshotCodec.encode(SnapshotPayload(seq: 0, data: SyntheticDataset.make(trusts: 30))))
        // 512 bytes: the console's log lines fit, a segment decision's journal entry (both images of a scorecard) does not.
        let console = try ConsoleTmux(arguments: ["--store", path, "--user", "secretary"], scratch: scratch,
                                      wrapper: Unprivileged.wrapper(fileSizeLimit: 512, dropPrivileges: false))
        defer { console.kill() }
        // Up: the first frame's status line (a store of made-up scorecards may say so there instead).
        console.waitUntil("the console to open") { $0.contains("1 of 7 regions") || $0.contains("made up") }
        console.press(":")
        console.type("RAAB")
        console.press("Enter")
        console.waitFor("Metric ID")
        console.press("d")
        console.waitFor("Record the segment decision")
        console.press("Tab")
        console.type("Agreed at the regional board")
        console.press("F2")
        let screen = console.waitFor("EFBIG")
        #expect(screen.contains("Not saved"), "\(screen)")
        // The form stays open with what was typed; leaving it asks first.
        console.press("Escape")
        console.waitFor("Throw away what you typed")
        console.press("y")
        console.waitFor("Metric ID")
        console.press("Q")
        let ending = try #require(console.ending(), "the console did not end")
        #expect(ending.exit == "EXIT:0", "the console ended with \(ending.exit) (153 is SIGXFSZ)")
        #expect(console.value("#{alternate_on}") == "0", "the terminal was left in the alternate screen")
        #expect(ending.stty.contains(" echo ") && !ending.stty.contains("-echo "), "echo restored:\n\(ending.stty)")
    }
}
