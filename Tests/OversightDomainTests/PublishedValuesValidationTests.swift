import OversightDomain
import OversightTestSupport
import Testing

/// Published values are checked like any others, against the range of their metric's unit: the units say
/// where NHS England's "percent" is a signed share of income, a percent of expected past 100, or a staff
/// survey score out of 10, so the real figures pass and a mistyped one does not.
@Suite("Validation of published values")
struct PublishedValuesValidationTests {
    func problems(_ value: Double, unit: MetricUnit, published: Bool) -> [String] {
        var data = SampleDataset.make()
        let framework = data.frameworks.firstIndex { $0.metrics.contains { $0.id == "ae" } }!
        let metric = data.frameworks[framework].metrics.firstIndex { $0.id == "ae" }!
        data.frameworks[framework].metrics[metric].unit = unit
        let index = data.scorecards.firstIndex { $0.values["ae"] != nil }!
        data.scorecards[index].values["ae"] = .number(value)
        if published {
            data.scorecards[index].published = PublishedAssessment(release: "nof-test:000000000000", trustType: "Acute trust")
        }
        // Only this card's: the sample's other values of the metric were written for its own unit.
        return DatasetValidator.problems(in: data).map(\.description).filter { $0.hasPrefix("$.scorecards[\(index)].") }
    }

    @Test("a negative share is refused as a percentage, published or not, and read as a signed percent")
    func signedPercent() {
        #expect(problems(-19.58, unit: .percent, published: false).contains { $0.contains("is not a percentage") })
        #expect(problems(-19.58, unit: .percent, published: true).contains { $0.contains("is not a percentage") })
        #expect(problems(-19.58, unit: .signedPercent, published: true).isEmpty)
    }

    @Test("a percent of expected may pass 100 but not fall below 0; a score out of 10 stays within 0–10")
    func otherUnits() {
        #expect(problems(138.61, unit: .percentOfExpected, published: true).isEmpty)
        #expect(problems(-1, unit: .percentOfExpected, published: true).contains { $0.contains("cannot be negative") })
        #expect(problems(7.1, unit: .outOfTen, published: true).isEmpty)
        #expect(problems(11, unit: .outOfTen, published: true).contains { $0.contains("out of 10") })
    }
}
