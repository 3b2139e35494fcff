import Foundation
import OversightDomain
import OversightStore
import OversightTestSupport
import Testing

/// Recording in the built console, in tmux, against a scratch store: a decision survives a
/// restart, so does its undo and its redo, the history lists all three; a second console on the
/// same store is read-only and says why; a pasted escape sequence neither reaches the screen nor
/// the store. Every wait polls the screen; nothing sleeps.
@Suite("Recording in a real terminal", .serialized)
struct RecordEndToEndSlowTests {
    let scratch = ScratchDirectory("record-e2e")
    var storePath: String { scratch.appending("store") }

    init() throws {
        try Store.create(storePath, snapshot: SnapshotCodec.encode(SnapshotPayload(seq: 0, data: SyntheticDataset.make(trusts: 30))))
    }

    func open(_ arguments: [String] = []) throws -> ConsoleTmux {
        let console = try ConsoleTmux(arguments: ["--store", storePath, "--user", "secretary"] + arguments, scratch: scratch)
        // The synthetic dataset is made up, so the first frame's status line says so (in place of "1 of 7 regions").
        console.waitFor("Demonstration store: every scorecard in it is made up.")
        return console
    }

    /// Opens RAAB's scorecard by go-to.
    func goToRAAB(_ console: ConsoleTmux) {
        console.press(":")
        console.type("RAAB")
        console.press("Enter")
        console.waitFor("Metric ID")
    }

    func quit(_ console: ConsoleTmux, sourceLocation: SourceLocation = #_sourceLocation) {
        console.press("Q")
        #expect(console.ending()?.exit == "EXIT:0", sourceLocation: sourceLocation)
        console.kill()
    }

    func storedDecision() throws -> SegmentDecision? {
        let store = try Store.open(storePath, options: StoreOptions(readOnly: true))
        let id = ScorecardID(org: "RAAB", framework: SyntheticDataset.framework, period: .quarter(2026, 2))
        return store.dataset.scorecard(id)?.decision
    }

    @Test("a decision is recorded, undone and redone, each surviving a restart, and the history lists all three")
    func decisionUndoRedoAcrossRestarts() throws {
        var console = try open()
        goToRAAB(console)
        console.press("d")
        console.waitFor("Record the segment decision")
        console.press("Tab")
        console.type("Agreed at the regional board")
        console.press("F2")
        console.waitFor("Saved: RAAB decision")
        console.pauseAfterSave()
        quit(console)
        #expect(try storedDecision()?.rationale == "Agreed at the regional board")

        console = try open()
        goToRAAB(console)
        console.press("d")
        let reopened = console.waitFor("Recorded now:")
        #expect(reopened.contains("Agreed at the regional board") && reopened.contains("secretary"), "after a restart the decision is there:\n\(reopened)")
        #expect(console.cursorY == reopened.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("▶ 3") || $0.contains("▶ 4") || $0.contains("▶ 1") || $0.contains("▶ 2") },
                "the cursor sits on the chosen segment")
        console.press("Escape")
        console.waitFor("Closed: nothing was saved.")
        // The decision was made in an earlier run: undo names it and asks.
        console.press("u")
        console.waitFor("Undo “Segment decision for RAAB")
        console.press("y")
        console.waitFor("Undone: Segment decision for RAAB")
        quit(console)
        #expect(try storedDecision()?.rationale == "Generated", "after a restart the undo holds")

        console = try open()
        console.press("C-r")
        console.waitFor("Redo “Segment decision for RAAB")
        console.press("y")
        let redone = console.waitFor("Redone: Segment decision for RAAB")
        #expect(redone.contains("RAAB"), "redo puts the console on the scorecard it changed:\n\(redone)")
        console.press("H")
        let history = console.waitFor("redo #1")
        #expect(history.contains("undo #1") && history.contains("3 entries"), "the history lists the decision, its undo and its redo:\n\(history)")
        quit(console)
        #expect(try storedDecision()?.rationale == "Agreed at the regional board")
    }

    @Test("a second console on the same store is read-only and says why when an edit key is pressed")
    func secondConsoleIsReadOnly() throws {
        let first = try open()
        defer { first.kill() }
        let pid = try #require(Int32((try? String(contentsOfFile: first.pidFile, encoding: .utf8))?
            .trimmingCharacters(in: .whitespacesAndNewlines) ?? ""))
        let second = try ConsoleTmux(arguments: ["--store", storePath, "--user", "chair"], scratch: ScratchDirectory("record-e2e-second"))
        defer { second.kill() }
        // It follows the first console's saves, and says how fresh it is; why it is read-only is said on an edit key.
        let screen = second.waitFor("read-only · refreshed")
        #expect(!screen.contains("F8 u Undo"), "edit keys are hidden on a read-only console")
        goToRAAB(second)
        second.press("d")
        let refused = second.waitFor("Nothing can be recorded")
        let joined = refused.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        #expect(joined.contains("another oversight (pid \(pid)) is editing this store"), "\(refused)")
        #expect(joined.contains("this console shows its saves as they are made"), "\(refused)")
        #expect(!refused.contains("Record the segment decision"))
        quit(second)
        quit(first)
    }

    @Test("escape sequences typed or pasted into a note leave the screen intact and the stored note clean")
    func hostilePaste() throws {
        let console = try open()
        defer { console.kill() }
        goToRAAB(console)
        console.press("n")
        console.waitFor("Add a note")
        console.type("Safe\u{1B}[2J\u{1B}[31mtext")
        let typed = console.waitFor("Removed")
        #expect(typed.contains("Add a note") && typed.contains("About"), "the screen was not cleared:\n\(typed)")
        #expect(!console.screenWithEscapes.contains("\u{1B}[31mtext"))
        let file = scratch.appending("paste.txt")
        try Data(" pasted\u{1B}]2;PWNED\u{07} more\nsecond line".utf8).write(to: URL(fileURLWithPath: file))
        try console.tmux("load-buffer", file)
        try console.tmux("paste-buffer", "-p")
        let pasted = console.waitFor("second line")
        #expect(pasted.contains("Removed 1 control character or escape sequence from the pasted text."), "\(pasted)")
        #expect(console.value("#{pane_title}") != "PWNED", "an OSC sequence in a paste set the window title")
        console.press("F2")
        console.waitFor("Saved: Add note on RAAB")
        console.pauseAfterSave()
        quit(console)
        let store = try Store.open(storePath, options: StoreOptions(readOnly: true))
        #expect(store.dataset.notes.filter { $0.subject == .organisation("RAAB") }.map(\.text).contains("Safetext pasted more\nsecond line"),
                "\(store.dataset.notes.map(\.text))")
    }
}
