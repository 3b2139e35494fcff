import OversightDomain

/// A generated dataset the size of the real one or larger (7 regions, 44 STPs, 42 ICSs, any number
/// of trusts, a NOF-like framework over ten quarters with decided segments, interventions and
/// notes), deterministic from a seed. For benchmarks and for screens at realistic sizes; the names
/// are made up and every record says so (provenance: illustrative).
public enum SyntheticDataset {
    public static let framework = FrameworkID("nof-synthetic")
    public static let judgement = FrameworkID("sof-synthetic")
    public static let firstQuarter = Period.quarter(2024, 1)
    public static let quarters = Period.quarters(from: .quarter(2024, 1), through: .quarter(2026, 2))
    static let made = Provenance(.illustrative, source: "SyntheticDataset")

    /// Organisations sit in ICSs round-robin; `oneFootprint` puts every trust in the first ICS
    /// (the benchmark's list of 10,000). `quarterCount` quarters end at 2026/27 Q2 (the default ten
    /// start at `firstQuarter`); `extraMetrics` adds generated metrics to the framework's twelve, for
    /// the depth benchmarks (issue 16: ten years of quarters, ~70 metric rows each).
    public static func make(trusts: Int = 207, seed: UInt64 = 42, oneFootprint: Bool = false, quarterCount: Int = 10,
                            extraMetrics: Int = 0) -> Dataset {
        var random = SeededGenerator(seed: seed)
        let quarters = Array(sequence(first: quarters[quarters.count - 1]) { $0.previous }.prefix(max(1, quarterCount)).reversed())
        let regionNames = ["London", "South West", "South East", "Midlands", "East of England", "North West",
                           "North East and Yorkshire"]
        let regions = regionNames.enumerated().map { i, name in
            Region(code: RegionCode("Y\(56 + i)"), name: name, era: .regions2020, validFrom: .ymd(2020, 4, 1), provenance: made)
        }
        let places = ["Avon", "Brook", "Calder", "Dale", "Eden", "Fern", "Glen", "Heath", "Isle", "Kent", "Lea", "Mere",
                      "Ness", "Ouse", "Pike", "Rye", "Stour", "Tees", "Usk", "Vale", "Wear", "Yare"]
        var footprints: [Footprint] = []
        for i in 0..<44 {
            let region = regions[i % regions.count].code
            let ics = FootprintID("Q\(format2(i % 42))")
            footprints.append(Footprint(id: FootprintID("E540000\(format2(i))"), era: .stp2016,
                                        name: "\(places[i % places.count]) and \(places[(i * 7 + 3) % places.count]) STP",
                                        region: region, onsCodes: [DatedCode(code: "E540000\(format2(i))")],
                                        validFrom: .ymd(2016, 3, 1), validTo: .ymd(2022, 6, 30),
                                        successors: [Succession(footprint: ics, kind: i < 42 ? .became : .merged, date: .ymd(2022, 7, 1), provenance: made)],
                                        provenance: made))
        }
        for i in 0..<42 {
            footprints.append(Footprint(id: FootprintID("Q\(format2(i))"), era: .ics2022,
                                        name: "\(places[i % places.count]) and \(places[(i * 7 + 3) % places.count]) ICS",
                                        region: regions[i % regions.count].code, onsCodes: [DatedCode(code: "E540001\(format2(i))")],
                                        odsCode: "Q\(format2(i))", validFrom: .ymd(2022, 7, 1), provenance: made))
        }
        let types: [ProviderType] = [.acute, .acute, .acute, .mentalHealth, .community, .ambulance, .acuteSpecialist, .mentalHealthAndCommunity]
        let kinds = ["Hospitals", "Teaching Hospitals", "Healthcare", "Care", "University Hospitals"]
        var organisations: [Organisation] = []
        for i in 0..<trusts {
            let ics = oneFootprint ? 0 : i % 42
            let stp = ics
            let type = types[i % types.count]
            var memberships = [Membership(footprint: FootprintID("Q\(format2(ics))"), from: .ymd(2022, 7, 1), provenance: made),
                               Membership(footprint: FootprintID("E540000\(format2(stp))"), from: .ymd(2017, 4, 1), to: .ymd(2022, 6, 30), provenance: made)]
            if type == .ambulance && !oneFootprint {
                memberships.append(Membership(footprint: FootprintID("Q\(format2((ics + 7) % 42))"), role: .serves, from: .ymd(2022, 7, 1), provenance: made))
            }
            let name = "\(places[(i * 5) % places.count]) \(places[(i * 11 + 1) % places.count]) \(kinds[i % kinds.count]) NHS \(i % 3 == 0 ? "Trust" : "Foundation Trust")"
            organisations.append(Organisation(code: OrgCode(code(i)), name: name, kind: i % 3 == 0 ? .nhsTrust : .foundationTrust,
                                              type: type, typeProvenance: i % 4 == 0 ? Provenance(.unverified, note: "researcher's classification") : made,
                                              region: regions[ics % regions.count].code, memberships: memberships, provenance: made))
        }
        let nof = nofFramework(from: min(quarters[0].start, .ymd(2024, 4, 1)), extraMetrics: extraMetrics)
        var scorecards: [Scorecard] = []
        var interventions: [Intervention] = []
        for (i, org) in organisations.enumerated() {
            var segment = 1 + Int(random.next() % 4)
            for (q, period) in quarters.enumerated() {
                var values: [MetricID: MetricValue] = [:]
                for metric in nof.metrics(for: org.peerGroup) {
                    let base = metric.standard ?? 50
                    let spread = max(1, abs(base) * 0.2)
                    let drift = Double(q) * (metric.direction == .higherIsBetter ? 0.3 : -0.05)
                    let value = base - spread + random.unit() * spread * 1.6 + drift
                    values[metric.id] = random.next() % 29 == 0 ? .missing : .number((value * 10).rounded() / 10)
                }
                if random.next() % 5 == 0 { segment = min(4, max(1, segment + (random.next() % 2 == 0 ? 1 : -1))) }
                let decided = (segment == 4 && i % 9 == 0) ? 5 : segment
                let computed = random.next() % 7 == 0 ? max(1, segment - 1) : segment
                scorecards.append(Scorecard(org: org.code, framework: framework, period: period, values: values,
                                            decision: SegmentDecision(segment: decided, basis: decided == computed ? .confirmed : .set,
                                                                      computed: computed, rationale: "Generated", decidedBy: "Regional oversight board",
                                                                      date: period.end.adding(days: 20), provenance: made),
                                            provenance: made))
            }
            if i % 6 == 0 {
                let start = CalendarDate.ymd(2019 + i % 5, 1 + i % 12, 1)
                let closed = i % 12 == 0
                interventions.append(Intervention(
                    id: InterventionID("int-\(org.code.rawValue)-1"), org: org.code, type: i % 4 == 0 ? "recovery-support-programme" : "enforcement-undertakings",
                    appliedBy: "NHS England", start: start, end: closed ? start.adding(days: 500) : nil, status: closed ? .closed : .active,
                    reason: "Finances and elective waits", exitCriteria: "Break-even plan agreed; 65-week waits cleared",
                    outcome: closed ? "Exit criteria met" : nil,
                    events: [InterventionEvent(id: "e1", date: start, text: "Entered", provenance: made),
                             InterventionEvent(id: "e2", date: start.adding(days: 90), text: "First review", recordedBy: "Improvement director", provenance: made)],
                    provenance: made))
            }
        }
        let judgementFramework = Framework(
            id: judgement, name: "Synthetic System Oversight Framework", shortName: "SOF synthetic", publisher: "NHS England",
            version: "1", inForceFrom: .ymd(2021, 7, 1), inForceTo: .ymd(2024, 3, 31), appliesTo: [.nhsTrust, .foundationTrust, .icb],
            themeNoun: "theme", themes: [Theme(id: "quality", name: "Quality of care", provenance: made)],
            segments: (1...4).map { SegmentDefinition(number: $0, label: "Segment \($0)", meaning: "") }, metrics: [],
            segmentation: SegmentationRules(method: .judgement), summary: "Judgement", provenance: made)
        for (i, org) in organisations.enumerated() where i % 2 == 0 {
            scorecards.append(Scorecard(org: org.code, framework: judgement, period: .quarter(2023, 4),
                                        decision: SegmentDecision(segment: 1 + i % 4, basis: .published, rationale: "Generated",
                                                                  decidedBy: "NHS England", date: .ymd(2024, 2, 1), provenance: made),
                                        provenance: made))
        }
        let interventionTypes = [
            InterventionType(id: "recovery-support-programme", name: "Recovery Support Programme", appliedBy: "NHS England",
                             segment: "SOF 2021/22 segment 4", provenance: made),
            InterventionType(id: "enforcement-undertakings", name: "Enforcement undertakings", appliedBy: "NHS England", provenance: made),
        ]
        let notes = organisations.prefix(20).enumerated().map { i, org in
            Note(id: NoteID("note-\(i)"), subject: .organisation(org.code), text: "Board discussed the quarter's position; actions agreed.",
                 author: "secretary", created: Timestamp(secondsSince1970: 1_750_000_000 + Int64(i) * 86_400))
        }
        return Dataset(regions: regions, footprints: footprints, organisations: organisations, frameworks: [nof, judgementFramework],
                       interventionTypes: interventionTypes, scorecards: scorecards, interventions: interventions, notes: notes)
    }

