import Testing
@testable import OversightDomain

@Suite("Segmentation step 1: metric scores")
struct SegmentationMetricScoreTests {
    let codes = ["A", "B", "C", "D", "E"]

    @Test("With neither standard nor floor, values spread evenly from 1.00 (best) to 4.00 (worst)")
    func neitherBookend() throws {
        let result = try Fixture.segment([Fixture.metric("m")], Fixture.lettered([10, 20, 30, 40, 50]))
        #expect(result.scores(of: "m", codes) == [4.00, 3.25, 2.50, 1.75, 1.00])
    }

    @Test("With a standard, those meeting it score 1.00 and the rest spread from 2.00 to 4.00")
    func standardBookend() throws {
        let result = try Fixture.segment([Fixture.metric("m", standard: 45)], Fixture.lettered([10, 20, 30, 40, 50]))
        #expect(result.scores(of: "m", codes) == [4.00, 3.33, 2.67, 2.00, 1.00])
        #expect(try result.on("E").metric("m")?.basis == .metStandard(45))
    }

    @Test("With a floor, those failing it score 4.00 and the rest spread from 1.00 to 3.00")
    func floorBookend() throws {
        let result = try Fixture.segment([Fixture.metric("m", floor: 15)], Fixture.lettered([10, 20, 30, 40, 50]))
        #expect(result.scores(of: "m", codes) == [4.00, 3.00, 2.33, 1.67, 1.00])
        #expect(try result.on("A").metric("m")?.basis == .failedFloor(15))
    }

    @Test("With a standard and a floor, the rest spread from 2.00 to 3.00")
    func bothBookends() throws {
        let result = try Fixture.segment([Fixture.metric("m", standard: 45, floor: 15)], Fixture.lettered([10, 20, 30, 40, 50]))
        #expect(result.scores(of: "m", codes) == [4.00, 3.00, 2.50, 2.00, 1.00])
    }

    @Test("Lower is better: the lowest value scores 1.00, and a value at the standard meets it")
    func lowerIsBetter() throws {
        let result = try Fixture.segment([Fixture.metric("m", .lowerIsBetter, standard: 1)], Fixture.lettered([1, 2, 3, 4]))
        #expect(result.scores(of: "m", ["A", "B", "C", "D"]) == [1.00, 2.00, 3.00, 4.00])
    }

    @Test("Ties all take the best score of their cluster")
    func ties() throws {
        let result = try Fixture.segment([Fixture.metric("m")], Fixture.lettered([10, 20, 20, 40, 50]))
        // The two 20s hold positions 3 and 4 of 5; both take position 3's score, 2.50, not 3.25.
        #expect(result.scores(of: "m", codes) == [4.00, 2.50, 2.50, 1.75, 1.00])
        guard case .ranked(let ranking)? = try result.on("B").metric("m")?.basis else {
            Issue.record("B's score should come from its ranking")
            return
        }
        #expect(ranking.position == 3 && ranking.poolSize == 5 && ranking.percentile == 50)
    }

    @Test("Missing, suppressed and not-performed values are left out, and do not take a place in the ranking")
    func missingAndSuppressed() throws {
        let organisations = [
            Fixture.org("A", numbers: ["m": 10]), Fixture.org("B", numbers: ["m": 20]), Fixture.org("C", numbers: ["m": 30]),
            Fixture.org("D", values: ["m": .missing]), Fixture.org("E", values: ["m": .suppressed]), Fixture.org("F", values: ["m": .notApplicable]),
            Fixture.org("G", numbers: [:]),
        ]
        let result = try Fixture.segment([Fixture.metric("m")], organisations)
        #expect(result.scores(of: "m", ["A", "B", "C"]) == [4.00, 2.50, 1.00], "three ranked values spread over 1.00–4.00")
        #expect(try result.on("D").metric("m")?.basis == .leftOut(.missing))
        #expect(try result.on("E").metric("m")?.basis == .leftOut(.suppressed))
        #expect(try result.on("F").metric("m")?.basis == .leftOut(.functionNotPerformed))
        #expect(try result.on("G").metric("m")?.basis == .leftOut(.missing), "a metric not given counts as missing")
        let suppressed = try result.on("E")
        #expect(suppressed.metricsScored == 0 && suppressed.rawScore == nil && suppressed.segment == nil)
        #expect(suppressed.notSegmented != nil)
    }

    @Test("A metric for another peer group is left out and does not count")
    func notForPeerGroup() throws {
        let metrics = [Fixture.metric("m"), Fixture.metric("amb", appliesTo: [.ambulance])]
        let result = try Fixture.segment(metrics, [Fixture.org("A", numbers: ["m": 10, "amb": 5]), Fixture.org("B", numbers: ["m": 20])])
        let a = try result.on("A")
        #expect(a.metric("amb")?.basis == .leftOut(.notForPeerGroup))
        #expect(a.metricsScored == 1 && a.rawScore == Score(hundredths: 400))
    }

