import OversightDomain

// One struct per reference table, typed and checked: the rest of the generator never sees a CSV cell.

/// regions.csv: an NHS England region of one era.
struct RegionRow {
    let code: RegionCode
    let odsCode: String
    let name: String
    let era: Region.Era
    let validFrom: CalendarDate
    let validTo: CalendarDate?
    let provenance: Provenance
}

/// stp_footprints_2016.csv: one of the 44 STP footprints.
struct StpRow {
    let code: FootprintID
    let name: String
    let region: RegionCode
    /// Derived from the 2020 region, not sourced.
    let region2016: RegionCode
    let laterOnsCodes: [String]
    let successorICB: FootprintID
    let provenance: Provenance
}

/// footprint_lineage.csv: a merger or boundary change beyond "STP became ICS".
struct LineageRow {
    let from: FootprintID
    let to: FootprintID
    let kind: Succession.Kind
    let date: CalendarDate
    let provenance: Provenance
}

/// icbs_2022.csv: one of the 42 ICBs and its ICS.
struct IcbRow {
    let code: OrgCode
    let onsCodeAtStart: String
    let onsCodeNow: String
    let name: String
    let region: RegionCode
    let predecessorCode: String
    let predecessorName: String
    let established: CalendarDate
    let provenance: Provenance
}

/// trusts.csv: one of the 207 trusts. (Its 2017 footprint is in trust_footprints_2017.csv.)
struct TrustRow {
    let code: OrgCode
    let odsName: String
    let isFoundationTrust: Bool
    let region: RegionCode
    let icb: FootprintID
    let type: ProviderType
    let typeBasis: String
    let opened: CalendarDate?
    let closed: CalendarDate?
    let provenance: Provenance
}

/// ambulance_coverage.csv: an ICS an ambulance trust also serves.
struct AmbulanceCoverageRow {
    let trust: OrgCode
    let icb: FootprintID
    let provenance: Provenance
}

/// intervention_events.csv: one dated event of one intervention.
struct InterventionEventRow {
    let intervention: InterventionID
    let orgAtTime: String
    let nameAtTime: String
    let recordUnder: OrgCode
    let type: InterventionTypeID
    let appliedBy: String?
    let event: EventKind
    let date: CalendarDate
    let reason: String?
    let exitCriteria: String?
    /// When the organisation of the time ceased (merged or acquired), if the source says.
    let orgEnded: CalendarDate?
    let note: String?
    let provenance: Provenance

    enum EventKind: String, CaseIterable {
        /// Recommended (by CQC) but not yet entered: an intervention with no entry stays proposed.
        case recommended
        case entered
        case reEntered = "re-entered"
        case exited
        case remained
        case reported
    }
}

/// segment_decisions.csv: a segment from the public record.
struct PublishedDecisionRow {
    let org: OrgCode
    let orgName: String
    let framework: FrameworkID
    let period: Period
    let segment: Int
    let decidedBy: String
    let date: CalendarDate
    let rationale: String
    let provenance: Provenance
}

/// nof_2025_26_positions.csv: a trust's place in a published league table.
struct LeaguePositionRow {
    let code: OrgCode
    let trustName: String
    let table: PeerGroup
    let period: Period
    let rank: Int?
    let qualifier: String?
    let tableSize: Int?
    let listPosition: Int?
    let reportsDeficit: Bool
    let receivesDeficitSupport: Bool
    let provenance: Provenance
}

/// ccg_iaf_indicators.csv: an indicator of the CCG IAF.
struct CcgIndicatorRow {
    let id: MetricID
    let name: String
    let domain: String
    let provenance: Provenance
}
