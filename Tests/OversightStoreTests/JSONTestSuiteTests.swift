import Foundation
import OversightDomain
@testable import OversightStore
import OversightTestSupport
import Testing

/// T2: the JSONTestSuite corpus (nst/JSONTestSuite, MIT), read from beside the repository
/// (`../shared/reference/jsontestsuite/test_parsing/`), never copied into it. Every `n_` file (JSON
/// that must be refused) is refused by the parser, as the payload of snapshot.json and as a framed
/// journal line; no `y_` or `i_` file crashes anything; and the parser's choice on each `i_` file
/// (where the standard leaves it to the implementation) is recorded here, so a change to any of them
/// fails until it is looked at.
@Suite("T2 JSONTestSuite")
struct JSONTestSuiteTests {
    /// The corpus folder: the repository's root (three levels above this file), then ../shared/…
    /// ($JSONTESTSUITE_DIR instead, to try the skip).
    static let corpus: String = {
        if let folder = ProcessInfo.processInfo.environment["JSONTESTSUITE_DIR"] { return folder }
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.deletingLastPathComponent().appendingPathComponent("shared/reference/jsontestsuite/test_parsing").standardizedFileURL.path
    }()

    static func files(_ prefix: String) throws -> [(name: String, bytes: [UInt8])] {
        guard FileManager.default.fileExists(atPath: corpus) else {
            try Test.cancel("skipped: the JSONTestSuite corpus is not at \(corpus) (../shared/reference/jsontestsuite/test_parsing/ beside the repository)")
        }
        return try FileManager.default.contentsOfDirectory(atPath: corpus).filter { $0.hasPrefix(prefix) && $0.hasSuffix(".json") }.sorted()
            .map { ($0, Array(try Data(contentsOf: URL(fileURLWithPath: corpus + "/" + $0)))) }
    }

    /// How the store takes `payload`: as snapshot.json's framed payload (nil: it refused to open),
    /// and as the one line of the journal after a good snapshot (whether it was taken as an entry).
    struct Outcome {
        var parsed: Bool
        var openedAsSnapshot: Bool
        var takenAsJournalEntry: Bool
    }

    static func outcome(_ payload: [UInt8]) -> Outcome {
        let parsed = (try? JSONParser.parse(payload)) != nil
        var disk = SimulatedStore.disk()
        disk.plant(Frame.encode(payload), at: SimulatedStore.directory + "/snapshot.json")
        let snapshotStore = try? Store.open(SimulatedStore.directory, options: SimulatedStore.options(CrashSimFileSystem(disk: disk)))
        let openedAsSnapshot = snapshotStore.map { $0.damage == nil } ?? false
        var journalDisk = SimulatedStore.disk()
        journalDisk.plant(Frame.encode(payload), at: SimulatedStore.directory + "/journal.jsonl")
        let journalStore = try? Store.open(SimulatedStore.directory, options: SimulatedStore.options(CrashSimFileSystem(disk: journalDisk)))
        let taken = journalStore.map { $0.damage == nil && $0.lastSeq > 0 } ?? false
        return Outcome(parsed: parsed, openedAsSnapshot: openedAsSnapshot, takenAsJournalEntry: taken)
    }

    @Test("all 188 n_ files are refused: by the parser, as snapshot.json's payload and as a framed journal line")
    func mustRefuse() throws {
        let files = try Self.files("n_")
        #expect(files.count == 188)
        var accepted: [String] = []
        for (name, bytes) in files {
            let outcome = Self.outcome(bytes)
            if outcome.parsed { accepted.append("\(name) (parser)") }
            if outcome.openedAsSnapshot { accepted.append("\(name) (as snapshot.json)") }
            if outcome.takenAsJournalEntry { accepted.append("\(name) (as a journal line)") }
        }
        #expect(accepted.isEmpty, "accepted: \(accepted)")
        print("T2 n_: \(files.count) files, each refused by the parser, as snapshot.json and as a journal line; accepted \(accepted.count) times, crashed 0 times")
    }