    @Test("A context metric is shown but never scored")
    func contextOnly() throws {
        let result = try Fixture.segment([Fixture.metric("m"), Fixture.metric("c", scoring: .context)],
                                         [Fixture.org("A", numbers: ["m": 1, "c": 9])])
        #expect(try result.on("A").metric("c")?.basis == .leftOut(.contextOnly))
        #expect(try result.on("A").metricsScored == 1)
    }

    @Test("A bespoke metric maps its bracket straight to a score")
    func bespokeBrackets() throws {
        let rating = Fixture.metric("cqc", scoring: .bespoke([
            Bracket(atLeast: 4, score: 1, label: "outstanding"), Bracket(atLeast: 3, below: 4, score: 2, label: "good"),
            Bracket(atLeast: 2, below: 3, score: 3, label: "requires improvement"), Bracket(below: 2, score: 4, label: "inadequate"),
        ]))
        let result = try Fixture.segment([rating], [Fixture.org("A", numbers: ["cqc": 3]), Fixture.org("B", numbers: ["cqc": 1]),
                                                    Fixture.org("C", numbers: ["cqc": 4])])
        #expect(result.scores(of: "cqc", ["A", "B", "C"]) == [2, 4, 1])
        #expect(try result.on("A").metric("cqc")?.basis == .bracket(Bracket(atLeast: 3, below: 4, score: 2, label: "good")))
    }

    @Test("The three infection metrics weigh one third each in the average")
    func infectionWeights() throws {
        let third = 1.0 / 3
        let metrics = [Fixture.metric("mrsa", weight: third, scoring: .score), Fixture.metric("cdiff", weight: third, scoring: .score),
                       Fixture.metric("ecoli", weight: third, scoring: .score), Fixture.metric("rtt", scoring: .score)]
        let result = try Fixture.segment(metrics, [Fixture.org("A", numbers: ["mrsa": 1, "cdiff": 1, "ecoli": 4, "rtt": 3])])
        // (⅓·1 + ⅓·1 + ⅓·4 + 1·3) ÷ (⅓ + ⅓ + ⅓ + 1) = 5 ÷ 2 = 2.50; unweighted it would be 2.25.
        let a = try result.on("A")
        #expect(a.rawScore == Score(hundredths: 250))
        #expect(abs(a.totalWeight - 2) < 1e-12 && a.metricsScored == 4)
    }

    @Test("Metric scores round to 2 decimals, halves away from zero, exactly (1.075 → 1.08)")
    func metricRounding() throws {
        // 41 ranked values: the second best scores 1 + 3 × 1/40 = 1.075, which binary floating point holds as 1.07499….
        let result = try Fixture.segment([Fixture.metric("m")], Fixture.lettered((0..<41).map(Double.init)))
        #expect(try result.on(Fixture.letter(39)).metric("m")?.score == Score(hundredths: 108))
        // 1 + 3 × 2/40 = 1.15 exactly representable as hundredths.
        #expect(try result.on(Fixture.letter(38)).metric("m")?.score == Score(hundredths: 115))
    }

    @Test("The raw delivery score rounds to 2 decimals, halves away from zero (1.005 → 1.01)")
    func rawRounding() throws {
        let metrics = [Fixture.metric("x", scoring: .score), Fixture.metric("y", scoring: .score), Fixture.metric("z", scoring: .score)]
        let result = try Fixture.segment(metrics, [Fixture.org("A", numbers: ["x": 1.00, "y": 1.01]),
                                                   Fixture.org("B", numbers: ["x": 1.00, "y": 1.00, "z": 1.01])])
        #expect(try result.on("A").rawScore == Score(hundredths: 101), "mean 1.005 rounds up")
        #expect(try result.on("B").rawScore == Score(hundredths: 100), "mean 1.00333 rounds down")
        #expect(try abs(result.on("A").weightedMean! - 1.005) < 1e-12, "the unrounded mean is shown too")
    }

    @Test("An organisation alone in its ranking takes the best bookend")
    func loneValue() throws {
        let result = try Fixture.segment([Fixture.metric("m", standard: 90)], [Fixture.org("A", numbers: ["m": 50])])
        #expect(try result.on("A").metric("m")?.score == Score(hundredths: 200))
    }

    @Test("A value given as a score outside 1–4 is left out, with a problem saying so")
    func givenScoreOutOfRange() throws {
        let result = try Fixture.segment([Fixture.given], [Fixture.org("A", numbers: ["given": 7])])
        #expect(try result.on("A").metric("given")?.basis == .leftOut(.scoreOutOfRange))
        #expect(result.problems.contains { $0.org == "A" && $0.message.contains("between 1 and 4") })
    }

    @Test("Ranking happens within the peer group: the same values score the same in each group")
    func rankedWithinPeerGroup() throws {
        let organisations = [Fixture.org("A", .acute, numbers: ["m": 10]), Fixture.org("B", .acute, numbers: ["m": 20]),
                             Fixture.org("C", .ambulance, numbers: ["m": 1]), Fixture.org("D", .ambulance, numbers: ["m": 2])]
        let result = try Fixture.segment([Fixture.metric("m")], organisations)
        #expect(result.scores(of: "m", ["A", "B", "C", "D"]) == [4, 1, 4, 1])
    }
}
