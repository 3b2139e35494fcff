import OversightDomain
import OversightTestSupport

/// Segmentation benchmark (release build): the NOF 2025/26 method on 10,000 organisations × 20
/// metrics (three peer groups; standards, floors, one-third weights, a given-score metric, 3% of
/// values missing or suppressed, deficits and PIP decisions), every distance to the next segment
/// included. Budget: 250 ms.
enum SegmentationBenchmarks {
    static func run() {
        let input = makeInput(organisations: 10_000, metrics: 20)
        var result: SegmentationResult?
        var measurement = Measurement("segmentation, 10,000 orgs x 20 metrics")
        for _ in 0..<9 {
            measurement.time { result = try? Segmentation.compute(input) }
        }
        measurement.report(budgetP99: 250)
        if let result {
            let segmented = result.organisations.filter { $0.segment != nil }.count
            print("  \(segmented) segmented, \(result.peerGroups.count) peer groups, \(result.problems.count) problems")
        }
    }

    static func makeInput(organisations: Int, metrics count: Int) -> SegmentationInput {
        var random = SeededGenerator(seed: 2025)
        let groups: [PeerGroup] = [.acute, .acute, .nonAcute, .ambulance]
        let metrics: [MetricDefinition] = (0..<count).map { i in
            let higher = i % 2 == 0
            let standard: Double? = i % 3 == 0 ? (higher ? 90 : 10) : nil
            let floor: Double? = i % 5 == 1 ? (higher ? 30 : 70) : nil
            return MetricDefinition(id: MetricID("m\(i)"), name: "metric \(i)", theme: ThemeID("d\(i % 5)"), unit: .percent,
                                    direction: higher ? .higherIsBetter : .lowerIsBetter, standard: standard, floor: floor,
                                    weight: i >= count - 3 ? 1.0 / 3 : 1, scoring: i == 7 ? .score : .ranked,
                                    appliesTo: i % 4 == 3 ? [.acute] : [], definition: "", provenance: Provenance(.illustrative))
        }
        let orgs: [OrganisationInput] = (0..<organisations).map { n in
            var values: [MetricID: MetricValue] = [:]
            for (i, metric) in metrics.enumerated() {
                let roll = random.next() % 100
                if roll < 2 { values[metric.id] = .missing; continue }
                if roll < 3 { values[metric.id] = .suppressed; continue }
                values[metric.id] = .number(i == 7 ? Double(1 + random.next() % 4) : Double(random.next() % 10_000) / 100)
            }
            var org = OrganisationInput(code: OrgCode("B\(n)"), peerGroup: groups[n % groups.count], values: values,
                                        reportsDeficit: random.next() % 4 == 0)
            if n % 97 == 0 { org.decision = .providerImprovementProgramme() }
            return org
        }
        return SegmentationInput(metrics: metrics, rules: SegmentationRules(
            method: .nofQuartiles, deficitOverride: DeficitOverride(fromSegments: [1, 2], to: 3),
            decisionOnlySegment: 5, decisionOnlyRequires: 4, nearBoundaryMargin: 0.05), organisations: orgs)
    }
}
