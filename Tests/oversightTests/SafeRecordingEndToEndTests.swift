import Foundation
import OversightDomain
import OversightStore
import OversightTestSupport
import Testing

/// The sequences, typed into the built console in tmux at 80×24: typing that runs on after a
/// save, a paste without bracketed paste, Esc Esc Esc Enter, Ctrl-C in a form, a closed window, and
/// undo of an earlier run's entry. Each shows that nothing is undone, nothing quits and no text is lost.
/// Keys go at a person's pace (`ConsoleTmux.keyGap`); every wait polls the screen.
@Suite("Safe recording in a real terminal", .serialized)
struct SafeRecordingEndToEndSlowTests {
    let scratch = ScratchDirectory("safe-e2e")
    var storePath: String { scratch.appending("store") }

    init() throws {
        try Store.create(storePath, snapshot: SnapshotCodec.encode(SnapshotPayload(seq: 0, data: SyntheticDataset.make(trusts: 30))))
    }

    func open() throws -> ConsoleTmux {
        let console = try ConsoleTmux(arguments: ["--store", storePath, "--user", "secretary"], scratch: scratch)
        console.waitFor("Demonstration store: every scorecard in it is made up.")
        return console
    }

    func goToRAAB(_ console: ConsoleTmux) {
        console.press(":")
        console.type("RAAB")
        console.press("Enter")
        console.waitFor("Metric ID")
    }

    func notes() throws -> [String] {
        let store = try Store.open(storePath, options: StoreOptions(readOnly: true))
        return store.dataset.notes.filter { $0.subject == .organisation("RAAB") }.map(\.text)
    }

    func running(_ console: ConsoleTmux) -> Bool { !FileManager.default.fileExists(atPath: console.exitFile) }

    func quit(_ console: ConsoleTmux, sourceLocation: SourceLocation = #_sourceLocation) {
        console.press("Q")
        #expect(console.ending()?.exit == "EXIT:0", sourceLocation: sourceLocation)
        console.kill()
    }

    @Test("a note keeps its new lines; typing that runs on after the save undoes nothing and is kept")
    func typingRunOnAfterASave() throws {
        let console = try open()
        defer { console.kill() }
        goToRAAB(console)
        let period = console.lines[0].suffix(12)
        console.press("n")
        console.waitFor("F2 or Ctrl-O saves · Enter: new line")
        console.typeByHand("Board discussed finances")
        console.press("Enter")
        console.typeByHand("and agreed a plan")
        console.press("F2")
        console.waitFor("Saved: Add note on RAAB")
        // The finding: "update from the trust" after the save undid the note (u), moved the period (p), opened a form (d).
        console.typeByHand("update from the trust")
        let screen = console.waitFor("That looked like typing")
        #expect(!screen.contains("Undone") && !screen.contains("Record the segment decision"), "\(screen)")
        #expect(console.lines[0].hasSuffix(String(period)), "the period did not move:\n\(screen)")
        #expect(try notes().contains("Board discussed finances\nand agreed a plan"), "the note is saved whole and not undone")
        // After a pause, n starts a note with what was set aside: no text is lost.
        console.pauseAfterSave()
        console.press("n")
        let kept = console.waitFor("The text that was set aside is in the note")
        #expect(kept.contains("update from the trust"), "\(kept)")
        console.press("Escape")
        console.waitFor("Throw away what you typed")
        console.press("y")
        quit(console)
    }

    @Test("a two-line paste without bracketed paste is set aside: nothing from an earlier run is undone, nothing quits")
    func pasteWithoutBracketedPaste() throws {
        do {
            let earlier = try Store.open(storePath, options: StoreOptions(user: "secretary"))
            try earlier.commit(.addNote(Note(id: "n-earlier", subject: .organisation("RAAB"), text: "From the last meeting",
                                             author: "secretary", created: earlier.now)))
            earlier.close()
        }
        let console = try open()
        defer { console.kill() }
        let file = scratch.appending("paste.txt")
        try Data("undo the last one\nQuit now\n".utf8).write(to: URL(fileURLWithPath: file))
        try console.tmux("load-buffer", file)
        // No -p: tmux writes the text as it is, with no bracketed-paste marks, in one go, as an old terminal does.
        try console.tmux("paste-buffer")
        let screen = console.waitForWrapped("That looked like typing")
        #expect(screen.contains("undo the last one / Quit now"), "\(screen)")
        #expect(running(console), "Q in the paste did not quit")
        #expect(try notes().contains("From the last meeting"), "u in the paste undid nothing")
        quit(console)
    }

