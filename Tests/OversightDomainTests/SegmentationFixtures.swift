import OversightTestSupport
import Testing
@testable import OversightDomain

/// Small builders so that each segmentation test states only what its rule is about.
enum Fixture {
    static let provenance = Provenance(.illustrative, source: "segmentation tests")

    /// NOF 2025/26's rules as data: 2 decimals, deficit override 1–2 → 3, segment 5 by decision on 4, margin 0.05.
    static let rules = SegmentationRules(method: .nofQuartiles, scoreDecimals: 2,
                                         deficitOverride: DeficitOverride(fromSegments: [1, 2], to: 3),
                                         decisionOnlySegment: 5, decisionOnlyRequires: 4, nearBoundaryMargin: 0.05)

    static func metric(_ id: String, theme: String = "access", _ direction: Direction = .higherIsBetter,
                       standard: Double? = nil, floor: Double? = nil, weight: Double = 1,
                       scoring: MetricScoring = .ranked, appliesTo: [PeerGroup] = []) -> MetricDefinition {
        MetricDefinition(id: MetricID(id), name: id, theme: ThemeID(theme), unit: .percent, direction: direction,
                         standard: standard, floor: floor, weight: weight, scoring: scoring, appliesTo: appliesTo,
                         decimals: 1, definition: "test metric \(id)", provenance: provenance)
    }

    /// A metric whose value is already the score, so a test can set raw scores directly.
    static let given = metric("given", scoring: .score)

    static func org(_ code: String, _ group: PeerGroup? = .acute, values: [String: MetricValue],
                    deficit: Bool = false, support: Bool = false, decision: RecordedDecision? = nil) -> OrganisationInput {
        var byMetric: [MetricID: MetricValue] = [:]
        for (id, value) in values { byMetric[MetricID(id)] = value }
        return OrganisationInput(code: OrgCode(code), peerGroup: group, values: byMetric, reportsDeficit: deficit,
                                 receivesDeficitSupport: support, decision: decision)
    }

    static func org(_ code: String, _ group: PeerGroup? = .acute, numbers: [String: Double],
                    deficit: Bool = false, support: Bool = false, decision: RecordedDecision? = nil) -> OrganisationInput {
        org(code, group, values: numbers.mapValues { MetricValue.number($0) }, deficit: deficit, support: support, decision: decision)
    }

    /// Organisations named A, B, C … in the acute group, one value each of metric `m`.
    static func lettered(_ values: [Double], metric: String = "m") -> [OrganisationInput] {
        values.enumerated().map { index, value in org(letter(index), numbers: [metric: value]) }
    }

    static func letter(_ index: Int) -> String {
        let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        return index < letters.count ? String(letters[index]) : "X\(index)"
    }

    static func segment(_ metrics: [MetricDefinition], _ organisations: [OrganisationInput],
                        rules: SegmentationRules = Fixture.rules) throws -> SegmentationResult {
        try Segmentation.compute(SegmentationInput(metrics: metrics, rules: rules, organisations: organisations))
    }

    /// Raw scores set directly through the `given` metric: ["A": 1.2, …].
    static func rawScores(_ scores: [(String, Double)], group: PeerGroup = .acute) -> [OrganisationInput] {
        scores.map { org($0.0, group, numbers: ["given": $0.1]) }
    }
}

extension SegmentationResult {
    /// The computation for a code, failing the test when it is absent.
    func on(_ code: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> SegmentComputation {
        try #require(organisation(OrgCode(code)), "no computation for \(code)", sourceLocation: sourceLocation)
    }

    /// Metric `m`'s score for each code, as numbers (nil when left out).
    func scores(of metric: String, _ codes: [String]) -> [Double?] {
        codes.map { organisation(OrgCode($0))?.metric(MetricID(metric))?.score?.value }
    }

    func segments(_ codes: [String]) -> [Int?] { codes.map { organisation(OrgCode($0))?.segment } }
}

/// A small dataset: two ICSs, a handful of trusts and an ICB, and a framework of either method.
enum DatasetFixture {
    static let p = Fixture.provenance
    static let period = Period.quarter(2025, 1)

    static func footprint(_ id: String, _ name: String) -> Footprint {
        Footprint(id: FootprintID(id), era: .ics2022, name: name, region: "Y60", onsCodes: [DatedCode(code: "E54" + id)],
                  odsCode: id, validFrom: .ymd(2022, 7, 1), provenance: p)
    }

    static func organisation(_ code: String, _ type: ProviderType?, kind: OrganisationKind = .foundationTrust,
                             memberships: [Membership]) -> Organisation {
        Organisation(code: OrgCode(code), name: "Trust \(code)", kind: kind, type: type, region: "Y60",
                     memberships: memberships, provenance: p)
    }

    static func member(_ footprint: String, _ role: Membership.Role = .primary, to: CalendarDate? = nil) -> Membership {
        Membership(footprint: FootprintID(footprint), role: role, to: to, provenance: p)
    }

    static func framework(_ id: String, method: SegmentationRules.Method, metrics: [MetricDefinition] = [Fixture.given],
                          financeScore: FinanceScoreRules? = nil) -> Framework {
        let rules = method == .nofQuartiles ? Fixture.rules : SegmentationRules(method: method)
        return Framework(id: FrameworkID(id), name: id, shortName: id, publisher: "NHS England", version: "1",
                         inForceFrom: .ymd(2016, 10, 1), inForceTo: nil, appliesTo: [.nhsTrust, .foundationTrust],
                         themeNoun: "domain", themes: [Theme(id: "access", name: "Access", provenance: p)],
                         segments: (1...5).map { SegmentDefinition(number: $0, label: "Segment \($0)", meaning: "", decisionOnly: $0 == 5) },
                         metrics: metrics, segmentation: rules, financeScore: financeScore, summary: "", provenance: p)
    }

    static func scorecard(_ org: String, _ framework: String, given: Double? = nil, period: Period = period,
                          finance: FinancialPosition? = FinancialPosition(reportsDeficit: false, receivesDeficitSupport: false),
                          decision: Int? = nil) -> Scorecard {
        Scorecard(org: OrgCode(org), framework: FrameworkID(framework), period: period,
                  values: given.map { ["given": MetricValue.number($0)] } ?? [:], finance: finance,
                  decision: decision.map { SegmentDecision(segment: $0, basis: .published, rationale: "published", decidedBy: "NHS England",
                                                           date: .ymd(2025, 9, 9), provenance: p) },
                  provenance: p)
    }
}
