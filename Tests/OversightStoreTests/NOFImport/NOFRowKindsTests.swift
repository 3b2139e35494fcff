import Foundation
import OversightDomain
@testable import OversightStore
import OversightTestSupport
import Testing

/// Rows that read as something other than a plain value: an id the framework does not define, a count
/// beside a rate for the same infection metric, a blank value.
@Suite("NOF import: rows of every kind", .needsPublishedFiles)
struct NOFRowKindsTests {
    let scratch = ScratchDirectory("nof-rows")

    /// The acute file with rows changed or added for one trust.
    func acute(_ folder: String, _ change: (inout NOFFixtures.Table) -> Void) throws -> (NOFFile, NOFImportPlan) {
        let file = try NOFFixtures.variant(PublishedFiles.acuteQ1, in: scratch, folder: folder) { try NOFFixtures.editTable(&$0, change) }
        return (file, try NOFFixtures.plan([file]))
    }

    func row(_ table: NOFFixtures.Table, _ code: String, _ metric: String) -> Int {
        table.records.indices.dropFirst().first { table.value(row: $0, column: "Trust_code") == code && table.value(row: $0, column: "Metric_ID") == metric }!
    }

    func card(_ plan: NOFImportPlan, _ code: OrgCode) throws -> Scorecard {
        try #require(plan.batch.scorecards.first { $0.org == code })
    }

    @Test("a Metric_ID the framework does not define is kept with the trust's rows and reported, not scored")
    func unknownMetric() throws {
        let (file, plan) = try acute("unknown") { table in
            var extra = table.records[row(table, "RM3", "OF0003")]
            extra[table.column("Metric_ID")!] = "OF0999"
            table.records.append(extra)
        }
        #expect(plan.unknownRows.count == 1)
        let unknown = try #require(plan.unknownRows.first)
        #expect((unknown.path, unknown.metric, unknown.rows, unknown.firstLine) == (file.path, "OF0999", 1, 7_267))
        let rm3 = try card(plan, "RM3")
        #expect(rm3.published?.rows["OF0999"]?.value == 3.69)
        #expect(rm3.values["OF0999"] == nil)
        #expect(try plan.edit.change(against: NOFFixtures.bundled).records.isEmpty == false, "the domain accepts it")
    }

    @Test("a rate row beside a count row for E. coli: both kept, the rate scored; with the rate blank, the count")
    func countBesideRate() throws {
        let (_, plan) = try acute("count-and-rate") { table in
            var rate = table.records[row(table, "RAN", "OF0048")]
            rate[table.column("Units")!] = "rate"
            rate[table.column("Value")!] = "1.2"
            table.records.append(rate)
            var blank = table.records[row(table, "RRJ", "OF0088")]
            blank[table.column("Units")!] = "rate"
            blank[table.column("Value")!] = ""
            table.records.insert(blank, at: 5)
        }
        let ran = try card(plan, "RAN")
        #expect(ran.published?.rows["OF0048"]?.unit == "rate")
        #expect(ran.published?.rows["OF0048-count"]?.value == 2)
        #expect(ran.values["OF0048"] == .number(1.2))
        let rrj = try card(plan, "RRJ")
        #expect(rrj.published?.rows["OF0088"]?.value == nil && rrj.published?.rows["OF0088-count"]?.value == 1)
        #expect(rrj.values["OF0088"] == .count(1))
        #expect(plan.unknownRows.isEmpty, "a count kept beside its rate is not an unknown row")
    }

    @Test("a second rate row is still a duplicate")
    func twoRates() throws {
        let file = try NOFFixtures.variant(PublishedFiles.acuteQ1, in: scratch, folder: "two-rates") { bytes in
            try NOFFixtures.editTable(&bytes) { table in table.records.append(table.records[row(table, "RM3", "OF0048")]) }
        }
        #expect(NOFFixtures.failure([file])?.message.contains("a second row for RM3 OF0048") == true)
    }

    @Test("a blank Value is a missing value; a score-only metric's score of 0 is missing too")
    func blanks() throws {
        let (_, plan) = try acute("blanks") { table in
            table.set(row: row(table, "RM3", "OF0003"), column: "Value", to: "")
            table.set(row: row(table, "RM3", "OF1046"), column: "Value", to: "0.0")
        }
        let rm3 = try card(plan, "RM3")
        #expect(rm3.published?.rows["OF0003"]?.value == nil)
        #expect(rm3.values["OF0003"] == .missing)
        #expect(rm3.values["OF1046"] == .missing)
        #expect(rm3.published?.rows["OF1046"]?.value == 0, "the published row keeps its 0")
    }
}
