import Foundation
import OversightDomain
@testable import OversightStore
import OversightTestSupport
import Testing

/// Files that cannot be read as NHS England published them: each stops the import with the file, the line
/// and what is wrong, and builds nothing (the store-level and command-line suites check nothing is saved).
@Suite("NOF import: broken files are refused at file:line", .needsPublishedFiles)
struct NOFBrokenFileTests {
    let scratch = ScratchDirectory("nof-broken")

    func broken(_ folder: String, file name: String = PublishedFiles.acuteQ1, _ change: (inout NOFFixtures.Table) throws -> Void) throws -> (NOFFile, NOFImportError) {
        let file = try NOFFixtures.variant(name, in: scratch, folder: folder) { try NOFFixtures.editTable(&$0, change) }
        let error = try #require(NOFFixtures.failure([file]), "\(folder) was imported")
        #expect(error.file == file.path)
        #expect(error.description.hasPrefix(file.path + (error.line.map { ":\($0): " } ?? ": ")))
        return (file, error)
    }

    @Test("a file cut short in the middle of a line: its last line has too few fields")
    func truncated() throws {
        let file = try NOFFixtures.variant(PublishedFiles.acuteQ1, in: scratch, folder: "truncated") { bytes in
            let lines = String(decoding: bytes, as: UTF8.self).components(separatedBy: "\r\n")
            let cut = lines[3000].split(separator: ",", maxSplits: 3, omittingEmptySubsequences: false).prefix(3).joined(separator: ",") + ","
            bytes = Array((lines.prefix(3000) + [cut]).joined(separator: "\r\n").utf8)
        }
        let error = try #require(NOFFixtures.failure([file]))
        #expect(error.line == 3001)
        #expect(error.message.contains("4 fields where the header has 16"))
        #expect(error.message.contains("cut short"))
    }

    @Test("a file cut short inside a quoted name: the quote is never closed")
    func truncatedInQuotes() throws {
        let file = try NOFFixtures.variant(PublishedFiles.acuteQ1, in: scratch, folder: "truncated-quote") { bytes in
            let text = String(decoding: bytes, as: UTF8.self)
            let start = text.range(of: "\"Barking, Havering")!.upperBound
            bytes = Array(text[..<start].utf8)
        }
        let error = try #require(NOFFixtures.failure([file]))
        #expect(error.message.contains("never closed"))
        #expect(error.line != nil)
    }

    @Test("a bad number on line 1235: Value, Median_value and Rank each named with the trust and metric")
    func badNumber() throws {
        let (_, value) = try broken("value") { $0.set(row: 1234, column: "Value", to: "4.0x") }
        #expect(value.line == 1235)
        #expect(value.message.contains("Value “4.0x”"))
        #expect(value.message.contains("is not a number"))
        let (_, median) = try broken("median") { $0.set(row: 20, column: "Median_value", to: "1,5") }
        #expect(median.line == 21 && median.message.contains("Median_value “1,5”"))
        let (_, rank) = try broken("rank") { $0.set(row: 7000, column: "Rank", to: "4.5") }
        #expect(rank.line == 7001 && rank.message.contains("Rank “4.5”"))
        let (_, zero) = try broken("rank-zero") { $0.set(row: 7000, column: "Rank", to: "0") }
        #expect(zero.line == 7001)
        let (_, nan) = try broken("nan") { $0.set(row: 2, column: "Value", to: "NaN") }
        #expect(nan.line == 3)
    }

    @Test("a missing column is named at the header, with the header the file should have")
    func missingColumn() throws {
        let (_, error) = try broken("no-value") { $0.removeColumn("Value") }
        #expect(error.line == 1)
        #expect(error.message.contains("lacks Value"))
        #expect(error.message.contains("Metric_ID,Metric_description,Reporting_date,Units,Value"))
        let (_, league) = try broken("league-no-rank", file: PublishedFiles.mentalHealthLeagueQ4) { $0.removeColumn("Rank") }
        #expect(league.message.contains("league table lacks Rank"))
    }

    @Test("a row with a field too few or too many (an unquoted comma) is refused at its line")
    func wrongWidth() throws {
        let (_, short) = try broken("short-row") { $0.records[500].removeLast() }
        #expect(short.line == 501 && short.message.contains("15 fields where the header has 16"))
        let (_, long) = try broken("long-row") { $0.records[600].append("extra") }
        #expect(long.line == 601 && long.message.contains("17 fields"))
    }