    @Test("Esc, Esc, Esc, Enter does not quit; the quit question takes y or n only")
    func escapesThenEnterDoNotQuit() throws {
        let console = try open()
        defer { console.kill() }
        // At the top: Esc asks, Esc says no, Esc asks again, and Enter (which used to answer yes) does nothing.
        console.press("Escape", "Escape", "Escape", "Enter")
        let asking = console.waitFor("Quit oversight? Press y to quit, n to stay.")
        usleep(300_000)
        #expect(running(console), "Enter answered the quit question:\n\(asking)")
        #expect(console.screen.contains("Quit oversight?"))
        console.press("n")
        console.waitUntil("the question gone") { !$0.contains("Quit oversight?") }
        console.press("Escape")
        console.waitFor("Quit oversight?")
        console.press("y")
        #expect(console.ending()?.exit == "EXIT:0")
    }

    @Test("Ctrl-C in a form with text asks, as Esc does, and n keeps the text")
    func ctrlCInAForm() throws {
        let console = try open()
        defer { console.kill() }
        goToRAAB(console)
        console.press("n")
        console.waitFor("Add a note")
        console.typeByHand("Copied from the minutes")
        console.press("C-c")
        console.waitFor("Throw away what you typed in “Add a note”?")
        #expect(running(console))
        console.press("n")
        let back = console.waitUntil("the form again") { !$0.contains("Throw away") && $0.contains("Copied from the minutes") }
        #expect(back.contains("Add a note"))
        console.press("C-c")
        console.waitFor("Throw away what you typed")
        console.press("y")
        console.waitFor("Closed without saving.")
        console.press("C-c")
        console.waitFor("Quit oversight?")
        #expect(running(console), "Ctrl-C while browsing asks before quitting")
        console.press("y")
        #expect(console.ending()?.exit == "EXIT:0")
    }

    @Test("a closed window (SIGHUP) keeps the form as a private draft, offered back at the next start")
    func hangUpKeepsADraft() throws {
        var console = try open()
        goToRAAB(console)
        console.press("n")
        console.waitFor("Add a note")
        console.typeByHand("Half-written when the")
        console.press("Enter")
        console.typeByHand("window closed")
        let pid = try #require(Int32((try? String(contentsOfFile: console.pidFile, encoding: .utf8))?
            .trimmingCharacters(in: .whitespacesAndNewlines) ?? ""))
        kill(pid, SIGHUP)
        #expect(console.ending()?.exit == "EXIT:129")
        console.kill()
        let drafts = scratch.appending("state/oversight/drafts")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: drafts)) ?? []
        #expect(files.count == 1, "\(files)")
        var info = stat()
        #expect(stat(drafts + "/" + (files.first ?? ""), &info) == 0 && info.st_mode & 0o777 == 0o600, "the draft is private")

        // A new wrapper (its own exit file), with the same state directory.
        console = try ConsoleTmux(arguments: ["--store", storePath, "--user", "secretary"],
                                  environment: ["XDG_STATE_HOME": scratch.appending("state")], scratch: ScratchDirectory("safe-e2e-again"))
        defer { console.kill() }
        let offer = console.waitForWrapped("y opens it again; n keeps it for later.")
        #expect(offer.contains("“Add a note” (RAAB) was being filled in, 2 lines typed."), "\(offer)")
        console.press("y")
        let reopened = console.waitFor("window closed")
        #expect(reopened.contains("Half-written when the"), "\(reopened)")
        console.press("F2")
        console.waitFor("Saved: Add note on RAAB")
        #expect(try notes().contains("Half-written when the\nwindow closed"))
        console.pauseAfterSave()
        quit(console)
    }
}
