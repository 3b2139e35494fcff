import Foundation
import OversightDomain
import OversightStore
import OversightTestSupport
import Testing

/// Issue 11, item 12, on the command line: a damaged store is never reported as fine, and input
/// that is not UTF-8 is never silently changed.
@Suite("Store safety: what the command line reports")
struct CommandReportingTests {
    let scratch = ScratchDirectory("reporting")

    @Test("history on a damaged store shows what it can, says what is wrong and what to do, and exits non-zero")
    func historyOnDamagedStore() throws {
        let store = SampleStore.create(in: scratch)
        for n in 1...3 { #expect(try BuiltBinary.run(["note", "add", "RAA", "Note \(n)", "--store", store]).status == 0) }
        let journal = store + "/journal.jsonl"
        var bytes = [UInt8](FileManager.default.contents(atPath: journal)!)
        let second = bytes.firstIndex(of: 0x0A)! + 60
        bytes[second] ^= 0x01
        try Data(bytes).write(to: URL(fileURLWithPath: journal))
        let result = try BuiltBinary.run(["history", "--store", store])
        #expect(result.status != 0, "history exited 0 on a damaged store: \(result.stdout)")
        #expect(result.stderr.contains("damaged") && result.stderr.contains("oversight repair"), "\(result.stderr)")
        #expect(result.stdout.contains("Add note on RAA"), "what could be read is still shown: \(result.stdout)")
    }

    @Test("an argument that is not valid UTF-8 is refused with a message, never saved with replacement characters")
    func invalidUTF8Argument() throws {
        let store = SampleStore.create(in: scratch)
        // Latin-1 "café": the é is the single byte E9, which is not UTF-8.
        let script = #"exec "$0" note add RAA "$(printf 'caf\351 meeting')" --store "$1""#
        let result = try BuiltBinary.runProgram("/bin/sh", ["-c", script, BuiltBinary.path(), store])
        #expect(result.status != 0, "saved: \(result.stdout)")
        #expect(result.stderr.contains("not valid UTF-8"), "\(result.stderr)")
        let opened = try Store.open(store, options: SampleStore.options(readOnly: true))
        #expect(opened.dataset.notes.isEmpty, "a note was saved: \(opened.dataset.notes.map(\.text))")
    }
}
