import OversightDomain
import Testing

/// The exoskeleton side by side: a footprint's trusts with their SOF segment beside its CCGs with their
/// IAF rating, interventions in force, and how many of each are known; nothing made up where nothing was published.
@Suite("The exoskeleton of a footprint")
struct ExoskeletonTests {
    let data = EraFixture.dataset

    @Test("trusts beside CCGs, each with its standing or none, and the counts")
    func sideBySide() throws {
        let view = try #require(Exoskeleton(data, footprint: "E1", period: .quarter(2016, 3)))
        #expect(view.trusts.framework == "sof-2016")
        #expect(view.ccgs.framework == "ccg-iaf-2016")
        #expect(view.trusts.lines.map(\.organisation.code) == ["RA1", "RB2"])
        let alpha = try #require(view.trusts.lines.first)
        #expect(alpha.standing?.segment == 4)
        #expect(alpha.standing?.provenance.isDerived == true, "segment 4 is derived from the special measures record")
        #expect(alpha.interventions.map(\.id) == ["RA1-fsm"])
        #expect(view.trusts.lines[1].standing == nil, "no published rating, and none made up")
        #expect((view.trusts.count, view.trusts.known, view.trusts.withInterventions) == (2, 1, 1))
        #expect(view.ccgs.lines.map(\.organisation.code) == ["01A", "02B"])
        #expect(view.ccgs.lines[1].standing?.rating == "good", "the annual rating holds for each quarter of its year")
        #expect(view.ccgs.lines[1].standing?.scorecard.period == Period(financialYear: 2016))
        #expect((view.ccgs.count, view.ccgs.known, view.ccgs.withInterventions) == (2, 1, 0))
    }

    @Test("interventions are those in force in the period; a later quarter has no SOF card")
    func laterQuarter() throws {
        let view = try #require(Exoskeleton(data, footprint: "E1", period: .quarter(2017, 3)))
        #expect(view.trusts.known == 0, "no card for 2017/18 Q3")
        #expect(view.trusts.lines.first?.interventions.isEmpty == true, "RA1 left special measures in February 2017")
        #expect(view.ccgs.lines.map(\.organisation.code) == ["01A", "02B"])
        #expect(view.ccgs.lines[1].interventions.map(\.id) == ["02B-dir"])
        #expect(view.ccgs.known == 0, "no rating on record for 2017/18")
    }

    @Test("a year reads the latest quarter that says something; no framework in force is said so")
    func yearsAndGaps() throws {
        let year = try #require(Exoskeleton(data, footprint: "E1", period: Period(financialYear: 2016)))
        #expect(year.trusts.lines.first?.standing?.scorecard.period == .quarter(2016, 3))
        let gap = try #require(Exoskeleton(data, footprint: "E9", period: .quarter(2020, 1)))
        #expect(gap.trusts.framework == nil && gap.ccgs.framework == nil, "neither framework was in force in 2020/21")
        #expect(gap.trusts.known == 0 && gap.trusts.count == 1)
        #expect(Exoskeleton(data, footprint: "E404", period: .quarter(2016, 3)) == nil)
    }
}
