import OversightDomain
@testable import OversightStore
import OversightTestSupport
import Testing

/// Every file NHS England published that the shared folder holds, imported together into the bundled
/// store's register: what each release records, and facts the press and the trusts reported independently.
@Suite("NOF import: NHS England's published files", .needsPublishedFiles)
struct NOFPublishedFilesTests {
    static let plan: NOFImportPlan = try! NOFFixtures.plan(PublishedFiles.all.map { try NOFFixtures.file($0) })

    func card(_ code: OrgCode, _ quarter: Int) throws -> Scorecard {
        try #require(Self.plan.batch.scorecards.first { $0.org == code && $0.period == .quarter(2025, quarter) }, "\(code) Q\(quarter)")
    }

    @Test("each file is recognised by its header and recorded as a release: kind, name, size, sha256, types, quarters, trusts, rows")
    func releases() throws {
        let releases = Self.plan.batch.releases
        try #require(releases.count == 3)
        let (acute, mentalHealth, league) = (releases[0], releases[1], releases[2])
        #expect(acute.kind == .dataFile && mentalHealth.kind == .dataFile && league.kind == .leagueTable)
        #expect(acute.fileName == PublishedFiles.acuteQ1)
        #expect(acute.sha256 == "e7d3d45fa7ddef859d6a548fe4652e7f8e1cfe4d5c1adc92afd97fd5237b656a")
        #expect(acute.id == "nof-2025-26:e7d3d45fa7dd")
        #expect(acute.byteCount == 1_551_554)
        #expect(acute.trustTypes == ["Acute trust"])
        #expect(acute.quarters == [.quarter(2025, 1)])
        #expect((acute.trusts, acute.rows) == (134, 7_265))
        #expect(mentalHealth.trustTypes == ["Mental health and community trust"])
        #expect(mentalHealth.quarters == (1...4).map { .quarter(2025, $0) })
        #expect((mentalHealth.trusts, mentalHealth.rows) == (61, 8_771))
        #expect(league.quarters == [.quarter(2025, 4)])
        #expect((league.trusts, league.rows) == (61, 61))
        #expect(releases.allSatisfy { $0.framework == "nof-2025-26" && $0.imported == NOFFixtures.when && $0.importedBy == "tester" })
        #expect(releases.allSatisfy { $0.provenance.kind == .sourced && $0.provenance.note == "sha256 \($0.sha256)" })
    }

    @Test("a scorecard per trust and quarter: 134 acute in Q1, 61 mental health and community in each of Q1–Q4")
    func scorecards() {
        let cards = Self.plan.batch.scorecards
        #expect(cards.count == 134 + 4 * 61)
        #expect(cards.filter { $0.published?.trustType == "Acute trust" }.count == 134)
        for quarter in 1...4 {
            #expect(cards.filter { $0.period == .quarter(2025, quarter) && $0.published?.trustType == "Mental health and community trust" }.count == 61)
        }
        // Every row of the two data files is on exactly one scorecard.
        #expect(cards.reduce(0) { $0 + ($1.published?.rows.count ?? 0) } == 7_265 + 8_771)
    }

