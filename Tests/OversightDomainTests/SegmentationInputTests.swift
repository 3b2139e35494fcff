import Testing
@testable import OversightDomain

@Suite("Segmentation: bad input gets a clear message, never a crash")
struct SegmentationInputTests {
    func compute(_ metrics: [MetricDefinition], _ organisations: [OrganisationInput] = [Fixture.org("A", numbers: ["m": 1])],
                 rules: SegmentationRules = Fixture.rules) throws -> SegmentationResult {
        try Fixture.segment(metrics, organisations, rules: rules)
    }

    @Test("Fatal problems name what to fix")
    func fatal() {
        #expect(throws: SegmentationError.noMetrics) { try compute([]) }
        #expect(throws: SegmentationError.duplicateOrganisation("A")) {
            try compute([Fixture.metric("m")], [Fixture.org("A", numbers: [:]), Fixture.org("A", numbers: [:])])
        }
        #expect(throws: SegmentationError.notComputed(nil, .judgement)) {
            try compute([Fixture.metric("m")], rules: SegmentationRules(method: .judgement))
        }
        #expect(throws: SegmentationError.invalidRules("scores round to 0, 1 or 2 decimal places; 3 is not supported")) {
            try compute([Fixture.metric("m")], rules: SegmentationRules(method: .nofQuartiles, scoreDecimals: 3))
        }
        // Weight 0 is a metric counted only through another; a framework of nothing else has nothing to average.
        #expect(throws: SegmentationError.invalidRules("every metric weighs 0, so nothing could be averaged")) {
            try compute([Fixture.metric("m", weight: 0)])
        }
        for bad in [[Fixture.metric("m"), Fixture.metric("m")], [Fixture.metric("n"), Fixture.metric("m", weight: -1)],
                    [Fixture.metric("m", standard: 10, floor: 20)], [Fixture.metric("m", scoring: .bespoke([]))],
                    [Fixture.metric("m", scoring: .bespoke([Bracket(score: 5)]))]] {
            do {
                _ = try compute(bad)
                Issue.record("\(bad.map(\.id)) should be refused")
            } catch {
                guard case .invalidMetric(let id, let why)? = error as? SegmentationError else { Issue.record("unexpected \(error)"); continue }
                #expect(id == "m" && !why.isEmpty)
            }
        }
    }

    @Test("Values for unknown metrics, and values that are not numbers, are reported and the rest computed")
    func recoverable() throws {
        let organisations = [Fixture.org("A", numbers: ["m": 1, "typo": 3]), Fixture.org("B", numbers: ["m": .nan, "typo": 2])]
        let result = try compute([Fixture.metric("m")], organisations)
        #expect(result.problems.contains { $0.metric == "typo" && $0.message.contains("2 organisations") })
        #expect(result.problems.contains { $0.org == "B" && $0.message.contains("treated as missing") })
        #expect(try result.on("B").metric("m")?.basis == .leftOut(.missing) && result.on("A").segment == 1)
    }

    @Test("Brackets that do not improve steadily with the value are reported, since suggestions rely on them")
    func unsteadyBrackets() throws {
        let zigzag = Fixture.metric("m", scoring: .bespoke([Bracket(below: 5, score: 4), Bracket(atLeast: 5, below: 8, score: 1),
                                                            Bracket(atLeast: 8, score: 3)]))
        #expect(try compute([zigzag]).problems.contains { $0.metric == "m" && $0.message.contains("steadily") })
    }

    @Test("Every error message says what to do")
    func messages() {
        let errors: [SegmentationError] = [.unknownFramework("x"), .notComputed("sof", .judgement), .noMetrics,
                                           .invalidMetric("m", "why"), .invalidRules("why"), .duplicateOrganisation("A"),
                                           .noFinanceScore("nof")]
        for error in errors { #expect(!error.message.isEmpty && error.description == error.message) }
        #expect(SegmentationError.duplicateOrganisation("A").message.contains("give each organisation once"))
    }
}
