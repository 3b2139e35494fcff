import Testing
@testable import OversightDomain

@Suite("Segmentation: league tables per peer group")
struct SegmentationLeagueTableTests {
    @Test("League tables rank by adjusted segment first, then by raw score")
    func segmentThenScore() throws {
        // A has the best score but a deficit, so its adjusted segment 3 ranks it below B and C.
        let organisations = [
            Fixture.org("A", numbers: ["given": 1.10], deficit: true), Fixture.org("B", numbers: ["given": 1.50]),
            Fixture.org("C", numbers: ["given": 2.00]), Fixture.org("D", numbers: ["given": 3.00]),
            Fixture.org("E", numbers: ["given": 3.90]),
        ]
        let result = try Fixture.segment([Fixture.given], organisations)
        let league = try #require(result.table(.acute)?.league)
        #expect(league.map(\.org) == ["B", "C", "A", "D", "E"])
        #expect(league.map(\.adjustedSegment) == [1, 2, 3, 3, 4])
        #expect(try result.on("A").rank == 3 && result.on("A").tableSize == 5)
    }

    @Test("Equal segment and raw score share a rank; the next rank skips")
    func jointRanks() throws {
        let result = try Fixture.segment([Fixture.given], Fixture.rawScores([("A", 1), ("B", 2), ("C", 2), ("D", 4)]))
        let league = try #require(result.table(.acute)?.league)
        #expect(league.map(\.rank) == [1, 2, 2, 4])
        #expect(league.map(\.org) == ["A", "B", "C", "D"], "joint entries are listed by code")
    }

    @Test("Segment 5 by decision ranks among its adjusted segment 4, by score")
    func segmentFiveRanksByAdjustedSegment() throws {
        let organisations = Fixture.rawScores([("A", 1), ("B", 2), ("C", 3), ("F", 3.5), ("D", 3.9)])
            + [Fixture.org("E", numbers: ["given": 3.8], decision: .providerImprovementProgramme())]
        let result = try Fixture.segment([Fixture.given], organisations)
        let league = try #require(result.table(.acute)?.league)
        #expect(league.suffix(2).map(\.org) == ["E", "D"])
        #expect(league.suffix(2).map(\.segment) == [5, 4])
    }

    @Test("Organisations without a segment are not ranked")
    func unsegmentedNotRanked() throws {
        let organisations = Fixture.rawScores([("A", 1), ("B", 2)]) + [Fixture.org("Q", nil, numbers: ["given": 1])]
        let result = try Fixture.segment([Fixture.given], organisations)
        #expect(result.table(.acute)?.league.count == 2)
        let q = try result.on("Q")
        #expect(q.rank == nil && q.segment == nil && q.notSegmented?.contains("no peer group") == true)
        #expect(q.metric("given")?.basis == .leftOut(.noPeerGroup))
    }
}
