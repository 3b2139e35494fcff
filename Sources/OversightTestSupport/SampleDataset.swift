import OversightDomain

/// A small, hand-made dataset with one of everything, for tests that need real records but not
/// the whole country: two regions, an STP that became an ICS, an acute trust, a mental health
/// trust and an ICB, a NOF-style framework with three metrics and a judgement framework.
public enum SampleDataset {
    public static let q1 = Period.quarter(2025, 1)
    public static let q2 = Period.quarter(2025, 2)
    static let sourced = Provenance(.sourced, source: "test fixture")

    public static let nof = FrameworkID("nof-test")
    public static let sof = FrameworkID("sof-test")
    public static let acute = OrgCode("RAA")
    public static let mentalHealth = OrgCode("RBB")
    public static let icb = OrgCode("QAA")
    public static let stp = FootprintID("E54000001")
    public static let ics = FootprintID("QAA")

    public static func make() -> Dataset {
        let regions = [
            Region(code: "Y01", name: "North", era: .regions2016, validFrom: .ymd(2016, 4, 1), validTo: .ymd(2020, 3, 31), provenance: sourced),
            Region(code: "Y62", name: "North West", era: .regions2020, validFrom: .ymd(2020, 4, 1), formerRegion: "Y01", provenance: sourced),
        ]
        let footprints = [
            Footprint(id: stp, era: .stp2016, name: "Lancashire and South Cumbria", region: "Y62", region2016: "Y01",
                      onsCodes: [DatedCode(code: "E54000001")], validFrom: .ymd(2016, 3, 1), validTo: .ymd(2022, 6, 30),
                      successors: [Succession(footprint: ics, kind: .became, date: .ymd(2022, 7, 1), provenance: sourced)],
                      provenance: sourced),
            Footprint(id: ics, era: .ics2022, name: "Lancashire and South Cumbria ICS", region: "Y62",
                      onsCodes: [DatedCode(code: "E54000048", from: .ymd(2022, 7, 1))], odsCode: "QAA",
                      validFrom: .ymd(2022, 7, 1), provenance: sourced),
        ]
        let organisations = [
            Organisation(code: acute, name: "Riverside Hospitals NHS Foundation Trust", kind: .foundationTrust, type: .acute,
                         region: "Y62", memberships: [Membership(footprint: ics, from: .ymd(2022, 7, 1), provenance: sourced),
                                                      Membership(footprint: stp, from: .ymd(2017, 4, 1), to: .ymd(2022, 6, 30), provenance: sourced)],
                         provenance: sourced),
            Organisation(code: mentalHealth, name: "Hillside Mental Health NHS Trust", kind: .nhsTrust, type: .mentalHealth,
                         region: "Y62", memberships: [Membership(footprint: ics, from: .ymd(2022, 7, 1), provenance: sourced)],
                         provenance: sourced),
            Organisation(code: icb, name: "NHS Lancashire and South Cumbria Integrated Care Board", kind: .icb, type: nil,
                         region: "Y62", memberships: [Membership(footprint: ics, from: .ymd(2022, 7, 1), provenance: sourced)],
                         provenance: sourced),
        ]
        let frameworks = [nofFramework(), sofFramework()]
        let types = [
            InterventionType(id: "recovery-support-programme", name: "Recovery Support Programme", appliedBy: "NHS England",
                             segment: "SOF 2021/22 segment 4", provenance: sourced),
            InterventionType(id: "enforcement-undertakings", name: "Enforcement undertakings", appliedBy: "NHS England", provenance: sourced),
        ]
        let scorecards = [
            Scorecard(org: acute, framework: nof, period: q1, values: ["ae": .number(72.5), "rtt": .number(58.1), "sick": .number(5.2)],
                      finance: FinancialPosition(reportsDeficit: true, receivesDeficitSupport: false), provenance: sourced),
            Scorecard(org: acute, framework: nof, period: q2, values: ["ae": .number(74.0), "rtt": .missing, "sick": .suppressed],
                      provenance: sourced),
            Scorecard(org: mentalHealth, framework: nof, period: q1, values: ["sick": .number(4.1)], provenance: sourced),
            Scorecard(org: acute, framework: sof, period: .quarter(2024, 4),
                      decision: SegmentDecision(segment: 3, basis: .published, rationale: "Mandated support for finances",
                                                decidedBy: "NHS England", date: .ymd(2025, 1, 15), provenance: sourced),
                      provenance: sourced),
        ]
        let interventions = [
            Intervention(id: "int-RAA-rsp", org: acute, type: "recovery-support-programme", appliedBy: "NHS England",
                         start: try! CalendarDate.parse("2023-05"), status: .active, reason: "Finances and elective waits",
                         exitCriteria: "Break-even plan agreed; 65-week waits cleared",
                         events: [InterventionEvent(id: "e1", date: try! CalendarDate.parse("2023-05"), text: "Entered the programme", provenance: sourced)],
                         provenance: sourced),
        ]
        return Dataset(regions: regions, footprints: footprints, organisations: organisations, frameworks: frameworks,
                       interventionTypes: types, scorecards: scorecards, interventions: interventions)
    }

