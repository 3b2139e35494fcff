@testable import OversightStore
import Testing

/// The RFC 4180 reader under NHS England's files: what it must read (quoted commas, doubled quotes,
/// line ends of every kind, a byte-order mark) and what it must refuse, at the right line.
@Suite("CSV records")
struct CSVRecordsTests {
    func read(_ text: String) throws(CSVRecords.Problem) -> [CSVRecords.Record] { try CSVRecords.read(Array(text.utf8)) }

    @Test("quoted names with commas and doubled quotes, under CRLF, LF and CR alike")
    func quotingAndLineEnds() throws {
        for end in ["\r\n", "\n", "\r"] {
            let text = ["a,b,c", #"1,"Tees, Esk and Wear Valleys",3"#, #"4,"say ""hi""",6"#, ""].joined(separator: end)
            let records = try read(text)
            #expect(records.map(\.fields) == [["a", "b", "c"], ["1", "Tees, Esk and Wear Valleys", "3"], ["4", #"say "hi""#, "6"]])
            #expect(records.map(\.line) == [1, 2, 3])
        }
    }

    @Test("a byte-order mark is skipped; blank lines and rows of bare commas are left out but still counted")
    func bomAndBlankLines() throws {
        let records = try CSVRecords.read([0xEF, 0xBB, 0xBF] + Array("h1,h2\r\n\r\nx,y\r\n,\r\nz,w".utf8))
        #expect(records.map(\.fields) == [["h1", "h2"], ["x", "y"], ["z", "w"]])
        #expect(records.map(\.line) == [1, 3, 5])
    }

    @Test("a line end inside quotes is part of the field, and the lines after it are numbered on")
    func newlineInsideQuotes() throws {
        let records = try read("a,b\n\"two\r\nlines\",x\nlast,row\n")
        #expect(records[1].fields == ["two\r\nlines", "x"])
        #expect(records.map(\.line) == [1, 2, 4])
    }

    @Test("empty fields, leading and trailing, are fields")
    func emptyFields() throws {
        #expect(try read(",a,\n").map(\.fields) == [["", "a", ""]])
        #expect(try read("a,\"\"").map(\.fields) == [["a", ""]])
    }

    @Test("an unclosed quote is reported at the line it opened, as a file cut short")
    func unclosedQuote() {
        #expect { try read("a,b\nc,\"unfinished\nmore") } throws: { error in
            let problem = error as! CSVRecords.Problem
            return problem.line == 2 && problem.message.contains("never closed")
        }
    }

    @Test("a quote inside an unquoted field, and text after a closing quote, are refused at their line")
    func strayQuotes() {
        #expect { try read("a,b\nc,d\"e\n") } throws: { ($0 as! CSVRecords.Problem).line == 2 }
        #expect { try read("a,b\nc,\"d\"e\n") } throws: { ($0 as! CSVRecords.Problem).message.contains("follows a closing quote") }
    }

    @Test("bytes that are not UTF-8 (a file re-saved as Windows-1252) are refused at their line")
    func notUTF8() {
        let bytes = Array("a,b\nc,d\ne,".utf8) + [0xE9] + Array("t\n".utf8)
        #expect { try CSVRecords.read(bytes) } throws: { error in
            let problem = error as! CSVRecords.Problem
            return problem.line == 3 && problem.message.contains("not UTF-8")
        }
        #expect(UTF8Check.firstInvalidByte(Array("Ünïcödé – ✓ 😀".utf8)) == nil)
        #expect(UTF8Check.firstInvalidByte([0xC0, 0x80]) == 0, "an overlong form")
        #expect(UTF8Check.firstInvalidByte([0x41, 0xED, 0xA0, 0x80]) == 1, "a surrogate")
        #expect(UTF8Check.firstInvalidByte([0x41, 0xE2, 0x82]) == 1, "cut short")
    }
}
