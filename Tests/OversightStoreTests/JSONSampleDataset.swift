import OversightDomain

/// A small dataset touching every record type and the awkward values: bespoke scoring brackets,
/// missing and suppressed metric values, optional fields set and unset, non-ASCII text.
enum JSONSampleDataset {
    static let illustrative = Provenance(.illustrative, source: "test fixture", note: "made up for the JSON round trip")

    static var dataset: Dataset {
        let region = Region(code: "Y62", name: "North West", era: .regions2020, validFrom: .ymd(2020, 4, 1),
                            formerRegion: "Y54", provenance: Provenance(.sourced, source: "ODS"))
        let footprint = Footprint(id: "QOP", era: .ics2022, name: "Greater Manchester", region: "Y62",
                                  onsCodes: [DatedCode(code: "E54000057", from: .ymd(2022, 7, 1))], odsCode: "QOP",
                                  validFrom: .ymd(2022, 7, 1),
                                  successors: [], provenance: illustrative)
        let organisation = Organisation(code: "R0A", name: "Manchester University NHS Foundation Trust",
                                        odsName: "MANCHESTER UNIVERSITY NHS FOUNDATION TRUST", kind: .foundationTrust,
                                        type: .acute, typeProvenance: Provenance(.unverified, note: "researcher’s classification"),
                                        region: "Y62",
                                        memberships: [Membership(footprint: "QOP", from: .ymd(2022, 7, 1), provenance: illustrative)],
                                        opened: try? CalendarDate(year: 2017, month: 10), provenance: illustrative)
        let ranked = MetricDefinition(id: "OF0023", name: "A&E 4-hour performance", theme: "access", unit: .percent,
                                      direction: .higherIsBetter, standard: 78, floor: 60, weight: 1, scoring: .ranked,
                                      appliesTo: [.acute], decimals: 1, definition: "Patients seen within 4 hours",
                                      provenance: illustrative)
        let bespoke = MetricDefinition(id: "OF0040", name: "CQC safe rating", theme: "safety", unit: .rating,
                                       direction: .lowerIsBetter, weight: 1.0 / 3.0,
                                       scoring: .bespoke([
                                           Bracket(below: 1.5, score: 1, label: "Outstanding"),
                                           Bracket(atLeast: 1.5, below: 2.5, score: 2),
                                           Bracket(atLeast: 2.5, score: 4, label: "Inadequate"),
                                       ]),
                                       decimals: 0, definition: "Safe domain rating", provenance: illustrative)
        let framework = Framework(id: "nof-2025-26", name: "NHS Oversight Framework 2025/26", shortName: "NOF 2025/26",
                                  publisher: "NHS England", version: "1", inForceFrom: .ymd(2025, 4, 1), inForceTo: nil,
                                  appliesTo: [.nhsTrust, .foundationTrust], themeNoun: "domain",
                                  themes: [Theme(id: "access", name: "Access", provenance: illustrative),
                                           Theme(id: "safety", name: "Safety", provenance: illustrative)],
                                  segments: [SegmentDefinition(number: 1, label: "High performing", meaning: "…"),
                                             SegmentDefinition(number: 5, label: "Recovery Support Programme",
                                                               meaning: "Intensive support", decisionOnly: true)],
                                  metrics: [ranked, bespoke],
                                  segmentation: SegmentationRules(method: .nofQuartiles, scoreDecimals: 2,
                                                                  deficitOverride: DeficitOverride(fromSegments: [1, 2], to: 3),
                                                                  decisionOnlySegment: 5, decisionOnlyRequires: 4,
                                                                  nearBoundaryMargin: 0.05),
                                  summary: "Segments 1–5", provenance: illustrative)
        let scorecard = Scorecard(org: "R0A", framework: "nof-2025-26", period: .quarter(2025, 1),
                                  values: ["OF0023": .number(72.35), "OF0040": .number(2), "OF0050": .missing,
                                           "OF0060": .suppressed, "OF0070": .notApplicable, "OF0080": .number(-0.125)],
                                  themeRatings: ["access": "requires improvement"],
                                  finance: FinancialPosition(reportsDeficit: true, receivesDeficitSupport: false),
                                  decision: SegmentDecision(segment: 3, basis: .confirmed, computed: 3,
                                                            rationale: "Deficit override applies.\nSee minutes.",
                                                            decidedBy: "Regional board", date: .ymd(2025, 7, 15),
                                                            provenance: .recorded),
                                  provenance: illustrative)
        let intervention = Intervention(id: "int-1", org: "R0A", type: "undertakings", appliedBy: "NHS England",
                                        start: .ymd(2025, 8, 1), status: .active, reason: "Financial recovery",
                                        exitCriteria: "Break-even for two quarters",
                                        events: [InterventionEvent(id: "ev-1", date: .ymd(2025, 8, 2), text: "Letter sent — £2.1m plan",
                                                                   recordedBy: "Secretary", provenance: .recorded)],
                                        segmentDecision: ScorecardID(org: "R0A", framework: "nof-2025-26", period: .quarter(2025, 1)),
                                        provenance: illustrative)
        let note = Note(id: "n-1", subject: .organisation("R0A"), text: "Board asked for a 国 é £ check",
                        author: "A. Secretary", created: Timestamp(secondsSince1970: 1_763_942_400))
        let action = Action(id: "a-1", subject: .meeting("2025-07-15 regional board"), text: "Report back",
                            owner: "Director of Finance", due: .ymd(2025, 9, 30), created: Timestamp(secondsSince1970: 1_763_942_460))
        return Dataset(regions: [region], footprints: [footprint], organisations: [organisation], frameworks: [framework],
                       interventionTypes: [InterventionType(id: "undertakings", name: "Enforcement undertakings",
                                                            appliedBy: "NHS England", provenance: illustrative)],
                       scorecards: [scorecard], interventions: [intervention], notes: [note], actions: [action])
    }
}