    @Test("Northern Care Alliance (RM3), Q1 2025/26: segment 4, rank 116, average 2.81, in deficit; each row with its line and Reporting_date")
    func northernCareAlliance() throws {
        let published = try #require(try card("RM3", 1).published)
        #expect(published.segment == 4)
        #expect(published.rank == 116)
        #expect(published.averageScore == 2.81)
        #expect(published.financialOverrideFlag == true)
        #expect(published.rows.count == 57)
        #expect(published.trustType == "Acute trust" && published.trustSubtype == "Acute - Teaching" && published.region == "North West")
        let fourHour = try #require(published.rows["OF0013"])
        #expect(fourHour == PublishedRow(value: 69.1, unit: "percent", reportingDate: "Q1 2025", median: 76, lowerQuartile: 70.05,
                                         upperQuartile: 78.95, rank: 101, line: 514))
        #expect(published.rows["OF5007"]?.reportingDate == "", "a blank Reporting_date is kept blank")
        #expect(published.rows["OF1046"]?.reportingDate == "Apr 24 - Mar 25")
        #expect(published.release == "nof-2025-26:e7d3d45fa7dd")
    }

    @Test("Moorfields, RNOH and The Christie are acute ranks 1, 2 and 3 in Q1 2025/26")
    func acuteTopThree() throws {
        #expect(try card("RP6", 1).published?.rank == 1)
        #expect(try card("RAN", 1).published?.rank == 2)
        #expect(try card("RBV", 1).published?.rank == 3)
        let acute = Self.plan.batch.scorecards.filter { $0.period == .quarter(2025, 1) && $0.published?.trustType == "Acute trust" }
        #expect(acute.compactMap(\.published?.rank).sorted().prefix(3) == [1, 2, 3])
    }

    @Test("South West London and St George's (RQY): rank 44, segment 3 in Q1; rank 23, segment 2 in Q2, of 61")
    func southWestLondon() throws {
        let q1 = try #require(try card("RQY", 1).published)
        let q2 = try #require(try card("RQY", 2).published)
        #expect((q1.rank, q1.segment) == (44, 3))
        #expect((q2.rank, q2.segment) == (23, 2))
        #expect(q2.rows.count == 36)
    }

    @Test("the league table's lines land on the Q4 scorecards beside the data file's rows, quoted names and all")
    func leagueLines() throws {
        let kent = try card("RYY", 4)
        let line = try #require(kent.published?.league)
        #expect(line == PublishedLeagueLine(release: "nof-2025-26:d06dcf5e5f99", averageScore: 1.53, averageScoreRange: "1.2 to 1.89",
                                            segment: 1, inDeficit: false, rank: 1, rankRange: "1 to 11", line: 2))
        #expect(kent.published?.release == "nof-2025-26:435ae98ca66f", "the data file's release names the rows")
        #expect(kent.published?.rows.isEmpty == false)
        let tees = try card("RX3", 4)
        #expect(tees.published?.league?.rank == 15)
        #expect(tees.published?.league?.averageScore == 2.11)
        #expect(Self.plan.batch.scorecards.filter { $0.published?.league != nil }.count == 61)
        #expect(try card("RYY", 3).published?.league == nil)
    }

    @Test("values as the method reads them: numbers, E. coli and C. difficile counts, published scores for score-only metrics, nothing for combined finance")
    func values() throws {
        let rm3 = try card("RM3", 1)
        #expect(rm3.values["OF0003"] == .number(3.69))
        #expect(rm3.values["OF1046"] == .number(2), "SHMI exists only as a score: the score is the value")
        #expect(rm3.values["OF1080"] == nil, "combined finance is computed from its two parts")
        #expect(rm3.published?.rows["OF1080"]?.value == 2, "but its published score is kept")
        #expect(rm3.finance == FinancialPosition(reportsDeficit: true, receivesDeficitSupport: false))
        let ran = try card("RAN", 1)
        #expect(ran.values["OF0048"] == .count(2), "a count row where the metric is a rate")
        #expect(ran.published?.rows["OF0048"]?.unit == "count")
        #expect(try card("RRJ", 1).values["OF0088"] == .count(1))
        #expect(rm3.values["OF0020"] == .number(8), "MRSA is a count by definition: a number, though its unit says count")
        let counts = Self.plan.batch.scorecards.flatMap(\.values.values).filter { if case .count = $0 { true } else { false } }
        #expect(counts.count == 4 + 5, "4 E. coli and 5 C. difficile count rows in the acute file")
        #expect(Self.plan.batch.scorecards.allSatisfy { $0.finance != nil }, "every trust-quarter has OF5004")
        #expect(Self.plan.batch.scorecards.allSatisfy { $0.provenance.kind == .sourced })
    }

    @Test("trusts the register lacks (TAD, TAH, TAJ) are added from the file, marked; G6V2S is held, and only re-typed")
    func addedTrusts() throws {
        #expect(Self.plan.added.map(\.code) == ["TAD", "TAH", "TAJ"])
        let bradford = try #require(Self.plan.added.first)
        #expect(bradford.name == "Bradford District Care NHS Foundation Trust")
        #expect(bradford.kind == .foundationTrust)
        #expect(bradford.type == .mentalHealthAndCommunity && bradford.subtype == "Care Trust")
        #expect(bradford.region == "Y63")
        #expect(bradford.memberships.isEmpty)
        #expect(bradford.provenance.kind == .sourced)
        #expect(bradford.provenance.note?.contains("added from NHS England's published file") == true)
        #expect(bradford.provenance.source?.contains(PublishedFiles.mentalHealthQ1toQ4) == true)
        #expect(Self.plan.added.last?.type == .mentalHealth && Self.plan.added.last?.region == "Y60")
        #expect(Self.plan.batch.releases[1].addedOrganisations == ["TAD", "TAH", "TAJ"])
        #expect(Self.plan.batch.releases[2].addedOrganisations.isEmpty, "credited once, to the first file naming them")

        #expect(NOFFixtures.bundled.organisation("G6V2S") != nil)
        let northLondon = try #require(Self.plan.retyped.first { $0.after.code == "G6V2S" })
        #expect(northLondon.after.subtype == "Mental Health and Learning Disability", "its newest quarter's subtype (Q1 said Care Trust)")
        #expect(northLondon.after.typeProvenance?.kind == .sourced)
        #expect(try card("G6V2S", 1).published?.trustSubtype == "Care Trust", "each quarter keeps its own spelling")
    }

    @Test("a held trust takes the file's type and subtype, sourced to the file; its name, region and footprints stay")
    func retyped() throws {
        let moorfields = try #require(Self.plan.retyped.first { $0.after.code == "RP6" })
        #expect(moorfields.before.subtype == nil && moorfields.before.typeProvenance?.kind == .unverified)
        #expect(moorfields.after.type == .acuteSpecialist && moorfields.after.subtype == "Acute - Specialist")
        #expect(moorfields.after.typeProvenance?.source?.contains(PublishedFiles.acuteQ1) == true)
        #expect(moorfields.after.name == moorfields.before.name && moorfields.after.memberships == moorfields.before.memberships)
        let kent = try #require(Self.plan.retyped.first { $0.after.code == "RYY" })
        #expect(kent.after.type == .community)
        // Every trust in the files is typed by them: added, re-typed, or already matching.
        let typed = Set(Self.plan.added.map(\.code)).union(Self.plan.retyped.map(\.after.code))
        #expect(typed.count == 134 + 61)
    }

    @Test("every row's id is one NOF 2025/26 knows, so nothing is reported as unscored; nothing is replaced in a store without figures")
    func nothingUnknownOrReplaced() {
        #expect(Self.plan.unknownRows.isEmpty)
        #expect(Self.plan.replaced.isEmpty)
        #expect(Self.plan.notes.isEmpty)
    }

    @Test("the edit it makes is accepted by the domain as one change: releases, organisations, scorecards")
    func edit() throws {
        let change = try Self.plan.edit.change(against: NOFFixtures.bundled)
        #expect(change.records.count == 3 + Self.plan.batch.organisations.count + 134 + 4 * 61)
        let (after, _) = try Self.plan.edit.apply(to: NOFFixtures.bundled)
        #expect(DatasetValidator.problems(in: after).isEmpty, "\(DatasetValidator.problems(in: after).prefix(3))")
        #expect(after.releases.count == 3)
    }
}
