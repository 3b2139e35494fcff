import Testing
@testable import OversightDomain

@Suite("Segmentation: the system view of a footprint's segments")
struct SegmentationSystemViewTests {
    let dataset = Dataset(
        footprints: [DatasetFixture.footprint("QXX", "North ICS"), DatasetFixture.footprint("QYY", "South ICS")],
        organisations: [
            DatasetFixture.organisation("R1", .acute, memberships: [DatasetFixture.member("QXX")]),
            DatasetFixture.organisation("R2", .acute, memberships: [DatasetFixture.member("QXX")]),
            DatasetFixture.organisation("R3", .mentalHealth, memberships: [DatasetFixture.member("QXX")]),
            DatasetFixture.organisation("R4", .acute, memberships: [DatasetFixture.member("QXX", to: .ymd(2024, 3, 31))]),
            DatasetFixture.organisation("AMB", .ambulance, memberships: [DatasetFixture.member("QYY"), DatasetFixture.member("QXX", .serves)]),
        ],
        frameworks: [DatasetFixture.framework("sof", method: .judgement), DatasetFixture.framework("nof", method: .nofQuartiles)],
        scorecards: [
            DatasetFixture.scorecard("R1", "sof", decision: 1), DatasetFixture.scorecard("R2", "sof", decision: 3),
            DatasetFixture.scorecard("R4", "sof", decision: 4), DatasetFixture.scorecard("AMB", "sof", decision: 2),
            DatasetFixture.scorecard("R1", "nof", given: 1.0), DatasetFixture.scorecard("R2", "nof", given: 2.0),
            DatasetFixture.scorecard("R4", "nof", given: 3.0),
        ])

    @Test("A footprint counts its host members per segment, lists serving trusts apart, and counts the unknown")
    func distribution() throws {
        let view = try SystemView(dataset: dataset, framework: "sof", period: DatasetFixture.period)
        let north = try #require(view.footprint("QXX"))
        #expect(north.members.map(\.org) == ["R1", "R2", "R3"], "R4 left before the period")
        #expect(north.serving.map(\.org) == ["AMB"])
        #expect(north.counts == [1: 1, 3: 1] && north.unknown == 1)
        #expect(north.median == 2 && north.mean == 2)
    }

    @Test("A trust's segment stands beside its footprint's median member segment")
    func trustBesideSystem() throws {
        let view = try SystemView(dataset: dataset, framework: "sof", period: DatasetFixture.period)
        #expect(view.beside("R1").map(\.comparison) == [.better])
        #expect(view.beside("R2").map(\.comparison) == [.worse])
        #expect(view.beside("R3").map(\.comparison) == [.unknown])
        #expect(view.beside("AMB").map(\.system.footprint) == ["QYY"], "a trust is set beside the system that hosts it")
    }

    @Test("Under NOF 2025/26 the view uses computed segments")
    func computedSegments() throws {
        let view = try SystemView(dataset: dataset, framework: "nof", period: DatasetFixture.period)
        // The acute trusts scored this period are R1, R2 and R4 (1.00, 2.00, 3.00): segments 1, 2 and 3.
        #expect(view.segments["R1"] == 1 && view.segments["R2"] == 2)
        #expect(try #require(view.footprint("QXX")).counts == [1: 1, 2: 1])
    }
}
