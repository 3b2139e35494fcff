import OversightConsole
import OversightDomain
import OversightTestSupport

/// Landscapes for the league table, computation and distance views.
///
/// `hand` is small enough to work out on paper. Five acute trusts (two regions, two ICSs), one
/// non-acute, two ambulance; four metrics (weights 1, 1, 1/3, 1) for two quarters; a judgement
/// framework beside it. In the later quarter, for the acute trusts:
///
/// | metric | rule | RAA | RBB | RCC | RDD | REE |
/// |---|---|---|---|---|---|---|
/// | std (higher, standard 90) | meet → 1; others 2.00–4.00 | 95 → 1.00 | 80 → 3.00 | 85 → 2.00 | 70 → 4.00 | 92 → 1.00 |
/// | floor (lower, floor 10) | fail → 4; others 1.00–3.00 | 12 → 4.00 | 5 → 1.00 | 8 → 2.33 | 9 → 3.00 | 7 → 1.67 |
/// | rank (higher, weight 1/3) | 1.00–4.00 | 45 → 1.75 | 50 → 1.00 | 40 → 2.50 | 10 → 4.00 | 20 → 3.25 |
/// | gap (lower) | 1.00–4.00 | missing | 3 → 2.00 | 2 → 1.00 | 5 → 4.00 | 4 → 3.00 |
///
/// RAA: (1 + 4 + 1.75/3) ÷ (1 + 1 + 1/3) = 5.5833 ÷ 2.3333 = 2.3929 → 2.39. The others: RBB 1.90,
/// RCC 1.85, RDD 3.70, REE 2.03. Sorted 1.85 1.90 2.03 2.39 3.70: Q1 1.90, median 2.03, Q3 2.39,
/// so RAA is in quartile 3, on Q3 (near a boundary). RAA and RBB report a deficit: RBB (quartile 1)
/// moves to segment 3, RAA (quartile 3) does not move. RDD (quartile 4) entered the Provider
/// Improvement Programme: segment 5. League: RCC 1, REE 2, RBB 3, RAA 4, RDD 5.
enum LeagueFixture {
    static let nof = FrameworkID("nof-hand")
    static let sof = FrameworkID("sof-hand")
    static let earlier = Period.quarter(2025, 1)
    static let later = Period.quarter(2025, 2)
    static let made = Provenance(.illustrative, source: "LeagueFixture")

    static let hand: Dataset = {
        let regions = [
            Region(code: "Y56", name: "London", era: .regions2020, validFrom: .ymd(2020, 4, 1), provenance: made),
            Region(code: "Y58", name: "South West", era: .regions2020, validFrom: .ymd(2020, 4, 1), provenance: made),
        ]
        let footprints = [
            Footprint(id: "QAA", era: .ics2022, name: "Riverside ICS", region: "Y56", onsCodes: [DatedCode(code: "E54000101")],
                      odsCode: "QAA", validFrom: .ymd(2022, 7, 1), provenance: made),
            Footprint(id: "QBB", era: .ics2022, name: "Moorland ICS", region: "Y58", onsCodes: [DatedCode(code: "E54000102")],
                      odsCode: "QBB", validFrom: .ymd(2022, 7, 1), provenance: made),
        ]
        func trust(_ code: String, _ name: String, _ type: ProviderType, _ ics: FootprintID, _ region: RegionCode) -> Organisation {
            Organisation(code: OrgCode(code), name: name, kind: .nhsTrust, type: type, region: region,
                         memberships: [Membership(footprint: ics, from: .ymd(2022, 7, 1), provenance: made)], provenance: made)
        }
        let organisations = [
            trust("RAA", "Riverside Hospitals NHS Trust", .acute, "QAA", "Y56"),
            trust("RBB", "Brookside Hospitals NHS Trust", .acute, "QAA", "Y56"),
            trust("RCC", "Moorland General NHS Trust", .acute, "QBB", "Y58"),
            trust("RDD", "Dale Valley Hospitals NHS Trust", .acute, "QBB", "Y58"),
            trust("REE", "Eastbank University Hospitals NHS Trust", .acute, "QAA", "Y56"),
            trust("RMM", "Moorland Mental Health NHS Trust", .mentalHealth, "QBB", "Y58"),
            trust("RXX", "Riverside Ambulance Service NHS Trust", .ambulance, "QAA", "Y56"),
            trust("RYY", "Moorland Ambulance Service NHS Trust", .ambulance, "QBB", "Y58"),
        ]
        // std, floor, rank, gap; nil is missing.
        let later: [(String, [Double?], FinancialPosition?, SegmentDecision?)] = [
            ("RAA", [95, 12, 45, nil], FinancialPosition(reportsDeficit: true, receivesDeficitSupport: false), nil),
            ("RBB", [80, 5, 50, 3], FinancialPosition(reportsDeficit: true, receivesDeficitSupport: false), nil),
            ("RCC", [85, 8, 40, 2], FinancialPosition(reportsDeficit: false, receivesDeficitSupport: false), nil),
            ("RDD", [70, 9, 10, 5], FinancialPosition(reportsDeficit: false, receivesDeficitSupport: false),
             SegmentDecision(segment: 5, basis: .set, computed: 4, rationale: "Entered the Provider Improvement Programme",
                             decidedBy: "NHS England", date: .ymd(2025, 10, 20), provenance: made)),
            ("REE", [92, 7, 20, 4], FinancialPosition(reportsDeficit: false, receivesDeficitSupport: false), nil),
            ("RMM", [91, 6, 30, 2], FinancialPosition(reportsDeficit: false, receivesDeficitSupport: false), nil),
            ("RXX", [88, 4, 60, 1], FinancialPosition(reportsDeficit: false, receivesDeficitSupport: false), nil),
            ("RYY", [75, 9, 30, 3], FinancialPosition(reportsDeficit: false, receivesDeficitSupport: false), nil),
        ]
        let ids: [MetricID] = ["std", "floor", "rank", "gap"]
        var scorecards: [Scorecard] = []
        for (code, numbers, finance, decision) in later {
            var values: [MetricID: MetricValue] = [:]
            for (id, number) in zip(ids, numbers) { values[id] = number.map(MetricValue.number) ?? .missing }
            scorecards.append(Scorecard(org: OrgCode(code), framework: nof, period: LeagueFixture.later, values: values, finance: finance,
                                        decision: decision, provenance: made))
            // The quarter before: the same, except RAA's ranked metric is the worst of its group.
            if code == "RAA" { values["rank"] = .number(5) }
            scorecards.append(Scorecard(org: OrgCode(code), framework: nof, period: earlier, values: values, finance: finance, provenance: made))
        }
        scorecards.append(Scorecard(org: "RAA", framework: sof, period: .quarter(2024, 4),
                                    decision: SegmentDecision(segment: 2, basis: .published, rationale: "Published", decidedBy: "NHS England",
                                                              date: .ymd(2025, 1, 15), provenance: made),
                                    provenance: made))
        return Dataset(regions: regions, footprints: footprints, organisations: organisations, frameworks: [framework(), judgement()],
                       scorecards: scorecards)
    }()

