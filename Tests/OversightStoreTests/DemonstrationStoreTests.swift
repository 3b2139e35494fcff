import Foundation
import OversightDemo
import OversightDomain
@testable import OversightStore
import OversightTestSupport
import Testing

/// A store made from the demonstration dataset: opens like any other, says what it is, and carries the
/// journal's mechanics at the national size the bundled store used to have.
@Suite("A demonstration store")
struct DemonstrationStoreTests {
    @Test("it opens writable with no problems, and says on opening that its scorecards are made up")
    func opensAndSaysSo() throws {
        let scratch = ScratchDirectory("demo-store")
        let store = try Store.open(DemoStore.create(in: scratch), options: SampleStore.options())
        defer { store.close() }
        #expect(store.readOnlyReason == nil && store.damage == nil)
        let made = store.dataset.scorecards.filter { $0.provenance.kind == .illustrative }.count
        #expect(made > 3_000)
        #expect(store.notices.last == "Demonstration store: \(made) of \(store.dataset.scorecards.count) scorecards are made up.")
    }

    @Test("only a store holding made-up scorecards is called a demonstration")
    func noticeOnlyWhenMadeUp() {
        var data = SampleDataset.make()
        #expect(Store.illustrativeNotice(data) == nil)
        data.scorecards[0].provenance = Provenance(.illustrative, source: "test")
        #expect(Store.illustrativeNotice(data) == "Demonstration store: 1 of \(data.scorecards.count) scorecards are made up.")
        for i in data.scorecards.indices { data.scorecards[i].provenance = Provenance(.illustrative, source: "test") }
        #expect(Store.illustrativeNotice(data) == "Demonstration store: every scorecard in it is made up.")
    }

    @Test("at the national size, a decision and an import are journalled, undone, redone and read back")
    func journalAtNationalSize() throws {
        let scratch = ScratchDirectory("demo-journal")
        let path = DemoStore.create(in: scratch)
        let before = DemoDataset.standard
        let cards = before.scorecards.filter { $0.framework == DemoDataset.nof && $0.period == DemoDataset.firstNOFQuarter }
        let decided = try #require(cards.first { $0.org == "RM3" }).id
        let decision = SegmentDecision(segment: 4, basis: .set, rationale: "Agreed at the board", decidedBy: "Regional support group",
                                       date: .ymd(2025, 9, 9), provenance: .recorded)
        let readings = cards.prefix(120).map { MetricReading(org: $0.org, metric: "OF0082", value: .number(4.5)) }
        let imported = MetricImport(framework: DemoDataset.nof, period: DemoDataset.firstNOFQuarter, readings: Array(readings),
                                    provenance: Provenance(.sourced, source: "a test import"))

        let store = try Store.open(path, options: SampleStore.options())
        _ = try store.commit(.decideSegment(decided, decision))
        _ = try store.commit(.importMetricValues(imported))
        let after = store.dataset
        #expect(after.scorecard(decided)?.decision == decision)
        #expect(readings.allSatisfy { after.scorecard(ScorecardID(org: $0.org, framework: DemoDataset.nof, period: DemoDataset.firstNOFQuarter))?.values["OF0082"] == .number(4.5) })
        _ = try store.undo()
        _ = try store.undo()
        #expect(store.dataset == before, "undoing both gives back the demonstration exactly")
        _ = try store.redo()
        _ = try store.redo()
        #expect(store.dataset == after)
        store.close(compacting: false)

        let reopened = try Store.open(path, options: SampleStore.options(readOnly: true))
        defer { reopened.close() }
        #expect(reopened.dataset == after, "the journal replays onto the snapshot")
        #expect(reopened.lastSeq == 6)
    }
}
