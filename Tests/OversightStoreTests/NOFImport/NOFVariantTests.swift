import Foundation
import OversightDomain
@testable import OversightStore
import OversightTestSupport
import Testing

/// The same figures written differently, as a user's copy of a file may be: the BOM stripped, LF line
/// ends, the `Quarter` column removed or added, columns reordered. Each must load exactly the same
/// scorecards as the file as published, apart from the release id (its bytes differ, so its sha256 does).
@Suite("NOF import: equivalent files load the same figures", .needsPublishedFiles)
struct NOFVariantTests {
    let scratch = ScratchDirectory("nof-variants")

    static let acute: [Scorecard] = NOFFixtures.normalised(try! NOFFixtures.plan([try! NOFFixtures.file(PublishedFiles.acuteQ1)]))

    func acuteVariant(_ folder: String, _ change: (inout [UInt8]) throws -> Void) throws -> [Scorecard] {
        let file = try NOFFixtures.variant(PublishedFiles.acuteQ1, in: scratch, folder: folder, change)
        let plan = try NOFFixtures.plan([file])
        #expect(plan.batch.releases[0].sha256 != "e7d3d45fa7ddef859d6a548fe4652e7f8e1cfe4d5c1adc92afd97fd5237b656a", "the variant is other bytes")
        return NOFFixtures.normalised(plan)
    }

    @Test("without the byte-order mark")
    func noBOM() throws {
        let cards = try acuteVariant("no-bom") { $0.removeFirst(3) }
        #expect(cards == Self.acute)
    }

