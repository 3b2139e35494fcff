import Foundation
import OversightDomain
import OversightStore
import OversightTestSupport
import Testing

/// The command line as a script uses it: every edit through the journal, clear errors, exit codes.
@Suite("Scripted edits on the command line")
struct ScriptedEditTests {
    let scratch = ScratchDirectory("cli")
    let store: String

    init() {
        store = SampleStore.create(in: scratch)
    }

    func oversight(_ arguments: String..., stdin: String? = nil) throws -> BuiltBinary.Result {
        try BuiltBinary.run(arguments + ["--store", store], environment: ["XDG_DATA_HOME": scratch.appending("xdg")], stdin: stdin)
    }

    @Test("a note added, undone and redone, with history marking each")
    func noteUndoRedo() throws {
        let added = try oversight("note", "add", "RAA", "Elective recovery discussed")
        #expect(added.status == 0, "stderr: \(added.stderr)")
        #expect(added.stdout.contains("Saved: Add note on RAA"))
        let undone = try oversight("undo")
        #expect(undone.status == 0)
        #expect(undone.stdout.contains("Undone: Add note on RAA"))
        let nothing = try oversight("redo")
        #expect(nothing.stdout.contains("Redone: Add note on RAA"))
        let history = try oversight("history")
        #expect(history.status == 0)
        #expect(history.stdout.contains("Undo #1: Add note on RAA"))
        #expect(history.stdout.contains("Redo #1: Add note on RAA"))
        let store = try Store.open(self.store, options: SampleStore.options(readOnly: true))
        #expect(store.dataset.notes.map(\.text) == ["Elective recovery discussed"])
    }

    @Test("nothing to undo exits non-zero and says so")
    func nothingToUndo() throws {
        let result = try oversight("undo")
        #expect(result.status != 0)
        #expect(result.stderr.contains("Nothing to undo"))
    }

    @Test("a segment decision is saved, and bad input saves nothing")
    func decide() throws {
        let ok = try oversight("decide", "raa", "--framework", "nof-test", "--period", "2025-26-Q1", "--segment", "3",
                               "--rationale", "Agreed at the regional board", "--date", "2025-07-15")
        #expect(ok.status == 0, "stderr: \(ok.stderr)")
        #expect(ok.stdout.contains("Segment decision for RAA"))
        let badSegment = try oversight("decide", "RAA", "--framework", "nof-test", "--period", "2025-26-Q1", "--segment", "9", "--rationale", "x")
        #expect(badSegment.status != 0)
        #expect(badSegment.stderr.contains("segments 1–5"))
        let badDate = try oversight("decide", "RAA", "--framework", "nof-test", "--period", "2025-26-Q1", "--segment", "2",
                                    "--rationale", "x", "--date", "2025-02-30")
        #expect(badDate.status != 0)
        #expect(badDate.stderr.contains("does not exist"))
        let unknown = try oversight("decide", "ZZZ", "--framework", "nof-test", "--period", "2025-26-Q1", "--segment", "2", "--rationale", "x")
        #expect(unknown.stderr.contains("No organisation with ODS code ZZZ"))
        let store = try Store.open(self.store, options: SampleStore.options(readOnly: true))
        #expect(store.lastSeq == 1, "only the valid decision was journaled")
    }

    @Test("escape sequences typed into a note are stripped with a message")
    func hostileText() throws {
        let result = try oversight("note", "add", "RAA", "plain \u{1B}[2J\u{1B}]0;pwned\u{07}text")
        #expect(result.status == 0)
        #expect(result.stderr.contains("Removed 2 control characters or escape sequences"))
        let store = try Store.open(self.store, options: SampleStore.options(readOnly: true))
        #expect(store.dataset.notes.first?.text == "plain text")
    }

    @Test("edits on a read-only store are refused and name the holder")
    func readOnlyRefused() throws {
        let holder = try Store.open(store, options: SampleStore.options())
        let result = try oversight("note", "add", "RAA", "x")
        #expect(result.status != 0)
        #expect(result.stderr.contains("pid \(getpid())"))
        _ = holder
    }

    @Test("interventions and actions through the command line")
    func interventionsAndActions() throws {
        let added = try oversight("intervention", "add", "RBB", "--type", "enforcement-undertakings", "--start", "2025-06-01",
                                  "--reason", "Governance concerns", "--exit-criteria", "Board review complete")
        #expect(added.status == 0, "stderr: \(added.stderr)")
        let id = try #require(added.stdout.split(separator: "\n").first { $0.hasPrefix("Intervention id: ") }?.dropFirst(17))
        #expect(try oversight("intervention", "event", String(id), "Review meeting held", "--date", "2025-07-01").status == 0)
        let early = try oversight("intervention", "close", String(id), "--end", "2025-01-01", "--outcome", "x")
        #expect(early.status != 0 && early.stderr.contains("before the start"))
        #expect(try oversight("intervention", "close", String(id), "--end", "2025-09-30", "--outcome", "Undertakings met").status == 0)
        let action = try oversight("action", "add", "RAA", "Send the recovery plan", "--owner", "Finance director", "--due", "2030-08-01")
        #expect(action.status == 0, "stderr: \(action.stderr)")
        let list = try oversight("action", "list")
        #expect(list.stdout.contains("Finance director"))
    }
}
