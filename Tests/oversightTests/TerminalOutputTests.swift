import Foundation
import OversightDomain
@testable import OversightStore
import OversightTestSupport
import Testing

/// Issue 11, item 9: no escape sequence reaches the terminal through the command line, whatever a
/// journal, a user name, a CSV file or an argument holds; CSV output never carries a formula.
@Suite("Store safety: what the command line prints is cleaned in one place")
struct TerminalOutputTests {
    let scratch = ScratchDirectory("terminal-output")
    let hostile = "\u{1B}]0;owned\u{07}\u{1B}[2J\u{9B}31m"

    /// True when text holds ESC, a C1 control (CSI 0x9B and the rest) or another C0 control but newline and tab.
    func hasControl(_ text: String) -> Bool {
        text.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n" && $0 != "\t") || (0x7F...0x9F).contains($0.value) }
    }

    func oversight(_ arguments: [String], store: String? = nil) throws -> BuiltBinary.Result {
        try BuiltBinary.run(arguments + (store.map { ["--store", $0] } ?? []), environment: ["XDG_DATA_HOME": scratch.appending("xdg")])
    }

    @Test("a user name with escape sequences (--user) is cleaned when recorded, and history prints none")
    func userName() throws {
        let store = SampleStore.create(in: scratch)
        #expect(try oversight(["note", "add", "RAA", "A note"], store: store).status == 0)
        let undone = try oversight(["undo", "--user", "mallory" + hostile], store: store)
        #expect(undone.status == 0, "\(undone.stderr)")
        let opened = try Store.open(store, options: SampleStore.options(readOnly: true))
        #expect(opened.history.last?.user == "mallory", "recorded as \(String(reflecting: opened.history.last?.user))")
        let history = try oversight(["history"], store: store)
        #expect(!hasControl(history.stdout), "history printed a control character: \(String(reflecting: history.stdout))")
    }

    @Test("a label with escape sequences in a journal line whose checksum is right never reaches the terminal")
    func craftedLabel() throws {
        let store = SampleStore.create(in: scratch)
        #expect(try oversight(["note", "add", "RAA", "A note"], store: store).status == 0)
        let journal = store + "/journal.jsonl"
        let line = try #require(String(data: FileManager.default.contents(atPath: journal)!, encoding: .utf8))
        let payload = try #require(line.range(of: #","rec":"#).map { String(line[$0.upperBound...].dropLast(2)) })
        let crafted = payload.replacingOccurrences(of: #""label":"Add note on RAA""#, with: #""label":"\u001b]0;owned\u0007\u001b[2JAdd note""#)
        #expect(crafted != payload)
        try Data(Frame.encode(Array(crafted.utf8))).write(to: URL(fileURLWithPath: journal))
        let history = try oversight(["history"], store: store)
        #expect(history.stdout.contains("Add note"), "\(history.stdout) \(history.stderr)")
        #expect(!hasControl(history.stdout + history.stderr), "history printed a control character: \(String(reflecting: history.stdout))")
    }

    @Test("error messages that quote an argument print no escape sequence (the command's own, and the argument parser's)")
    func errorMessages() throws {
        let store = SampleStore.create(in: scratch)
        let unknown = try oversight(["note", "add", "ZZ" + hostile, "text"], store: store)
        #expect(unknown.status != 0)
        #expect(unknown.stderr.contains("No organisation"), "\(unknown.stderr)")
        #expect(!hasControl(unknown.stderr), "\(String(reflecting: unknown.stderr))")
        let parser = try oversight(["history", "--limit", "x" + hostile], store: store)
        #expect(parser.status != 0)
        #expect(!hasControl(parser.stderr), "the argument parser's message: \(String(reflecting: parser.stderr))")
    }

    @Test("import metrics: an error quoting a CSV cell prints no escape sequence")
    func importError() throws {
        let store = SampleStore.create(in: scratch)
        let file = scratch.appending("values.csv")
        _ = FileManager.default.createFile(atPath: file, contents: Data("org_code,peer_group,metric_id,value\nRAA,acute,ae\(hostile),80\n".utf8))
        let result = try oversight(["import", "metrics", file, "--framework", "nof-test", "--period", "2025-26-Q3"], store: store)
        #expect(result.status != 0)
        #expect(!hasControl(result.stderr + result.stdout), "\(String(reflecting: result.stderr))")
    }

    @Test("segment's CSV output neutralises formulas (= + - @, OWASP) and carries no escape sequence; plain negative numbers stay numbers")
    func csvInjection() throws {
        let metrics = scratch.appending("METRICS.csv")
        let values = scratch.appending("VALUES.csv")
        _ = FileManager.default.createFile(atPath: metrics, contents: Data("""
        metric_id,name,domain,direction,standard,floor,weight,scoring
        "=HYPERLINK(""http://x"")",A&E,access,higher,,,1,ranked
        @SUM(A1),Sickness,people,lower,,,1,ranked
        +cmd\(hostile),Other,people,lower,,,1,ranked

        """.utf8))
        var rows = "org_code,peer_group,metric_id,value\n"
        for n in 1...4 {
            rows += "R0\(n),acute,\"=HYPERLINK(\"\"http://x\"\")\",\(70 + n)\nR0\(n),acute,@SUM(A1),-\(n).5\nR0\(n),acute,+cmd\(hostile),\(n)\n"
        }
        _ = FileManager.default.createFile(atPath: values, contents: Data(rows.utf8))
        let result = try oversight(["segment", "--metrics", metrics, "--values", values, "--format", "csv", "--detail"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!hasControl(result.stdout), "\(String(reflecting: result.stdout))")
        for line in result.stdout.split(separator: "\n") {
            for field in CSVFields.split(String(line)) {
                let starts = field.first.map { "=+-@".contains($0) } ?? false
                let plainNumber = field.range(of: #"^-?[0-9]+(\.[0-9]+)?$"#, options: .regularExpression) != nil
                #expect(!starts || plainNumber, "a CSV field starts a formula: \(field) in \(line)")
            }
        }
        #expect(result.stdout.contains(",-1.5,"), "a negative value stays a number: \(result.stdout)")
        #expect(result.stdout.contains("'=HYPERLINK"), "the formula is kept as text, neutralised: \(result.stdout)")
    }
}

/// Splits one CSV line into its fields (quoted fields with doubled quotes), for checking output.
enum CSVFields {
    static func split(_ line: String) -> [String] {
        var fields: [String] = []
        var field = ""
        var quoted = false
        var iterator = Array(line).makeIterator()
        var pending: Character? = nil
        while let character = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if character == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" { field.append("\"") } else { quoted = false; pending = next }
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(character)
                }
            } else if character == "\"" && field.isEmpty {
                quoted = true
            } else if character == "," {
                fields.append(field)
                field = ""
            } else {
                field.append(character)
            }
        }
        fields.append(field)
        return fields
    }
}
