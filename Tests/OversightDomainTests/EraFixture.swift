import OversightDomain

/// A small 2016-era world: two 2016 regions and one 2020 region, two STP footprints that merge into a
/// third which becomes an ICS, two trusts, two CCGs (one merging into the other, which passes to the
/// ICB), SOF 2016 and the CCG IAF with a segment, a rating and an intervention on record.
enum EraFixture {
    static let sourced = Provenance(.sourced, source: "era tests")
    static let derived = Provenance(.sourced, source: "era tests", derivation: "applied back to March 2016")

    static func date(_ text: String) -> CalendarDate { try! CalendarDate.parse(text) }

    static let regions = [
        Region(code: "Y54", name: "North", era: .regions2016, validFrom: .ymd(2013, 4, 1), validTo: .ymd(2020, 3, 31), provenance: sourced),
        Region(code: "Y57", name: "South", era: .regions2016, validFrom: .ymd(2013, 4, 1), validTo: .ymd(2020, 3, 31), provenance: sourced),
        Region(code: "Y63", name: "North East and Yorkshire", era: .regions2020, validFrom: .ymd(2020, 4, 1), formerRegion: "Y54", provenance: sourced),
    ]

    static let footprints = [
        Footprint(id: "E1", era: .stp2016, name: "North A", region: "Y63", region2016: "Y54", onsCodes: [DatedCode(code: "E1")],
                  validFrom: date("2016-03"), validTo: date("2018-08"),
                  successors: [Succession(footprint: "E9", kind: .merged, date: date("2018-08"), provenance: sourced)], provenance: sourced),
        Footprint(id: "E2", era: .stp2016, name: "North B", region: "Y63", region2016: "Y54", onsCodes: [DatedCode(code: "E2")],
                  validFrom: date("2016-03"), validTo: date("2018-08"),
                  successors: [Succession(footprint: "E9", kind: .merged, date: date("2018-08"), provenance: sourced),
                               Succession(footprint: "Q1", kind: .partMoved, date: .ymd(2022, 7, 1), provenance: sourced)],
                  provenance: sourced),
        Footprint(id: "E9", era: .stp2016, name: "North merged", region: "Y63", region2016: "Y54", onsCodes: [DatedCode(code: "E9")],
                  validFrom: date("2018-08"), validTo: .ymd(2022, 6, 30),
                  successors: [Succession(footprint: "Q1", kind: .became, date: .ymd(2022, 7, 1), provenance: sourced)], provenance: sourced),
        Footprint(id: "Q1", era: .ics2022, name: "North ICS", region: "Y63", onsCodes: [DatedCode(code: "E50")], odsCode: "Q1",
                  validFrom: .ymd(2022, 7, 1), provenance: sourced),
    ]