    @Test("with LF line ends instead of CRLF")
    func lineFeeds() throws {
        let cards = try acuteVariant("lf") { bytes in bytes = Array(String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n").utf8) }
        #expect(cards == Self.acute)
    }

    @Test("with the columns in reverse order")
    func reordered() throws {
        let cards = try acuteVariant("reordered") { try NOFFixtures.editTable(&$0) { $0.reverseColumns() } }
        #expect(cards == Self.acute)
    }

    @Test("with a Quarter column added, as later releases have it")
    func quarterAdded() throws {
        let cards = try acuteVariant("quarter-added") { try NOFFixtures.editTable(&$0) { $0.insertFirstColumn("Quarter", value: "Q1 2025/26") } }
        #expect(cards == Self.acute)
    }

    @Test("one quarter of the cumulative file, with its Quarter column and without: the same; the quarter read from the summary rows")
    func quarterRemoved() throws {
        func q4(_ table: inout NOFFixtures.Table) {
            let quarter = table.column("Quarter")!
            table.filterRows { $0[quarter] == "Q4 2025/26" }
        }
        let with = try NOFFixtures.variant(PublishedFiles.mentalHealthQ1toQ4, in: scratch, folder: "q4") { try NOFFixtures.editTable(&$0, q4) }
        let without = try NOFFixtures.variant(PublishedFiles.mentalHealthQ1toQ4, in: scratch, folder: "q4-no-quarter") {
            try NOFFixtures.editTable(&$0) { table in
                q4(&table)
                table.removeColumn("Quarter")
            }
        }
        let withPlan = try NOFFixtures.plan([with])
        let withoutPlan = try NOFFixtures.plan([without])
        #expect(withPlan.batch.scorecards.count == 61)
        #expect(withoutPlan.batch.releases[0].quarters == [.quarter(2025, 4)])
        #expect(NOFFixtures.normalised(withoutPlan) == NOFFixtures.normalised(withPlan))
    }

    @Test("every drift at once (no BOM, LF, columns reversed) on the cumulative file: the same figures, quarter by quarter")
    func everythingAtOnce() throws {
        let original = try NOFFixtures.plan([try NOFFixtures.file(PublishedFiles.mentalHealthQ1toQ4)])
        let variant = try NOFFixtures.variant(PublishedFiles.mentalHealthQ1toQ4, in: scratch, folder: "all") { bytes in
            try NOFFixtures.editTable(&bytes) { table in
                table.bom = false
                table.lineEnd = "\n"
                table.reverseColumns()
            }
        }
        let plan = try NOFFixtures.plan([variant])
        #expect(NOFFixtures.normalised(plan) == NOFFixtures.normalised(original))
        #expect(plan.batch.organisations == original.batch.organisations)
    }

    @Test("old labels (North East, Non-acute hospital trust) read like the new, and % like percent")
    func oldLabels() throws {
        let original = try NOFFixtures.plan([try NOFFixtures.file(PublishedFiles.mentalHealthQ1toQ4)])
        let variant = try NOFFixtures.variant(PublishedFiles.mentalHealthQ1toQ4, in: scratch, folder: "old-labels") { bytes in
            try NOFFixtures.editTable(&bytes) { table in
                for row in table.records.indices.dropFirst() {
                    table.set(row: row, column: "Trust_type", to: "Non-acute hospital trust")
                    if table.value(row: row, column: "Region") == "North East and Yorkshire" { table.set(row: row, column: "Region", to: "North East") }
                    if table.value(row: row, column: "Units") == "%" { table.set(row: row, column: "Units", to: "percent") }
                }
            }
        }
        let plan = try NOFFixtures.plan([variant])
        #expect(plan.batch.releases[0].trustTypes == ["Non-acute hospital trust"])
        #expect(plan.added.map(\.region) == original.added.map(\.region), "North East is the North East and Yorkshire region, Y63")
        #expect(plan.batch.organisations.map(\.type) == original.batch.organisations.map(\.type))
        #expect(plan.batch.scorecards.map(\.values) == original.batch.scorecards.map(\.values))
    }
}

/// Where the quarter of a file comes from when it has no `Quarter` column.
@Suite("NOF import: the quarter of a file", .needsPublishedFiles)
struct NOFQuarterTests {
    let scratch = ScratchDirectory("nof-quarter")

    @Test("the cumulative file without its Quarter column cannot be split by quarter: a clear error naming them")
    func cumulativeWithoutQuarter() throws {
        let file = try NOFFixtures.variant(PublishedFiles.mentalHealthQ1toQ4, in: scratch, folder: "x") {
            try NOFFixtures.editTable(&$0) { $0.removeColumn("Quarter") }
        }
        let error = try #require(NOFFixtures.failure([file]))
        #expect(error.file == file.path)
        #expect(error.message.contains("no Quarter column"))
        #expect(error.message.contains("4 quarters"))
    }

    @Test("summary rows that name no quarter: --quarter gives it; without it, an error saying to give it")
    func quarterGiven() throws {
        let file = try NOFFixtures.variant(PublishedFiles.acuteQ1, in: scratch, folder: "blank-dates") {
            try NOFFixtures.editTable(&$0) { table in
                let id = table.column("Metric_ID")!
                for row in table.records.indices.dropFirst() where table.records[row][id].hasPrefix("OF4") || table.records[row][id].hasPrefix("OF5") {
                    table.set(row: row, column: "Reporting_date", to: "")
                }
            }
        }
        let error = try #require(NOFFixtures.failure([file]))
        #expect(error.message.contains("--quarter"))
        let plan = try NOFFixtures.plan([file], quarter: .quarter(2025, 1))
        #expect(plan.batch.releases[0].quarters == [.quarter(2025, 1)])
        #expect(plan.batch.scorecards.count == 134)
    }

    @Test("a --quarter that contradicts the file's summary rows is refused; one the file does not need is noted")
    func quarterContradicted() throws {
        let acute = try NOFFixtures.file(PublishedFiles.acuteQ1)
        let error = try #require(NOFFixtures.failure([acute], quarter: .quarter(2025, 2)))
        #expect(error.message.contains("--quarter says 2025/26 Q2"))
        let plan = try NOFFixtures.plan([try NOFFixtures.file(PublishedFiles.mentalHealthLeagueQ4)], quarter: .quarter(2025, 2))
        #expect(plan.batch.releases[0].quarters == [.quarter(2025, 4)])
        #expect(plan.notes.count == 1)
    }

    @Test("quarters in every spelling the files use")
    func spellings() {
        for text in ["Q1 2025/26", "Q1 2025-26", "Q1 25/26", "2025/26 Q1", "2025-26-Q1", "Quarter 1 2025/26", "q1 2025/26"] {
            #expect(NOFQuarter.parse(text) == .quarter(2025, 1), "\(text)")
        }
        #expect(NOFQuarter.parse("Q4 2024-25") == .quarter(2024, 4))
        for text in ["Jun-25", "2025/26", "Q5 2025/26", "Q1 2025/27", "Month 3 2025", "", "Q1 Q2 2025/26"] {
            #expect(NOFQuarter.parse(text) == nil, "\(text)")
        }
    }
}
