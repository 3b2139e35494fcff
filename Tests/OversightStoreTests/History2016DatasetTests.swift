import Foundation
import OversightDomain
@testable import OversightStore
import OversightTestSupport
import Testing

/// The 2016 era in the bundled store (issue 12): every footprint with its trusts and CCGs, the CCGs
/// year by year as the reference file has them, every derived placing marked derived, and SOF 2016 and
/// CCG IAF figures only where the record gives them, each with its source.
@Suite("The 2016 era in the bundled dataset")
struct History2016DatasetTests {
    var data: Dataset { BundledDatasetTests.loaded }
    let stpFrom = CalendarDate.ymd(2016, 3, 1)

    /// The 44 footprints of 2016 (not the one formed by the 2018 merger).
    var footprints2016: [Footprint] { data.footprints(of: .stp2016).filter { $0.validFrom.dayNumber == stpFrom.dayNumber } }

    func reference(_ name: String, _ columns: [String]) throws -> [CSVTable.Row] {
        let text = try String(contentsOfFile: BuiltBinary.packageRoot + "/data/reference/" + name, encoding: .utf8)
        return try CSVTable.parse(text, file: name, required: columns).rows
    }

    @Test("all 44 footprints have trusts and CCGs in 2016/17 Q3; in 2019/20 Q4 every footprint then does, the northern three through the one they merged into")
    func everyFootprintHasMembers() throws {
        #expect(footprints2016.count == 44)
        for footprint in footprints2016 {
            let members = data.members(of: footprint.id, on: Period.quarter(2016, 3).end)
            #expect(!members.trusts.isEmpty && !members.ccgs.isEmpty, "\(footprint.id) \(footprint.name) in 2016/17 Q3")
        }
        let end2019 = Period.quarter(2019, 4).end
        for footprint in data.footprints(of: .stp2016, on: end2019) {
            let members = data.members(of: footprint.id, on: end2019)
            #expect(!members.trusts.isEmpty && !members.ccgs.isEmpty, "\(footprint.id) \(footprint.name) in 2019/20 Q4")
        }
        for footprint in footprints2016 where !footprint.isValid(on: end2019) {
            let path = try #require(data.pathToICS(fromFootprint: footprint.id))
            #expect(path.first?.footprint.id == "E54000049" && path.last?.footprint.id == "QHM", "\(footprint.id) merged")
            #expect(!data.members(of: "E54000049", on: end2019).trusts.isEmpty)
        }
        #expect(footprints2016.filter { !$0.isValid(on: end2019) }.map(\.id) == ["E54000045", "E54000046", "E54000047"])
    }

    @Test("the northern footprints have their members before the August 2018 merger, the merged one after")
    func northernFootprints() {
        for id: FootprintID in ["E54000045", "E54000046", "E54000047"] {
            for day in [CalendarDate.ymd(2016, 3, 31), .ymd(2017, 12, 31), .ymd(2018, 6, 30)] {
                let members = data.members(of: id, on: day)
                #expect(!members.trusts.isEmpty && !members.ccgs.isEmpty, "\(id) on \(day.iso)")
            }
            #expect(data.members(of: id, on: .ymd(2018, 9, 30)).isEmpty, "\(id) after the merger")
        }
        let merged = data.members(of: "E54000049", on: .ymd(2018, 9, 30))
        #expect(merged.trusts.count >= 10 && merged.ccgs.count >= 10)
        #expect(data.members(of: "E54000049", on: .ymd(2018, 6, 30)).isEmpty, "not formed yet")
    }

    @Test("Lancashire and South Cumbria lists Lancashire Care and its eight CCGs in 2016/17")
    func lancashireAndSouthCumbria() {
        let members = data.members(of: "E54000048", on: Period.quarter(2016, 3).end)
        let trusts = Set(members.trusts.map(\.organisation.code))
        #expect(trusts.isSuperset(of: ["RW5", "RXL", "RXN", "RXR", "RTX"]), "Lancashire Care beside the four acute trusts")
        #expect(members.ccgs.map(\.organisation.code).sorted() == ["00Q", "00R", "00X", "01A", "01E", "01K", "02G", "02M"])
        #expect(members.ccgs.map(\.organisation.name).contains("NHS Blackpool CCG"))
        #expect(members.ccgs.map(\.organisation.name).contains("NHS Blackburn with Darwen CCG"))
        #expect(data.pathToICS(fromFootprint: "E54000048")?.map(\.footprint.id) == ["QE1"])
    }

    @Test("CCGs per financial year match the reference file: 209, 207, 195, 191, 135, 106")
    func ccgCountsPerYear() throws {
        let rows = try reference("ccg_footprints.csv", ["ccg", "financial_year"])
        let expected = [209, 207, 195, 191, 135, 106]
        for (offset, count) in expected.enumerated() {
            let year = Period(financialYear: 2016 + offset)
            let inFile = Set(rows.filter { $0["financial_year"] == year.id }.map { $0["ccg"] })
            #expect(inFile.count == count, "the file for \(year.label)")
            let inStore = data.organisations.filter { org in
                org.kind == .ccg && org.memberships.contains { $0.covers(year.start) && data.footprint($0.footprint)?.era == .stp2016 }
            }
            #expect(Set(inStore.map(\.code.rawValue)) == inFile, "the store for \(year.label)")
            #expect(data.organisations.filter { $0.kind == .ccg && $0.isOpen(on: year.start) }.count == count)
        }
        #expect(data.organisations.filter { $0.kind == .ccg }.count == 245)
    }

