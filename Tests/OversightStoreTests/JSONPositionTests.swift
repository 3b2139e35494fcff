import OversightDomain
import Testing
@testable import OversightStore

/// Line:column count characters, not bytes, and shift correctly from a payload to its file.
@Suite("JSON positions")
struct JSONPositionTests {
    @Test("columns after £, é and 国 count characters, not bytes")
    func multiByteColumns() {
        // Bytes before the trailing comma: 19; characters: 14.
        #expect(located(syntaxError(#"["£", "é", "国", ]"#)) == "1:15: trailing comma before ]; remove the comma after the last element")
        #expect(located(syntaxError("{\"名前\": \"国\",\n \"é\": tru}")) == #"2:7: unexpected word "tru"; expected a value (a string needs double quotes)"#)
        #expect(syntaxError(#"["😀", x]"#)?.column == 7)
    }

    @Test("a line table gives the same positions as a scan, on every line")
    func lineTable() {
        let text = "£1\né2\n\n国国x"
        let lines = LineTable(text)
        #expect(lines.lineCount == 4)
        #expect(lines.position(of: 0) == TextPosition(line: 1, column: 1))
        #expect(lines.position(of: 2) == TextPosition(line: 1, column: 2))
        #expect(lines.position(of: 4) == TextPosition(line: 2, column: 1))
        #expect(lines.position(of: 6) == TextPosition(line: 2, column: 2))
        #expect(lines.position(of: 8) == TextPosition(line: 3, column: 1))
        #expect(lines.position(of: 9) == TextPosition(line: 4, column: 1))
        #expect(lines.position(of: 15) == TextPosition(line: 4, column: 3))
        #expect(lines.position(of: 999) == TextPosition(line: 4, column: 4))
        let bytes = Array(text.utf8)
        bytes.withUnsafeBufferPointer { buffer in
            for offset in 0...bytes.count {
                #expect(lines.position(of: offset) == TextPosition.of(offset, in: buffer), "offset \(offset)")
            }
        }
    }

    @Test("a syntax error in a framed payload is placed in the file and under the path prefix")
    func syntaxErrorInFrame() throws {
        let payload = Array("{\n  \"seq\": 1,\n  \"data\": [1,]\n}".utf8)
        let file = Frame.encode(payload)
        let range = try Frame.payloadRange(in: file.dropLast()[...])
        let error = try #require(syntaxError(bytes: Array(file[range])))
        #expect(error.line == 3 && error.column == 13)
        let problem = StoreProblem(error, file: "snapshot.json", lines: LineTable(file), payloadOffset: range.lowerBound,
                                   pathPrefix: DataPath([.key("rec")]))
        #expect(problem.description == "snapshot.json:3:13: $.rec.data: trailing comma before ]; remove the comma after the last element")
    }

    @Test("a payload on the frame's first line has its columns shifted by the frame prefix")
    func firstLineShift() throws {
        let payload = Array(#"{"a":1,"a":2}"#.utf8)
        let file = Frame.encode(payload)
        let range = try Frame.payloadRange(in: file.dropLast()[...])
        let error = try #require(syntaxError(bytes: Array(file[range])))
        #expect(error.column == 8)
        let problem = StoreProblem(error, file: "journal.jsonl", lines: LineTable(file), payloadOffset: range.lowerBound)
        let prefix = range.lowerBound
        #expect(problem.line == 1 && problem.column == prefix + 8)
        #expect(problem.message == #"duplicate key "a" (its first appearance is at line 1, column \#(prefix + 2)); keep only one"#)
    }

    @Test("a decoding problem in a payload slice is placed in the file")
    func decodingProblemInFrame() throws {
        struct Entry: Decodable { var seq: Int }
        let file = Frame.encode(Array("{\n  \"seq\": \"one\"\n}".utf8))
        let range = try Frame.payloadRange(in: file.dropLast()[...])
        let value = try JSONParser.parse(file[range])
        let failure = try #require(throws: JSONDecodingFailure.self) { try JSONValueDecoder().decode(Entry.self, from: value) }
        let problems = failure.problems.map {
            StoreProblem($0, file: "journal.jsonl", lines: LineTable(file), payloadOffset: range.lowerBound, pathPrefix: DataPath([.key("rec")]))
        }
        #expect(problems.map(\.description) == [#"journal.jsonl:2:10: $.rec.seq: expected a whole number, found the string "one""#])
    }
}