    static func framework() -> Framework {
        func metric(_ id: MetricID, _ name: String, _ direction: Direction, standard: Double? = nil, floor: Double? = nil,
                    weight: Double = 1) -> MetricDefinition {
            MetricDefinition(id: id, name: name, theme: "access", unit: .count, direction: direction, standard: standard, floor: floor,
                             weight: weight, decimals: 0, definition: name, provenance: made)
        }
        return Framework(
            id: nof, name: "Hand-worked Oversight Framework", shortName: "NOF hand", publisher: "NHS England", version: "1",
            inForceFrom: .ymd(2025, 4, 1), inForceTo: nil, appliesTo: [.nhsTrust, .foundationTrust], themeNoun: "domain",
            themes: [Theme(id: "access", name: "Access to services", provenance: made)],
            segments: (1...5).map { SegmentDefinition(number: $0, label: "Segment \($0)", meaning: "", decisionOnly: $0 == 5) },
            metrics: [
                metric("std", "Standard metric", .higherIsBetter, standard: 90),
                metric("floor", "Floor metric", .lowerIsBetter, floor: 10),
                metric("rank", "Ranked metric", .higherIsBetter, weight: 1.0 / 3),
                metric("gap", "Gappy metric", .lowerIsBetter),
            ],
            segmentation: SegmentationRules(method: .nofQuartiles, deficitOverride: DeficitOverride(fromSegments: [1, 2], to: 3),
                                            decisionOnlySegment: 5, decisionOnlyRequires: 4, nearBoundaryMargin: 0.05),
            summary: "Worked by hand", provenance: made)
    }

    static func judgement() -> Framework {
        Framework(id: sof, name: "Hand-worked System Oversight Framework", shortName: "SOF hand", publisher: "NHS England", version: "1",
                  inForceFrom: .ymd(2021, 7, 1), inForceTo: .ymd(2025, 3, 31), appliesTo: [.nhsTrust, .foundationTrust],
                  themeNoun: "theme", themes: [Theme(id: "quality", name: "Quality of care", provenance: made)],
                  segments: (1...4).map { SegmentDefinition(number: $0, label: "Segment \($0)", meaning: "") }, metrics: [],
                  segmentation: SegmentationRules(method: .judgement), summary: "Judgement", provenance: made)
    }

    static func state(_ size: Size = Size(width: 80, height: 24), dataset: Dataset = LeagueFixture.hand) -> AppState {
        AppState(dataset: dataset, today: ConsoleFixture.today, size: size, recorder: ConsoleFixture.recorder).fulfilled()
    }

    /// The screens' generated landscape with deficits on a few trusts in its latest quarter, so that
    /// snapshots show the override and the held distance.
    static let screens: Dataset = {
        var data = ConsoleFixture.dataset
        let latest = SyntheticDataset.quarters.last!
        for i in data.scorecards.indices where data.scorecards[i].period == latest && data.scorecards[i].framework == SyntheticDataset.framework {
            let deficit = ["RAAB", "RAAC", "RAAF", "RAAN"].contains(data.scorecards[i].org.rawValue)
            data.scorecards[i].finance = FinancialPosition(reportsDeficit: deficit, receivesDeficitSupport: false)
        }
        return data
    }()
}
