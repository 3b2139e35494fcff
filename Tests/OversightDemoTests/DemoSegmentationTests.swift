import OversightDemo
import OversightDomain
import OversightTestSupport
import Testing

/// The NOF engine takes the demonstration as it would real data: every quarter, every trust, no problems.
@Suite("The NOF 2025/26 method segments the demonstration")
struct DemoSegmentationTests {
    static let demo = DemoDataset.standard
    static let quarters = Period.quarters(from: .quarter(2024, 3), through: .quarter(2026, 2))

    @Test("every quarter segments every trust with no problem reported", arguments: quarters)
    func segmentsEveryone(_ period: Period) throws {
        let result = try Segmentation.compute(Self.demo, framework: DemoDataset.nof, period: period)
        #expect(result.problems.map(\.description) == [])
        let cards = Self.demo.scorecards.filter { $0.framework == DemoDataset.nof && $0.period == period }
        #expect(result.organisations.count == cards.count && cards.count > 195)
        for computation in result.organisations {
            #expect(computation.segment != nil && computation.rank != nil, "\(computation.org): \(computation.notSegmented ?? "")")
            #expect(computation.metricsScored >= 3, "\(computation.org) scored on \(computation.metricsScored) metrics")
        }
        #expect(Set(result.peerGroups.map(\.peerGroup)) == Set(PeerGroup.allCases))
    }

    @Test("the first quarter exercises every step: all four segments, the deficit override, combined finance")
    func everyStep() throws {
        let result = try Segmentation.compute(Self.demo, framework: DemoDataset.nof, period: DemoDataset.firstNOFQuarter)
        let acute = result.organisations.filter { $0.peerGroup == .acute }
        #expect(Set(acute.compactMap(\.segment)) == [1, 2, 3, 4])
        #expect(result.organisations.contains { $0.financialOverride?.applied == true })
        #expect(result.organisations.contains { $0.quartile.map { $0 <= 2 } == true && $0.segment == $0.quartile },
                "a trust in the top half with no deficit keeps its quartile")
        let combined = result.organisations.compactMap { $0.metric("OF1080")?.score }
        #expect(combined.count > 150, "combined finance is read from the planned position's and the variance's scores")
        #expect(result.organisations.contains { !$0.domains.isEmpty && $0.domains.allSatisfy { $0.score != nil } })
    }
}
