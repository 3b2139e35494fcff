import OversightDomain
import OversightTestSupport
import Testing

/// The validator's unit ranges catch our own mistakes; NHS England's published values are kept as
/// published, even where its "percent" is a signed share of income or an index past 100.
@Suite("Validation of published values")
struct PublishedValuesValidationTests {
    func problems(published: Bool) -> [String] {
        var data = SampleDataset.make()
        let index = data.scorecards.firstIndex { $0.values["ae"] != nil }!
        data.scorecards[index].values["ae"] = .number(-19.58)
        if published {
            data.scorecards[index].published = PublishedAssessment(release: "nof-test:000000000000", trustType: "Acute trust")
        }
        return DatasetValidator.problems(in: data).map(\.description)
    }

    @Test("a negative percentage is a problem in our own figures, and none in a published scorecard")
    func rangeOnlyForOurOwnFigures() {
        #expect(problems(published: false).contains { $0.contains("is not a percentage") })
        #expect(problems(published: true).isEmpty)
    }
}