    static func code(_ i: Int) -> String {
        let letters = Array("ABCDEFGHJKLMNPQRSTUVWXYZ")
        return "R" + String(letters[(i / (24 * 24)) % 24]) + String(letters[(i / 24) % 24]) + String(letters[i % 24]) + (i >= 24 * 24 * 24 ? String(i) : "")
    }

    static func format2(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
    static func format3(_ n: Int) -> String { n < 10 ? "00\(n)" : n < 100 ? "0\(n)" : "\(n)" }

    public static func nofFramework(from start: CalendarDate = .ymd(2024, 4, 1), extraMetrics: Int = 0) -> Framework {
        func metric(_ id: String, _ name: String, _ theme: String, _ unit: MetricUnit, _ direction: Direction, standard: Double? = nil,
                    floor: Double? = nil, groups: [PeerGroup] = []) -> MetricDefinition {
            MetricDefinition(id: MetricID(id), name: name, theme: ThemeID(theme), unit: unit, direction: direction, standard: standard,
                             floor: floor, appliesTo: groups, definition: "\(name) (generated)", provenance: made)
        }
        return Framework(
            id: framework, name: "Synthetic Oversight Framework", shortName: "NOF synthetic", publisher: "NHS England", version: "1",
            inForceFrom: start, inForceTo: nil, appliesTo: [.nhsTrust, .foundationTrust], themeNoun: "domain",
            themes: [Theme(id: "access", name: "Access to services", provenance: made),
                     Theme(id: "effectiveness", name: "Effectiveness and experience", provenance: made),
                     Theme(id: "safety", name: "Patient safety", provenance: made),
                     Theme(id: "people", name: "People and workforce", provenance: made),
                     Theme(id: "finance", name: "Finance and productivity", provenance: made)],
            segments: [SegmentDefinition(number: 1, label: "No support needed", meaning: ""),
                       SegmentDefinition(number: 2, label: "Targeted support", meaning: ""),
                       SegmentDefinition(number: 3, label: "Mandated support", meaning: ""),
                       SegmentDefinition(number: 4, label: "Intensive support", meaning: ""),
                       SegmentDefinition(number: 5, label: "Provider Improvement Programme", meaning: "", decisionOnly: true)],
            metrics: [
                metric("OF0001", "A&E 4-hour performance", "access", .percent, .higherIsBetter, standard: 78, groups: [.acute]),
                metric("OF0002", "Elective waits under 18 weeks", "access", .percent, .higherIsBetter, standard: 65, groups: [.acute]),
                metric("OF0003", "Cancer 62-day performance", "access", .percent, .higherIsBetter, standard: 75, groups: [.acute]),
                metric("OF0004", "Category 2 ambulance response", "access", .minutes, .lowerIsBetter, standard: 30, groups: [.ambulance]),
                metric("OF0005", "Out-of-area placements", "access", .count, .lowerIsBetter, groups: [.nonAcute]),
                metric("OF0006", "Summary mortality (SHMI)", "effectiveness", .ratio, .lowerIsBetter, floor: 1.2),
                metric("OF0007", "Inpatient survey positive", "effectiveness", .percent, .higherIsBetter),
                metric("OF0008", "MRSA infections", "safety", .ratePer100k, .lowerIsBetter),
                metric("OF0009", "Staff sickness absence", "people", .percent, .lowerIsBetter),
                metric("OF0010", "Staff survey engagement", "people", .percent, .higherIsBetter),
                metric("OF0011", "Planned surplus or deficit", "finance", .poundsMillion, .higherIsBetter),
                metric("OF0012", "Agency spend share", "finance", .percent, .lowerIsBetter, standard: 3.2),
            ] + (0..<max(0, extraMetrics)).map { n in
                metric("OF9\(format3(n))", "Generated measure \(n + 1)", ["access", "effectiveness", "safety", "people", "finance"][n % 5],
                       .percent, n % 2 == 0 ? .higherIsBetter : .lowerIsBetter)
            },
            segmentation: SegmentationRules(method: .nofQuartiles, deficitOverride: DeficitOverride(fromSegments: [1, 2], to: 3),
                                            decisionOnlySegment: 5, decisionOnlyRequires: 4, nearBoundaryMargin: 0.05),
            summary: "Generated", provenance: made)
    }
}
