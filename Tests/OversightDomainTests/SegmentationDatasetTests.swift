import Testing
@testable import OversightDomain

@Suite("Segmentation on a dataset: peer groups, finances and decisions read from the records")
struct SegmentationDatasetTests {
    let dataset = Dataset(
        footprints: [DatasetFixture.footprint("QXX", "North ICS")],
        organisations: [
            DatasetFixture.organisation("RA1", .acute, memberships: [DatasetFixture.member("QXX")]),
            DatasetFixture.organisation("RA2", .acuteSpecialist, memberships: [DatasetFixture.member("QXX")]),
            DatasetFixture.organisation("RA3", .acute, memberships: [DatasetFixture.member("QXX")]),
            DatasetFixture.organisation("RC1", .community, memberships: [DatasetFixture.member("QXX")]),
            DatasetFixture.organisation("QXX", nil, kind: .icb, memberships: []),
        ],
        frameworks: [DatasetFixture.framework("nof", method: .nofQuartiles), DatasetFixture.framework("sof", method: .judgement)],
        scorecards: [
            DatasetFixture.scorecard("RA1", "nof", given: 1.2, finance: FinancialPosition(reportsDeficit: true, receivesDeficitSupport: false)),
            DatasetFixture.scorecard("RA2", "nof", given: 2.5),
            DatasetFixture.scorecard("RA3", "nof", given: 3.9, decision: 5),
            DatasetFixture.scorecard("RC1", "nof", given: 2.0, finance: nil),
            DatasetFixture.scorecard("QXX", "nof", given: 1.0),
            DatasetFixture.scorecard("ZZZ", "nof", given: 1.0),
            DatasetFixture.scorecard("RA2", "nof", given: 4.0, period: .quarter(2025, 2)),
        ])

    @Test("Peer groups come from the organisation's type; deficits and decisions from its scorecard")
    func readsTheRecords() throws {
        let result = try Segmentation.compute(dataset, framework: "nof", period: DatasetFixture.period)
        #expect(try result.on("RA2").peerGroup == .acute, "acute specialist trusts sit in the acute table")
        #expect(try result.on("RC1").peerGroup == .nonAcute)
        #expect(try result.on("RA1").financialOverride?.applied == true && result.on("RA1").segment == 3)
        #expect(try result.on("RA3").segment == 5, "RA3 is the worst acute trust and has a recorded segment 5")
        #expect(result.table(.acute)?.league.map(\.org) == ["RA2", "RA1", "RA3"])
        #expect(try result.on("RA2").rawScore == Score(hundredths: 250), "only this period's scorecard counts")
    }

    @Test("An ICB is not segmented, and a scorecard for an unknown organisation is reported")
    func unsegmentedAndUnknown() throws {
        let result = try Segmentation.compute(dataset, framework: "nof", period: DatasetFixture.period)
        #expect(try result.on("QXX").segment == nil && result.on("QXX").notSegmented != nil)
        #expect(result.problems.contains { $0.org == "ZZZ" && $0.message.contains("does not hold") })
        #expect(result.problems.contains { $0.org == "RC1" && $0.message.contains("financial position") })
    }

    @Test("A judgement framework has nothing to compute, and an unknown framework is named")
    func notComputable() {
        #expect(throws: SegmentationError.notComputed("sof", .judgement)) {
            try Segmentation.compute(dataset, framework: "sof", period: DatasetFixture.period)
        }
        #expect(throws: SegmentationError.unknownFramework("nope")) {
            try Segmentation.compute(dataset, framework: "nope", period: DatasetFixture.period)
        }
    }
}
