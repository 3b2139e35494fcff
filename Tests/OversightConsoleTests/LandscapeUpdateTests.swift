import OversightConsole
import OversightDomain
import OversightTestSupport
import Testing

/// After an edit the console keeps the segment readings of periods the edit did not touch, and works
/// out again only the one it did; together they must be exactly what working them out afresh gives.
@Suite struct LandscapeUpdateTests {
    let before = Landscape(ConsoleFixture.dataset, today: ConsoleFixture.today)
    let framework = SyntheticDataset.framework

    /// Every period worked out before the edit, as after a user has looked at them all.
    func warmed() -> Landscape { before.workingEveryPeriod(of: framework) }

    func readings(_ landscape: Landscape) -> [String] {
        landscape.periods(of: framework).flatMap { period in
            landscape.dataset.organisations.map { org in
                let r = landscape.segment(org.code, framework, period)
                return "\(period.id) \(org.code) \(r.segment.map(String.init) ?? "-") \(r.decided.map(String.init) ?? "-") \(r.computed.map(String.init) ?? "-")"
            }
        }
    }

    @Test func aDecisionRecomputesItsPeriodAndKeepsTheOthersAsAFreshReadingWould() throws {
        let landscape = warmed()
        let id = ScorecardID(org: "RAAA", framework: framework, period: .quarter(2026, 2))
        let computed = landscape.segment("RAAA", framework, .quarter(2026, 2)).computed
        let edit = Edit.decideSegment(id, SegmentDecision(segment: 4, basis: .set, computed: computed, rationale: "Test", decidedBy: "me",
                                                          date: .ymd(2026, 11, 20), provenance: .recorded))
        let (data, change) = try edit.apply(to: landscape.dataset)
        let kept = landscape.updated(data, changed: change.records.map(\.key))
        let touched = Need.segments(FrameworkPeriod(framework, .quarter(2026, 2)))
        #expect(!kept.derived.holds(touched), "the touched period is dropped, to be worked out again")
        #expect(kept.periods(of: framework).filter { $0 != .quarter(2026, 2) }.allSatisfy { kept.derived.holds(.segments(FrameworkPeriod(framework, $0))) },
                "the others are kept")
        let updated = kept.working([touched])
        #expect(updated.segment("RAAA", framework, .quarter(2026, 2)).decided == 4, "the touched period is worked out again")
        #expect(readings(updated) == readings(Landscape(data, today: ConsoleFixture.today).workingEveryPeriod(of: framework)))
    }

    @Test func aNoteKeepsEveryReading() throws {
        let landscape = warmed()
        let (data, change) = try Edit.addNote(Note(id: "n-x", subject: .organisation("RAAA"), text: "x", author: "me",
                                                  created: ConsoleFixture.now)).apply(to: landscape.dataset)
        let updated = landscape.updated(data, changed: change.records.map(\.key))
        #expect(updated.notes(of: "RAAA").contains { $0.id == "n-x" })
        #expect(readings(updated) == readings(landscape))
    }
}