    static let organisations = [
        Organisation(code: "RA1", name: "Alpha Hospitals NHS Trust", kind: .nhsTrust, type: .acute, region: "Y63",
                     memberships: [Membership(footprint: "E1", from: date("2016-03"), to: .ymd(2017, 3, 31), provenance: derived),
                                   Membership(footprint: "E1", from: .ymd(2017, 4, 1), to: date("2018-08"), provenance: sourced),
                                   Membership(footprint: "E9", from: date("2018-08"), to: .ymd(2022, 6, 30), provenance: derived),
                                   Membership(footprint: "Q1", from: .ymd(2022, 7, 1), provenance: sourced)],
                     provenance: sourced),
        Organisation(code: "RB2", name: "Beta Mental Health NHS Foundation Trust", kind: .foundationTrust, type: .mentalHealth, region: "Y63",
                     memberships: [Membership(footprint: "E1", from: date("2016-03"), to: date("2018-08"), provenance: derived),
                                   Membership(footprint: "E2", role: .serves, from: date("2016-03"), to: date("2018-08"), provenance: derived)],
                     provenance: sourced),
        Organisation(code: "TAX", name: "Care Trust Unplaced", kind: .foundationTrust, type: .mentalHealth, region: "Y63",
                     memberships: [], provenance: sourced),
        Organisation(code: "01A", name: "NHS Alpha CCG", kind: .ccg, type: nil, region: "Y63",
                     memberships: [Membership(footprint: "E1", from: date("2016-03"), to: .ymd(2018, 3, 31), provenance: derived)],
                     opened: .ymd(2013, 4, 1), closed: .ymd(2018, 3, 31), provenance: sourced,
                     successors: [OrganisationSuccession(org: "02B", kind: .merged, date: .ymd(2018, 4, 1), provenance: sourced)]),
        Organisation(code: "02B", name: "NHS Beta CCG", kind: .ccg, type: nil, region: "Y63",
                     memberships: [Membership(footprint: "E1", from: date("2016-03"), to: date("2018-08"), provenance: derived),
                                   Membership(footprint: "E9", from: date("2018-08"), to: .ymd(2022, 6, 30), provenance: sourced)],
                     opened: .ymd(2013, 4, 1), closed: .ymd(2022, 6, 30), provenance: sourced,
                     successors: [OrganisationSuccession(org: "Q1", kind: .merged, date: .ymd(2022, 7, 1), provenance: sourced)]),
        Organisation(code: "Q1", name: "NHS North ICB", kind: .icb, type: nil, region: "Y63",
                     memberships: [Membership(footprint: "Q1", from: .ymd(2022, 7, 1), provenance: sourced)],
                     opened: .ymd(2022, 7, 1), provenance: sourced),
    ]

    static let sof = Framework(
        id: "sof-2016", name: "Single Oversight Framework", shortName: "SOF 2016", publisher: "NHS Improvement", version: "1",
        inForceFrom: date("2016-10"), inForceTo: date("2019"), appliesTo: [.nhsTrust, .foundationTrust], themeNoun: "theme",
        themes: [], segments: (1...4).map { SegmentDefinition(number: $0, label: "segment \($0)", meaning: "") }, metrics: [],
        segmentation: SegmentationRules(method: .judgement, scoreDecimals: 2), summary: "", provenance: sourced)

    static let iaf = Framework(
        id: "ccg-iaf-2016", name: "CCG Improvement and Assessment Framework", shortName: "CCG IAF", publisher: "NHS England",
        version: "1", inForceFrom: date("2016-04"), inForceTo: date("2019-03"), appliesTo: [.ccg], themeNoun: "domain",
        themes: [], segments: [], ratings: [RatingDefinition(id: "good", label: "Good", rank: 2)], metrics: [],
        segmentation: SegmentationRules(method: .ratings, scoreDecimals: 2), summary: "", provenance: sourced)

    static let segmentFour = SegmentDecision(
        segment: 4, basis: .published, rationale: "In special measures", decidedBy: "NHS Improvement", date: .ymd(2016, 10, 1),
        provenance: Provenance(.sourced, source: "https://example.org/rule", derivation: "derived from the special measures record"))

    static let scorecards = [
        Scorecard(org: "RA1", framework: "sof-2016", period: .quarter(2016, 3), decision: segmentFour, provenance: segmentFour.provenance),
        Scorecard(org: "02B", framework: "ccg-iaf-2016", period: Period(financialYear: 2016), rating: "good",
                  provenance: Provenance(.sourced, source: "https://example.org/ratings")),
    ]

    static let interventions = [
        Intervention(id: "RA1-fsm", org: "RA1", type: "financial-special-measures", appliedBy: "NHS Improvement", start: date("2016-07"),
                     end: date("2017-02"), status: .closed, reason: "", exitCriteria: "", provenance: sourced),
        Intervention(id: "02B-dir", org: "02B", type: "directions", appliedBy: "NHS England", start: date("2017-10"),
                     status: .active, reason: "", exitCriteria: "", provenance: sourced),
    ]

    static let types = ["financial-special-measures", "directions"].map {
        InterventionType(id: InterventionTypeID($0), name: $0, appliedBy: "NHS England", provenance: sourced)
    }

    static let dataset = Dataset(regions: regions, footprints: footprints, organisations: organisations, frameworks: [sof, iaf],
                                 interventionTypes: types, scorecards: scorecards, interventions: interventions)
}