    public static func nofFramework() -> Framework {
        Framework(id: nof, name: "Test Oversight Framework", shortName: "NOF test", publisher: "NHS England", version: "1",
                  inForceFrom: .ymd(2025, 4, 1), inForceTo: nil, appliesTo: [.nhsTrust, .foundationTrust], themeNoun: "domain",
                  themes: [Theme(id: "access", name: "Access to services", provenance: sourced),
                           Theme(id: "people", name: "People and workforce", provenance: sourced)],
                  segments: (1...5).map { SegmentDefinition(number: $0, label: "Segment \($0)", meaning: "meaning \($0)", decisionOnly: $0 == 5) },
                  metrics: [
                    MetricDefinition(id: "ae", name: "A&E 4-hour", theme: "access", unit: .percent, direction: .higherIsBetter,
                                     standard: 95, appliesTo: [.acute], definition: "Seen within four hours", provenance: sourced),
                    MetricDefinition(id: "rtt", name: "RTT 18 weeks", theme: "access", unit: .percent, direction: .higherIsBetter,
                                     standard: 92, appliesTo: [.acute], definition: "Waiting under 18 weeks", provenance: sourced),
                    MetricDefinition(id: "sick", name: "Sickness absence", theme: "people", unit: .percent, direction: .lowerIsBetter,
                                     definition: "Staff sickness rate", provenance: sourced),
                  ],
                  segmentation: SegmentationRules(method: .nofQuartiles, deficitOverride: DeficitOverride(fromSegments: [1, 2], to: 3),
                                                  decisionOnlySegment: 5, decisionOnlyRequires: 4, nearBoundaryMargin: 0.05),
                  summary: "A framework for tests", provenance: sourced)
    }

    public static func sofFramework() -> Framework {
        Framework(id: sof, name: "Test System Oversight Framework", shortName: "SOF test", publisher: "NHS England", version: "1",
                  inForceFrom: .ymd(2021, 7, 1), inForceTo: .ymd(2025, 3, 31), appliesTo: [.nhsTrust, .foundationTrust, .icb],
                  themeNoun: "theme", themes: [Theme(id: "quality", name: "Quality of care", provenance: sourced)],
                  segments: (1...4).map { SegmentDefinition(number: $0, label: "Segment \($0)", meaning: "meaning \($0)") },
                  metrics: [], segmentation: SegmentationRules(method: .judgement), summary: "Judgement", provenance: sourced)
    }

    /// A note on the acute trust, for edits.
    public static func note(_ id: String = "n-1", text: String = "Discussed elective recovery", at seconds: Int64 = 1_750_000_000) -> Note {
        Note(id: NoteID(id), subject: .organisation(acute), text: text, author: "secretary", created: Timestamp(secondsSince1970: seconds))
    }
}
