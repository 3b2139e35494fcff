import Foundation
import OversightDomain
@testable import OversightStore
import OversightTestSupport
import Testing

/// A large snapshot's scorecards are parsed and decoded a piece at a time, straight from the bytes
/// (`SnapshotDecoding.streamed`): the same data as one pass when the file is whole, and nothing at
/// all (so the one pass runs and says what is wrong) when any byte is off.
@Suite("Snapshot read in pieces from its bytes")
struct StreamedSnapshotTests {
    static func payload(pretty: Bool, note: String? = nil) throws -> ([UInt8], Dataset) {
        var dataset = ScaledDataset.make(organisations: 60, quarters: 8)
        if let note { dataset.scorecards[5].provenance.note = note }
        let bytes = try SnapshotCodec.encoder(pretty: pretty).encode(SnapshotPayload(seq: 4, data: dataset))
        return (Array(bytes), dataset)
    }

    private func onePass(_ bytes: [UInt8]) throws -> StoredSnapshot {
        try JSONValueDecoder().decode(StoredSnapshot.self, from: try JSONParser.parse(bytes))
    }

    @Test("a whole snapshot, compact or pretty, reads as one pass reads it, in file order")
    func sameAsOnePass() throws {
        for pretty in [false, true] {
            let (bytes, dataset) = try Self.payload(pretty: pretty)
            let streamed = try #require(SnapshotDecoding.streamed(bytes[...]))
            let whole = try onePass(bytes)
            #expect(streamed.value.data == whole.data)
            #expect(streamed.value.data.scorecards.map(\.id) == dataset.scorecards.map(\.id))
            #expect(streamed.value.seq == 4 && streamed.unknownFields.isEmpty)
        }
    }

    @Test("brackets, quotes and backslashes inside strings do not move the pieces")
    func stringsHoldingBrackets() throws {
        let (bytes, dataset) = try Self.payload(pretty: false, note: #"he wrote "]}, {[" and \ then \""#)
        let streamed = try #require(SnapshotDecoding.streamed(bytes[...]))
        #expect(streamed.value.data.scorecards.map(\.id) == dataset.scorecards.map(\.id))
        #expect(streamed.value.data == (try onePass(bytes)).data)
    }

    /// The compact payload with `old` (which must occur) replaced once by `new`.
    private func damaged(_ old: String, _ new: String, last: Bool = false) throws -> [UInt8] {
        let text = String(decoding: try Self.payload(pretty: false).0, as: UTF8.self)
        let range = try #require(last ? text.range(of: old, options: .backwards) : text.range(of: old))
        return Array(text.replacingCharacters(in: range, with: new).utf8)
    }

    @Test("damage anywhere sends the snapshot to the one pass, which names it")
    func damageFallsBack() throws {
        let cases: [(String, [UInt8])] = [
            ("a second scorecards key", try damaged(#""scorecards":["#, #""scorecards":[],"scorecards":["#)),
            ("a trailing comma after the last scorecard", try damaged("}]},\"history\"", "},]},\"history\"", last: true)),
            ("a scorecard of the wrong shape", try damaged(#"{"framework""#, #"{"org":1},{"framework""#)),
            ("a bare word between scorecards", try damaged(#"},{"framework""#, #"} x {"framework""#)),
            ("an unknown field in a scorecard", try damaged(#"{"framework""#, #"{"extra":true,"framework""#)),
        ]
        for (what, bytes) in cases {
            #expect(SnapshotDecoding.streamed(bytes[...]) == nil, "\(what) was read in pieces")
            let oneRead = Result { try PayloadCoding.decodeStoredSnapshot(bytes[...]) }
            switch oneRead {
            case .success(let decoded): #expect(!decoded.unknownFields.isEmpty, "\(what) was accepted")
            case .failure: break
            }
        }
    }

    @Test("the outline finds members and elements, and gives up on what is not JSON's shape")
    func outline() {
        func elements(_ text: String) -> [String]? {
            let bytes = Array(text.utf8)
            return bytes.withUnsafeBufferPointer { buffer in
                JSONOutline(buffer).elements(ofArrayAt: 0).map { $0.elements.map { String(decoding: buffer[$0], as: UTF8.self) } }
            }
        }
        #expect(elements(#"[1, "a]\"", {"b":[2]} , [] ,null]"#) == ["1", #""a]\"""#, #"{"b":[2]}"#, "[]", "null"])
        #expect(elements("[]") == [])
        #expect(elements("[1,]") == nil)
        #expect(elements("[1 2]") == nil)
        #expect(elements("[1,,2]") == nil)
        #expect(elements(#"[{"a":1]"#) == nil)
        let document = Array(#"{"x":{"data":1},"d\u0061ta":2,"data":{"scorecards":[3]}}"#.utf8)
        let found = document.withUnsafeBufferPointer { buffer -> String? in
            let outline = JSONOutline(buffer)
            guard let start = outline.start(of: ["data", "scorecards"]), let (_, end) = outline.elements(ofArrayAt: start) else { return nil }
            return String(decoding: buffer[start..<end], as: UTF8.self)
        }
        #expect(found == "[3]")
        // Escaped quotes inside a string: an odd run of backslashes escapes the quote, an even run does not.
        #expect(elements(#"["a\\", "b\\\"]", "c"]"#) == [#""a\\""#, #""b\\\"]""#, #""c""#])
    }
}