    @Test("no y_ file crashes the parser or the store; none is taken as a snapshot or a journal entry (none is one)")
    func mustNotCrash() throws {
        let files = try Self.files("y_")
        #expect(files.count == 95)
        var parsed = 0
        var refusedByStrictRules: [String] = []
        for (name, bytes) in files {
            let outcome = Self.outcome(bytes)
            if outcome.parsed { parsed += 1 } else { refusedByStrictRules.append(name) }
            #expect(!outcome.openedAsSnapshot && !outcome.takenAsJournalEntry, "\(name) was taken as store data")
        }
        #expect(refusedByStrictRules == Self.strictRefusals, "the y_ files the strict store parser refuses changed: \(refusedByStrictRules)")
        print("T2 y_: \(files.count) files, \(parsed) parsed, \(refusedByStrictRules.count) refused by the store's strict rules (\(refusedByStrictRules.joined(separator: ", "))), crashed 0 times")
    }

    @Test("the parser's choice on every i_ file is the recorded one")
    func implementationDefined() throws {
        let files = try Self.files("i_")
        var decisions: [String: Bool] = [:]
        for (name, bytes) in files { decisions[name] = Self.outcome(bytes).parsed }
        #expect(decisions == Self.recordedDecisions, "changed: \(decisions.filter { Self.recordedDecisions[$0.key] != $0.value }.keys.sorted()); all now: \(decisions.sorted { $0.key < $1.key })")
        print("T2 i_: \(files.count) files, \(decisions.values.filter { $0 }.count) accepted, \(decisions.values.filter { !$0 }.count) refused, as recorded")
    }

    /// Valid JSON the store's parser refuses on purpose (store.md 7.10: a duplicate key is refused,
    /// since two readers could disagree on which value counts).
    static let strictRefusals = ["y_object_duplicated_key.json", "y_object_duplicated_key_and_value.json"]

    /// The parser's answer for each implementation-defined file (true: accepted).
    static let recordedDecisions: [String: Bool] = [
        // Accepted: numbers out of a Double's range parse (the store's decoding refuses them where they matter).
        "i_number_double_huge_neg_exp.json": true,
        "i_number_huge_exp.json": true,
        "i_number_neg_int_huge_exp.json": true,
        "i_number_pos_double_huge_exp.json": true,
        "i_number_real_neg_overflow.json": true,
        "i_number_real_pos_overflow.json": true,
        "i_number_real_underflow.json": true,
        // Refused: invalid UTF-8, lone surrogates, UTF-16, a byte-order mark, integers past ±2^53, nesting past 64.
        "i_number_too_big_neg_int.json": false,
        "i_number_too_big_pos_int.json": false,
        "i_number_very_big_negative_int.json": false,
        "i_object_key_lone_2nd_surrogate.json": false,
        "i_string_1st_surrogate_but_2nd_missing.json": false,
        "i_string_1st_valid_surrogate_2nd_invalid.json": false,
        "i_string_UTF-16LE_with_BOM.json": false,
        "i_string_UTF-8_invalid_sequence.json": false,
        "i_string_UTF8_surrogate_U+D800.json": false,
        "i_string_incomplete_surrogate_and_escape_valid.json": false,
        "i_string_incomplete_surrogate_pair.json": false,
        "i_string_incomplete_surrogates_escape_valid.json": false,
        "i_string_invalid_lonely_surrogate.json": false,
        "i_string_invalid_surrogate.json": false,
        "i_string_invalid_utf-8.json": false,
        "i_string_inverted_surrogates_U+1D11E.json": false,
        "i_string_iso_latin_1.json": false,
        "i_string_lone_second_surrogate.json": false,
        "i_string_lone_utf8_continuation_byte.json": false,
        "i_string_not_in_unicode_range.json": false,
        "i_string_overlong_sequence_2_bytes.json": false,
        "i_string_overlong_sequence_6_bytes.json": false,
        "i_string_overlong_sequence_6_bytes_null.json": false,
        "i_string_truncated-utf-8.json": false,
        "i_string_utf16BE_no_BOM.json": false,
        "i_string_utf16LE_no_BOM.json": false,
        "i_structure_500_nested_arrays.json": false,
        "i_structure_UTF-8_BOM_empty_object.json": false,
    ]
}
