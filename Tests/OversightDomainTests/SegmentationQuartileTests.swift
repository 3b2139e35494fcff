import Testing
@testable import OversightDomain

@Suite("Segmentation step 2: quartiles within the peer group")
struct SegmentationQuartileTests {
    @Test("Worked example: boundaries interpolate between order statistics (QUARTILE.INC)")
    func workedExample() throws {
        let result = try Fixture.segment([Fixture.given], Fixture.rawScores([
            ("A", 1.20), ("B", 1.80), ("C", 2.10), ("D", 2.40), ("E", 2.90), ("F", 3.60),
        ]))
        let boundaries = try #require(result.table(.acute)?.boundaries)
        // Positions (6 − 1) × ¼ = 1.25, × ½ = 2.5, × ¾ = 3.75 in the sorted scores.
        #expect(boundaries.values == [1.875, 2.25, 2.775])
        #expect(result.segments(["A", "B", "C", "D", "E", "F"]) == [1, 1, 2, 3, 4, 4])
    }

    @Test("A score exactly at Q1 is in segment 1; one hundredth above is in segment 2")
    func lowerQuartileBoundary() throws {
        let boundaries = try fiveScoreBoundaries()
        #expect(boundaries.lowerQuartile == 2.00)
        #expect(boundaries.quartile(of: Score(hundredths: 200)) == 1)
        #expect(boundaries.quartile(of: Score(hundredths: 201)) == 2)
    }

    @Test("A score exactly at the median is in segment 2; one hundredth above is in segment 3")
    func medianBoundary() throws {
        let boundaries = try fiveScoreBoundaries()
        #expect(boundaries.median == 3.00)
        #expect(boundaries.quartile(of: Score(hundredths: 300)) == 2)
        #expect(boundaries.quartile(of: Score(hundredths: 301)) == 3)
    }

    @Test("A score exactly at Q3 is in segment 3; one hundredth above is in segment 4")
    func upperQuartileBoundary() throws {
        let boundaries = try fiveScoreBoundaries()
        #expect(boundaries.upperQuartile == 3.50)
        #expect(boundaries.quartile(of: Score(hundredths: 350)) == 3)
        #expect(boundaries.quartile(of: Score(hundredths: 351)) == 4)
    }

    @Test("Organisations at a boundary take the better segment, in the computation as in the function")
    func boundaryRuleInTheMethod() throws {
        let result = try Fixture.segment([Fixture.given], Fixture.rawScores([("A", 1), ("B", 2), ("C", 3), ("D", 3.5), ("E", 4)]))
        #expect(result.segments(["A", "B", "C", "D", "E"]) == [1, 1, 2, 3, 4])
    }

    @Test("Each peer group is quartiled on its own")
    func perPeerGroup() throws {
        let organisations = Fixture.rawScores([("A", 1), ("B", 2), ("C", 3), ("D", 4)], group: .acute)
            + Fixture.rawScores([("W", 3), ("X", 3.5), ("Y", 3.7), ("Z", 4)], group: .ambulance)
        let result = try Fixture.segment([Fixture.given], organisations)
        #expect(result.segments(["W", "Z"]) == [1, 4], "3.00 is the best ambulance score, whatever the acute trusts score")
        #expect(result.table(.acute)?.boundaries?.count == 4 && result.table(.ambulance)?.boundaries?.count == 4)
    }

    @Test("Domain scores use the same method on each domain's metrics, for context only")
    func domainScores() throws {
        let metrics = [Fixture.metric("a1", theme: "access", scoring: .score), Fixture.metric("s1", theme: "safety", scoring: .score)]
        let result = try Fixture.segment(metrics, [Fixture.org("A", numbers: ["a1": 1, "s1": 4]),
                                                   Fixture.org("B", numbers: ["a1": 3, "s1": 2])])
        let a = try result.on("A")
        #expect(a.domains.map(\.theme) == ["access", "safety"])
        #expect(a.domains.map(\.score) == [Score(hundredths: 100), Score(hundredths: 400)])
        #expect(a.domains.map(\.quartile) == [1, 4])
        #expect(a.rawScore == Score(hundredths: 250) && result.table(.acute)?.domainBoundaries["safety"]?.count == 2)
    }

    /// Raw scores 1.00, 2.00, 3.00, 3.50, 4.00: positions 1, 2 and 3 exactly, so Q1 = 2.00, median 3.00, Q3 3.50.
    func fiveScoreBoundaries() throws -> QuartileBoundaries {
        let result = try Fixture.segment([Fixture.given], Fixture.rawScores([("A", 1), ("B", 2), ("C", 3), ("D", 3.5), ("E", 4)]))
        return try #require(result.table(.acute)?.boundaries)
    }
}