    @Test("a malformed trust code, a blank Metric_ID, an unknown trust type, a bad Quarter")
    func badCells() throws {
        let (_, code) = try broken("code") { $0.set(row: 10, column: "Trust_code", to: "R0") }
        #expect(code.line == 11 && code.message.contains("Trust_code “R0” is not an ODS trust code"))
        let (_, metric) = try broken("metric") { $0.set(row: 11, column: "Metric_ID", to: " ") }
        #expect(metric.line == 12 && metric.message.contains("Metric_ID"))
        let (_, type) = try broken("type") { $0.set(row: 12, column: "Trust_type", to: "Hospice") }
        #expect(type.line == 13 && type.message.contains("Trust_type “Hospice”"))
        let (_, quarter) = try broken("quarter", file: PublishedFiles.mentalHealthQ1toQ4) { $0.set(row: 13, column: "Quarter", to: "Q5 2025/26") }
        #expect(quarter.line == 14 && quarter.message.contains("Quarter “Q5 2025/26”"))
        let (_, deficit) = try broken("deficit", file: PublishedFiles.mentalHealthLeagueQ4) { $0.set(row: 3, column: "Trust_in_financial_deficit", to: "Maybe") }
        #expect(deficit.line == 4 && deficit.message.contains("not Yes or No"))
    }

    @Test("a duplicate row for the same trust, quarter and metric names both lines")
    func duplicateRow() throws {
        let (_, error) = try broken("duplicate") { $0.records.insert($0.records[100], at: 4000) }
        #expect(error.line == 4001)
        #expect(error.message.contains("a second row for"))
        #expect(error.message.contains("the first is on line 101"))
        let (_, league) = try broken("league-duplicate", file: PublishedFiles.mentalHealthLeagueQ4) { $0.records.append($0.records[5]) }
        #expect(league.line == 63 && league.message.contains("the first is on line 6"))
    }

    @Test("a trust whose name or subtype changes within one quarter")
    func inconsistentTrust() throws {
        let (_, error) = try broken("renamed") { table in
            let code = table.value(row: 1, column: "Trust_code")
            let later = table.records.indices.dropFirst(2).first { table.records[$0][table.column("Trust_code")!] == code }!
            table.set(row: later, column: "Trust_name", to: "Someone Else NHS Trust")
        }
        #expect(error.message.contains("Trust_name is “Someone Else NHS Trust” here but"))
        #expect(error.message.contains("on line 2"))
    }

    @Test("files that are not NOF files: the derived catalogue beside them, a spreadsheet, an empty file, a header alone")
    func notNOFFiles() throws {
        let catalogue = NOFFile(path: PublishedFiles.path("metric_catalogue_derived.csv"), bytes: try PublishedFiles.bytes("metric_catalogue_derived.csv"))
        let error = try #require(NOFFixtures.failure([catalogue]))
        #expect(error.line == 1 && error.message.contains("not a NOF data file or league table"))
        #expect(NOFFixtures.failure([NOFFile(path: "a.xlsx", bytes: [0x50, 0x4B, 0x03, 0x04, 0, 0])])?.message.contains("spreadsheet") == true)
        #expect(NOFFixtures.failure([NOFFile(path: "empty.csv", bytes: [])])?.message.contains("empty") == true)
        let header = Array("Region,Trust_type,Trust_subtype,Trust_code,Trust_name,Domain,Sub-domain,Metric_ID,Metric_description,Reporting_date,Units,Value,Median_value,Lower_quartile,Upper_quartile,Rank\r\n".utf8)
        #expect(NOFFixtures.failure([NOFFile(path: "header.csv", bytes: header)])?.message.contains("no rows") == true)
    }

    @Test("the same file named twice, and two files giving the same trust-quarter, are refused before anything is built")
    func overlaps() throws {
        let cumulative = try NOFFixtures.file(PublishedFiles.mentalHealthQ1toQ4)
        let twice = try #require(NOFFixtures.failure([cumulative, NOFFile(path: "copy.csv", bytes: cumulative.bytes)]))
        #expect(twice.message.contains("same contents as"))
        let q4 = try NOFFixtures.variant(PublishedFiles.mentalHealthQ1toQ4, in: scratch, folder: "q4") { bytes in
            try NOFFixtures.editTable(&bytes) { table in
                let quarter = table.column("Quarter")!
                table.filterRows { $0[quarter] == "Q4 2025/26" }
            }
        }
        let overlap = try #require(NOFFixtures.failure([cumulative, q4]))
        #expect(overlap.file == q4.path)
        #expect(overlap.message.contains("both hold 2025/26 Q4 figures"))
    }

    @Test("a file for a quarter no NOF framework in the store covers")
    func noFramework() throws {
        let (_, error) = try broken("2024", file: PublishedFiles.mentalHealthLeagueQ4) { table in
            for row in table.records.indices.dropFirst() { table.set(row: row, column: "Quarter", to: "Q4 2024/25") }
        }
        #expect(error.message.contains("no NHS Oversight Framework in force in 2024/25 Q4"))
    }
}
