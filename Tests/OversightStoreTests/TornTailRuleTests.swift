import Foundation
import Glibc
import OversightDomain
@testable import OversightStore
import OversightTestSupport
import Testing

/// Issue 11, item 5: a torn tail is only what a crash can leave (an unterminated last line shorter
/// than one record, with no newline after it), and only that is cut without asking. Anything else
/// at the end of the journal opens read-only and asks for `repair`. Sequence numbers are never reused.
@Suite("Store safety: only a crash's torn tail is cut without asking")
struct TornTailRuleTests {
    let scratch = ScratchDirectory("torn-rule")

    /// A store with three notes, and its journal's bytes.
    func store() throws -> (path: String, journal: [UInt8]) {
        let path = SampleStore.create(in: scratch)
        let store = try Store.open(path, options: SampleStore.options())
        for n in 1...3 { try store.commit(SampleStore.addNote(n)) }
        store.close()
        return (path, try #require(try POSIXFileSystem().read(path + "/journal.jsonl")))
    }

    func plant(_ bytes: [UInt8], in path: String) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: path + "/journal.jsonl"))
    }

    /// Opens for writing and checks the store is read-only for journal damage and nothing changed.
    func expectUntouched(_ path: String, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let before = FileState.all(under: path).filter { $0.key != "LOCK" }
        let store = try Store.open(path, options: SampleStore.options())
        guard case .damagedJournal? = store.readOnlyReason else {
            Issue.record("\(what): expected read-only for a damaged journal, got \(String(describing: store.readOnlyReason))", sourceLocation: sourceLocation)
            return
        }
        #expect(store.readOnlyReason?.explanation.contains("oversight repair") == true, sourceLocation: sourceLocation)
        store.close()
        let after = FileState.all(under: path).filter { $0.key != "LOCK" }
        #expect(after == before, "\(what) was changed on open: \(FileState.differences(before, after))", sourceLocation: sourceLocation)
    }

    @Test("a damaged acknowledged last entry (its newline intact) opens read-only and is never cut")
    func damagedLastEntry() throws {
        let (path, journal) = try store()
        var damaged = journal
        damaged[journal.count - 40] ^= 0x04
        try plant(damaged, in: path)
        try expectUntouched(path, "a damaged last entry")
    }

    @Test("a last entry whose newline was changed is a whole record, not a torn one: read-only")
    func changedNewline() throws {
        let (path, journal) = try store()
        var damaged = journal
        damaged[journal.count - 1] = UInt8(ascii: " ")
        try plant(damaged, in: path)
        try expectUntouched(path, "a last entry without its newline")
    }

    @Test("garbage with no newline (5 MiB, beginning like a frame) opens read-only and is kept: a crash leaves only the start of a record")
    func longGarbage() throws {
        let (path, journal) = try store()
        var random = SeededGenerator(seed: 11)
        var garbage = [UInt8](repeating: 0, count: 5 << 20)
        for i in garbage.indices where i % 64 == 0 { garbage[i] = UInt8.random(in: 0x20...0x7E, using: &random) }
        try plant(journal + Array(#"{"crc":""#.utf8) + garbage, in: path)
        try expectUntouched(path, "5 MiB of garbage")
    }

    @Test("bytes that do not begin as a record begins (zeros, text), however short, open read-only and are kept",
          arguments: [[UInt8](repeating: 0, count: 300), Array("not a frame".utf8), Array(#"{"crc":"0badf00z"#.utf8)])
    func notARecordStart(tail: [UInt8]) throws {
        let (path, journal) = try store()
        try plant(journal + tail, in: path)
        try expectUntouched(path, "\(tail.count) bytes that are not a record's start")
    }

    @Test("a record header declaring more than the largest record the store writes is not a torn write")
    func oversizedDeclaration() throws {
        let (path, journal) = try store()
        try plant(journal + Array(#"{"crc":"0badf00d","len":999999999,"rec":{"change""#.utf8), in: path)
        try expectUntouched(path, "a header declaring a 1 GB record")
    }

    @Test("garbage ending in a newline opens read-only and is kept")
    func garbageLine() throws {
        let (path, journal) = try store()
        try plant(journal + Array("this is not a frame\n".utf8), in: path)
        try expectUntouched(path, "a garbage line")
    }

    @Test("a line cut short at any point inside it (what a crash mid-write leaves) is still set aside and trimmed on open")
    func everyCutIsTorn() throws {
        let (path, journal) = try store()
        let lastStart = journal[..<(journal.count - 1)].lastIndex(of: 0x0A)! + 1
        for cut in stride(from: lastStart + 1, to: journal.count, by: 37) {
            try plant(Array(journal[..<cut]), in: path)
            let store = try Store.open(path, options: SampleStore.options())
            #expect(store.readOnlyReason == nil, "cut at \(cut): \(String(describing: store.readOnlyReason))")
            #expect(store.lastSeq == 2)
            store.close()
            #expect(try POSIXFileSystem().read(path + "/journal.jsonl") == Array(journal[..<lastStart]))
        }
    }

    @Test("sequence numbers are never reused: after a damaged last entry is set aside, the next edit gets a new number")
    func numbersNotReused() throws {
        let (path, journal) = try store()
        var damaged = journal
        damaged[journal.count - 40] ^= 0x04
        try plant(damaged, in: path)
        var store = try Store.open(path, options: SampleStore.options())
        if store.isReadOnly {
            try store.repair(try store.planRepair())
            store = try Store.open(path, options: SampleStore.options())
        }
        let entry = try store.commit(SampleStore.addNote(4))
        #expect(entry.seq == 4, "entry 3 was acknowledged before it was damaged; its number must not be given again")
        store.close()
    }
}
