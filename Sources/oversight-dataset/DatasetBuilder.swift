import Foundation
import OversightDomain

/// The whole pipeline: reference facts and hand-written definitions in, a validated dataset out.
struct DatasetBuilder {
    let options: GeneratorOptions

    struct Result {
        let dataset: Dataset
        /// Lines for the run's report: what was imported from the published files.
        let report: [String]
        let warnings: [String]
    }

    func build() throws -> Result {
        let reference = try ReferenceTables.read(from: URL(fileURLWithPath: options.reference))
        let definitions = try SourceDefinitions.read(from: URL(fileURLWithPath: options.source), catalogue: reference.catalogue)

        let history = try HistoryTables.read(from: URL(fileURLWithPath: options.reference), catalogue: reference.catalogue)

        let regions = try RegionsAndFootprints.regions(reference)
        let footprints = try RegionsAndFootprints.footprints(reference, merged: history.mergedFootprints)
        let organisations = try History2016.organisations(try Organisations.build(reference, footprints: footprints), history, footprints: footprints)
        let frameworks = try FrameworkAssembly.build(definitions, reference)
        var interventions = try InterventionHistory.build(reference, types: definitions.interventionTypes, organisations: organisations)
        let published = try PublishedSegments.decisions(reference, organisations: organisations, frameworks: frameworks)

        // No illustrative figure goes into the default store: only what is published, with its source. The
        // seeded generator (OversightDemo) makes the demonstration store at `oversight init --demo`.
        var scorecards: [Scorecard] = []
        PublishedSegments.apply(published, to: &scorecards)
        // The 2016 era: SOF 2016 segments the special measures record gives, and the CCG IAF ratings on record.
        let historic = try History2016.scorecards(history, reference, types: definitions.interventionTypes, organisations: organisations,
                                                  frameworks: frameworks, interventions: &interventions)
        if let clash = historic.first(where: { card in scorecards.contains { $0.id == card.id } }) {
            throw GeneratorError("\(clash.id) is both a published segment and one the 2016 record gives")
        }
        scorecards += historic

        let register = Dataset(regions: regions, footprints: footprints, organisations: organisations, frameworks: frameworks,
                               interventionTypes: definitions.interventionTypes, scorecards: scorecards, interventions: interventions)
        let imported = try PublishedFigures.importFolder(options.published, into: register)
        return Result(dataset: imported.dataset, report: imported.report, warnings: imported.warnings)
    }
}