    @Test("every placing in a footprint that a source does not state for its years is marked derived")
    func derivedMembershipsAreMarked() throws {
        let partnerships = CalendarDate.ymd(2017, 4, 1)
        for org in data.organisations where org.isProvider || org.kind == .ccg {
            for membership in org.memberships where data.footprint(membership.footprint)?.era == .stp2016 {
                let from = try #require(membership.from), to = try #require(membership.to)
                let what = "\(org.code) in \(membership.footprint) \(from.iso)–\(to.iso)"
                guard !membership.provenance.isDerived else {
                    #expect(membership.provenance.source?.isEmpty == false, "\(what) names its sources")
                    continue
                }
                // Not derived: read from the Health Foundation's 2017/18 lookup (trusts, from April 2017), or from
                // NHS Digital's table of the very year (CCGs, 2019/20 and 2021/22).
                let source = membership.provenance.source ?? ""
                if org.isProvider {
                    #expect(from >= partnerships && source.contains("HFAnalyticsLab/Winter_pressures"), "\(what) should be derived")
                } else {
                    let year = Period.quarter(containing: from).year
                    #expect(Period.quarter(containing: to).year == year, "\(what) spans years")
                    #expect((year.financialYear == 2019 && source.contains("STP_Region_mapping_post_2018"))
                                || (year.financialYear == 2021 && source.contains("ccg_mapping_2021")), "\(what) should be derived")
                }
            }
        }
        // And the file's derived rows are derived in the store.
        for row in try reference("ccg_footprints.csv", ["ccg", "financial_year", "from", "basis"]) where row["basis"] == "derived" {
            let year = try #require(Period.parse(row["financial_year"]))
            let day = row["from"].isEmpty ? year.start : try CalendarDate.parse(row["from"])
            let org = try #require(data.organisation(OrgCode(row["ccg"])))
            #expect(org.memberships.contains { $0.covers(day) && $0.provenance.isDerived }, "\(org.code) \(year.label) line \(row.line)")
        }
    }

    @Test("every trust open then has its 2017 footprint from March 2016, or is listed with it unknown")
    func trustsFromMarch2016() throws {
        let march = CalendarDate.ymd(2016, 3, 31)
        let unplaced = data.unplacedProviders(era: .stp2016, on: march).map(\.code.rawValue)
        #expect(unplaced == ["RJD", "TAD", "TAF", "TAH", "TAJ"], "the four care trusts, and Mid Staffordshire as ODS kept it open")
        for code: OrgCode in ["TAD", "TAF", "TAH", "TAJ"] {
            let org = try #require(data.organisation(code), "\(code) is in the store")
            #expect(org.isProvider && org.memberships.allSatisfy { data.footprint($0.footprint)?.era != .stp2016 })
        }
        let rows = try reference("trust_footprints_2017.csv", ["ods_code", "basis"])
        #expect(rows.filter { $0["basis"] == "sourced" }.count == 137)
        #expect(rows.filter { $0["basis"] == "derived" }.count == 100)
        #expect(Set(rows.filter { $0["basis"] == "unknown" }.map { $0["ods_code"] }) == Set(unplaced))
        let placed = data.organisations.filter { $0.isProvider && $0.isOpen(on: march) }.count - unplaced.count
        #expect(data.footprints(of: .stp2016, on: march).map { data.members(of: $0.id, on: march).trusts.filter { $0.role == .primary }.count }
                    .reduce(0, +) == placed, "every other trust open in March 2016 is in exactly one footprint")
    }

    @Test("SOF 2016 segments only from the special measures record, each derived and sourced, in the framework's life")
    func sofSegmentsFromTheRecord() throws {
        let sof = try #require(data.framework("sof-2016"))
        let cards = data.scorecards.filter { $0.framework == sof.id }
        #expect(cards.count >= 20)
        for card in cards {
            let decision = try #require(card.decision, "\(card.id)")
            #expect(decision.segment == 4 && decision.basis == .published, "\(card.id): only segment 4 is known")
            #expect(decision.provenance.derivation?.contains("special measures record") == true, "\(card.id)")
            #expect(decision.provenance.source?.contains("nationalhealthexecutive.com") == true, "\(card.id) cites the rule")
            #expect(sof.isInForce(during: card.period) && card.period.isQuarter, "\(card.id)")
            #expect(data.interventions.contains { $0.org == card.org && $0.type.rawValue.hasSuffix("special-measures") && $0.inForce(during: card.period) },
                    "\(card.id): in special measures then")
            #expect(card.values.isEmpty && card.rating == nil, "\(card.id): nothing else is known")
        }
        let ulht = try #require(Exoskeleton(data, footprint: "E54000013", period: .quarter(2017, 3)))
        let rwd = try #require(ulht.trusts.lines.first { $0.organisation.code == "RWD" })
        #expect(rwd.standing?.segment == 4 && rwd.standing?.provenance.kind == .sourced)
        #expect(ulht.trusts.lines.first { $0.organisation.code == "RP7" }?.standing == nil, "no published rating for LPFT then")
    }

    @Test("CCG IAF ratings only where a source gives them, for IAF years, and its indicators without values")
    func iafRatings() throws {
        let iaf = try #require(data.framework("ccg-iaf-2016"))
        let cards = data.scorecards.filter { $0.framework == iaf.id }
        let rows = try reference("ccg_iaf_ratings.csv", ["ccg", "financial_year", "framework", "rating"])
        let rated = rows.filter { $0["framework"] == "ccg-iaf-2016" && !$0["rating"].isEmpty }
        #expect(cards.count == rated.count && cards.count == 72)
        for card in cards {
            #expect(card.rating.map { id in iaf.ratings.contains { $0.id == id } } == true, "\(card.id)")
            #expect(card.provenance.source?.contains("http") == true, "\(card.id) names its source")
            #expect(!card.period.isQuarter && iaf.isInForce(during: card.period), "\(card.id)")
            #expect(data.organisation(card.org)?.kind == .ccg)
            #expect(card.values.isEmpty && card.decision == nil)
        }
        #expect(Set(cards.map(\.period.id)) == ["2016-17", "2017-18", "2018-19"])
        for id: MetricID in ["161a", "165a"] {
            #expect(iaf.metric(id) != nil, "\(id) is defined")
            #expect(!data.scorecards.contains { $0.values[id] != nil }, "\(id) has no published values")
        }
    }

    @Test("the exoskeleton of Sussex and East Surrey in 2017/18 Q3: no trust's SOF segment is known, seven of eight CCGs' IAF ratings are")
    func sussexExoskeleton() throws {
        let view = try #require(Exoskeleton(data, footprint: "E54000033", period: .quarter(2017, 3)))
        #expect(view.trusts.framework == "sof-2016" && view.ccgs.framework == "ccg-iaf-2016")
        #expect(view.trusts.count == 8 && view.trusts.known == 0)
        #expect(view.trusts.lines.first { $0.organisation.code == "RXH" }?.interventions.map(\.id) == ["RXH-fsm-2016"])
        #expect(view.ccgs.count == 8 && view.ccgs.known == 7)
        let crawley = try #require(view.ccgs.lines.first { $0.organisation.code == "09H" })
        #expect(crawley.standing?.rating == "inadequate")
        #expect(crawley.interventions.map(\.id) == ["09H-dir-2017"])
        let eastSurrey = try #require(view.ccgs.lines.first { $0.organisation.code == "09L" })
        #expect(eastSurrey.standing == nil, "no published rating for 2017/18")
        #expect(eastSurrey.interventions.map(\.id) == ["09L-dir-2015", "09L-ccgsm-2016"], "legal directions since 2015, special measures since July 2016")
        #expect(view.ccgs.withInterventions >= 3)
    }

    @Test("lineage: a CCG leads to its ICB, closed trusts to their successors, with dates")
    func lineage() throws {
        let darlington = try #require(data.path(fromOrganisation: "00C", to: .icb))
        #expect(darlington.map(\.organisation.code) == ["16C", "QHM"])
        #expect(darlington.map(\.succession.date) == [.ymd(2020, 4, 1), .ymd(2022, 7, 1)])
        #expect(Set(data.predecessors(ofOrganisation: "RAJ").map(\.organisation.code)) == ["RDD", "RQ8"])
        #expect(data.successors(ofOrganisation: "RW6").map(\.succession.kind) == [.partMoved, .partMoved])
        for ccg in data.organisations where ccg.kind == .ccg {
            #expect(data.path(fromOrganisation: ccg.code, to: .icb) != nil, "\(ccg.code) reaches an ICB")
        }
        #expect(data.stpFootprints(leadingTo: "QHM").map(\.footprint.id) == ["E54000045", "E54000046", "E54000047", "E54000049"])
    }

    @Test("the regions of the 2016 era are the four of 2016, and seven from April 2020")
    func regions() {
        #expect(data.regions(during: .quarter(2016, 3)).map(\.code.rawValue).sorted() == ["Y54", "Y55", "Y56-2016", "Y57"])
        #expect(data.regions(during: .quarter(2020, 1)).count == 7)
        let counts = { (day: CalendarDate) in
            data.regions(on: day).map { data.footprints(of: .stp2016, on: day, in: $0.code).count }
        }
        #expect(counts(Period.quarter(2016, 3).end) == [9, 17, 5, 13], "North, Midlands and East, London, South: the 44")
        #expect(counts(Period.quarter(2019, 4).end) == [7, 17, 5, 13], "the three northern footprints merged into one")
        #expect(data.footprints(of: .stp2016, on: Period.quarter(2016, 3).end, in: "Y54").contains { $0.id == "E54000048" })
        #expect(counts(Period.quarter(2020, 1).end).reduce(0, +) == 42, "in 2020 the footprints sit in the seven regions")
    }
}
