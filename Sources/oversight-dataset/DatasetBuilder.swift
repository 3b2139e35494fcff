import Foundation
import OversightDomain

/// The whole pipeline: reference facts and hand-written definitions in, a validated dataset out.
struct DatasetBuilder {
    let options: GeneratorOptions

    func build() throws -> Dataset {
        let reference = try ReferenceTables.read(from: URL(fileURLWithPath: options.reference))
        let definitions = try SourceDefinitions.read(from: URL(fileURLWithPath: options.source), catalogue: reference.catalogue)

        let regions = try RegionsAndFootprints.regions(reference)
        let footprints = try RegionsAndFootprints.footprints(reference)
        let organisations = try Organisations.build(reference, footprints: footprints)
        let frameworks = try FrameworkAssembly.build(definitions, reference)
        let interventions = try InterventionHistory.build(reference, types: definitions.interventionTypes, organisations: organisations)
        let published = try PublishedSegments.decisions(reference, organisations: organisations, frameworks: frameworks)

        // No illustrative figure goes into the default store: only what is published, with its source. The
        // seeded generator (OversightDemo) makes the demonstration store at `oversight init --demo`.
        var scorecards: [Scorecard] = []
        PublishedSegments.apply(published, to: &scorecards)

        return Dataset(regions: regions, footprints: footprints, organisations: organisations, frameworks: frameworks,
                       interventionTypes: definitions.interventionTypes, scorecards: scorecards, interventions: interventions)
    }
}
