import Foundation
import OversightDomain

/// The 2016 era as it was (issue 12): every trust in its 2017 footprint from March 2016, the trusts
/// and CCGs of those years, their lineage, and what SOF 2016 and the CCG IAF are known to have said
/// of them. Everything here comes from data/reference, row by row; see data/README.md.
enum History2016 {
    /// The organisations `base` holds (the 2025 extract's trusts and the ICBs), with the trusts that
    /// closed since 2016, the care trusts, every trust's STP footprints and successors, and the CCGs.
    static func organisations(_ base: [Organisation], _ tables: HistoryTables, footprints: [Footprint]) throws -> [Organisation] {
        let historic = try TrustHistory.historicTrusts(tables.historicTrusts, footprints: footprints)
        let known = Set(base.map(\.code))
        for org in historic where known.contains(org.code) {
            throw GeneratorError("\(org.code) is both in trusts.csv and in trusts_closed_2016_2023.csv or care_trusts.csv")
        }
        var organisations = base + historic
        try TrustHistory.place(&organisations, tables, footprints: footprints)
        organisations += try CcgOrganisations.build(tables, footprints: footprints, existing: organisations)
        return organisations
    }

    /// SOF 2016 segments derived from the special measures record and the CCG IAF ratings on record;
    /// each special measures intervention that gave a segment is linked to the first it gave.
    static func scorecards(_ tables: HistoryTables, _ reference: ReferenceTables, types: [InterventionType],
                           organisations: [Organisation], frameworks: [Framework],
                           interventions: inout [Intervention]) throws -> [Scorecard] {
        let derived = try SOFSegmentFour.derive(tables.segmentRules, events: reference.interventionEvents, types: types,
                                                organisations: organisations, frameworks: frameworks)
        for i in interventions.indices where interventions[i].segmentDecision == nil {
            interventions[i].segmentDecision = derived.firstCard[interventions[i].id]
        }
        return derived.cards + (try IAFRatings.scorecards(tables.ccgRatings, organisations: organisations, frameworks: frameworks))
    }
}
