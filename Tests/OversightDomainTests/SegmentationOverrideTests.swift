import Testing
@testable import OversightDomain

@Suite("Segmentation steps 3 and 4: the financial override and segment 5")
struct SegmentationOverrideTests {
    /// Quartiles 1, 2, 3, 4 for A, B, C, D.
    func fourQuartiles(deficit: Set<String> = [], support: Set<String> = [], decisions: [String: RecordedDecision] = [:]) throws -> SegmentationResult {
        let organisations = [("A", 1.0), ("B", 2.0), ("C", 3.0), ("D", 4.0)].map { code, score in
            Fixture.org(code, numbers: ["given": score], deficit: deficit.contains(code), support: support.contains(code),
                        decision: decisions[code])
        }
        return try Fixture.segment([Fixture.given], organisations)
    }

    @Test("A provider in segment 1 or 2 that reports a deficit or receives deficit support moves to 3")
    func overrideApplies() throws {
        let result = try fourQuartiles(deficit: ["A"], support: ["B"])
        #expect(result.segments(["A", "B"]) == [3, 3])
        let a = try result.on("A")
        #expect(a.quartile == 1 && a.adjustedSegment == 3)
        #expect(a.financialOverride == FinancialOverride(from: 1, to: 3, reportsDeficit: true, receivesDeficitSupport: false))
        #expect(a.financialOverride?.explanation == "reports a deficit: segment 1 → 3")
    }

    @Test("The override never improves a provider already in 3 or 4, and leaves those without a deficit alone")
    func overrideDoesNotApply() throws {
        let result = try fourQuartiles(deficit: ["C", "D"])
        #expect(result.segments(["A", "B", "C", "D"]) == [1, 2, 3, 4])
        #expect(try result.on("D").financialOverride?.applied == false)
        #expect(try result.on("A").financialOverride == nil)
    }

    @Test("Segment 5 comes only from a recorded decision on a provider computed in segment 4")
    func segmentFiveByDecision() throws {
        let pip = RecordedDecision.providerImprovementProgramme()
        let result = try fourQuartiles(decisions: ["D": pip])
        let d = try result.on("D")
        #expect(d.adjustedSegment == 4 && d.segment == 5)
        #expect(d.decision == .entered(segment: 5, rationale: pip.rationale))
    }

    @Test("Without a decision even the worst provider is segment 4, never 5")
    func neverComputedFive() throws {
        let result = try fourQuartiles()
        #expect(try result.on("D").segment == 4)
        #expect(result.organisations.allSatisfy { ($0.segment ?? 0) <= 4 })
    }

    @Test("A decision for segment 5 on a provider not in segment 4 is not applied, and says why")
    func segmentFiveRefused() throws {
        let result = try fourQuartiles(decisions: ["C": .providerImprovementProgramme()])
        let c = try result.on("C")
        #expect(c.segment == 3)
        #expect(c.decision == .notApplicable(segment: 5, requires: 4, computed: 3))
    }

    @Test("Another recorded segment is shown beside the computed one, which stands")
    func otherDecisions() throws {
        let result = try fourQuartiles(decisions: ["A": RecordedDecision(segment: 1, basis: .confirmed, rationale: "agreed"),
                                                   "B": RecordedDecision(segment: 3, basis: .set, rationale: "judgement")])
        #expect(try result.on("A").decision == .agrees(segment: 1))
        #expect(try result.on("B").decision == .differs(recorded: 3, computed: 2))
        #expect(try result.on("B").segment == 2)
    }
}
