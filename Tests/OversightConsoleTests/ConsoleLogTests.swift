import Foundation
import Glibc
import OversightConsole
@testable import OversightTerminal
import OversightDomain
import OversightStore
import OversightTestSupport
import Testing

/// Issue 11, item 11: console.log says what failed, never what the user wrote, and is private.
@Suite("The console's log")
struct ConsoleLogTests {
    let scratch = ScratchDirectory("console-log")

    @Test("an existing log with mode 0644 is made 0600; a new one is created 0600")
    func mode() throws {
        let existing = scratch.appending("existing.log")
        _ = FileManager.default.createFile(atPath: existing, contents: Data("an older line\n".utf8))
        chmod(existing, 0o644)
        let log = ConsoleLog(path: existing)
        log.write("opening")
        #expect(FileState.of(existing)?.mode == 0o600)
        let text = String(decoding: FileState.of(existing)?.bytes ?? [], as: UTF8.self)
        #expect(text.hasPrefix("an older line\n"), "the log is appended to")
        let fresh = scratch.appending("state/oversight/console.log")
        ConsoleLog(path: fresh).write("opening")
        #expect(FileState.of(fresh)?.mode == 0o600)
    }

    @Test("a failed save logs the kind of edit and why it failed, never the note's text")
    func failedSaveKeepsTheTextOut() throws {
        let path = SampleStore.create(in: scratch)
        let store = try Store.open(path, options: SampleStore.options(readOnly: true))
        let logPath = scratch.appending("console.log")
        let log = ConsoleLog(path: logPath)
        let session = ConsoleSession(store: store, terminal: HeadlessTerminal(size: Size(width: 100, height: 30)),
                                     today: .ymd(2025, 7, 1), log: log)
        let secret = "Confidential: the chief executive's health"
        let note = SampleDataset.note("n-secret", text: secret, at: 1_750_000_000)
        _ = session.perform(.commit(.addNote(note)))
        let text = String(decoding: FileState.of(logPath)?.bytes ?? [], as: UTF8.self)
        #expect(text.contains("note.add") && text.contains("failed"), "the log says what failed: \(text)")
        #expect(!text.contains("Confidential") && !text.contains("chief executive"), "the log holds the note's text: \(text)")
    }
}
