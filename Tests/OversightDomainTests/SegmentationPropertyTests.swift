import OversightTestSupport
import Testing
@testable import OversightDomain

@Suite("Segmentation: properties over many seeded random peer groups")
struct SegmentationPropertyTests {
    /// A random peer group: 5–14 trusts, 2–4 metrics of random direction, some with a standard or floor, some
    /// values missing, values drawn from a small range so that ties are common.
    static func randomGroup(_ random: inout SeededGenerator, bookends: Bool) -> (metrics: [MetricDefinition], organisations: [OrganisationInput]) {
        let metricCount = Int.random(in: 2...4, using: &random)
        let metrics = (0..<metricCount).map { m -> MetricDefinition in
            let direction: Direction = Bool.random(using: &random) ? .higherIsBetter : .lowerIsBetter
            var standard: Double?
            var floor: Double?
            if bookends && Bool.random(using: &random) {
                standard = direction == .higherIsBetter ? 16 : 4
            }
            if bookends && Bool.random(using: &random) {
                floor = direction == .higherIsBetter ? 3 : 17
            }
            let weight = m == 0 && Bool.random(using: &random) ? 1.0 / 3 : 1
            return Fixture.metric("m\(m)", theme: m % 2 == 0 ? "access" : "safety", direction, standard: standard, floor: floor, weight: weight)
        }
        let size = Int.random(in: 5...14, using: &random)
        let organisations = (0..<size).map { o -> OrganisationInput in
            var values: [String: MetricValue] = [:]
            for metric in metrics {
                values[metric.id.rawValue] = Int.random(in: 0..<10, using: &random) == 0
                    ? .suppressed : .number(Double(Int.random(in: 0...20, using: &random)))
            }
            return Fixture.org(Fixture.letter(o), values: values, deficit: Int.random(in: 0..<5, using: &random) == 0)
        }
        return (metrics, organisations)
    }

    @Test("Improving any metric never worsens the organisation's own metric score or raw score")
    func improvingNeverWorsens() throws {
        var random = SeededGenerator(seed: 2025)
        for trial in 0..<400 {
            let (metrics, organisations) = Self.randomGroup(&random, bookends: true)
            let o = Int.random(in: 0..<organisations.count, using: &random)
            let metric = metrics.randomElement(using: &random)!
            guard case .number(let value)? = organisations[o].values[metric.id] else { continue }
            let step = Double(Int.random(in: 1...8, using: &random))
            var improved = organisations
            improved[o].values[metric.id] = .number(metric.direction == .higherIsBetter ? value + step : value - step)
            let code = organisations[o].code.rawValue
            let before = try Fixture.segment(metrics, organisations).on(code)
            let after = try Fixture.segment(metrics, improved).on(code)
            let scoreBefore = try #require(before.metric(metric.id)?.score)
            let scoreAfter = try #require(after.metric(metric.id)?.score)
            #expect(scoreAfter <= scoreBefore, "trial \(trial): \(metric.id) \(value) → improved, score \(scoreBefore) → \(scoreAfter)")
            #expect(after.rawScore! <= before.rawScore!, "trial \(trial): raw \(before.rawScore!) → \(after.rawScore!)")
        }
    }

    @Test("Without standards or floors, applying any reachable suggestion always moves the organisation to the better quartile")
    func estimatedSuggestionsHoldWithoutBookends() throws {
        var random = SeededGenerator(seed: 7)
        var checked = 0
        for _ in 0..<150 {
            let (metrics, organisations) = Self.randomGroup(&random, bookends: false)
            let result = try Fixture.segment(metrics, organisations)
            for computation in result.organisations {
                guard let distance = computation.distance, distance.reachable else { continue }
                let after = try Fixture.segment(metrics, Self.applying(distance, to: computation.org, in: organisations))
                let quartile = try after.on(computation.org.rawValue).quartile!
                #expect(quartile <= distance.toQuartile,
                        "\(computation.org): quartile \(computation.quartile!) aimed at \(distance.toQuartile), got \(quartile) with \(distance.improvements)")
                checked += 1
            }
        }
        #expect(checked > 300, "enough plans were checked (\(checked))")
    }

    @Test("A confirmed distance, applied, always moves the organisation to the better quartile, standards and floors included")
    func confirmedSuggestionsHold() throws {
        var random = SeededGenerator(seed: 11)
        var checked = 0
        for _ in 0..<60 {
            let (metrics, organisations) = Self.randomGroup(&random, bookends: true)
            let input = SegmentationInput(metrics: metrics, rules: Fixture.rules, organisations: organisations)
            for org in organisations {
                guard let distance = try Segmentation.confirmedDistance(for: org.code, in: input), distance.reachable else { continue }
                #expect(distance.confirmedByRecomputing)
                let after = try Fixture.segment(metrics, Self.applying(distance, to: org.code, in: organisations))
                #expect(try after.on(org.code.rawValue).quartile! <= distance.toQuartile, "\(org.code): \(distance.improvements)")
                checked += 1
            }
        }
        #expect(checked > 150, "enough plans were checked (\(checked))")
    }

    @Test("No smaller set of metrics, each at its best, would reach the target")
    func fewestMetrics() throws {
        var random = SeededGenerator(seed: 99)
        for _ in 0..<60 {
            let (metrics, organisations) = Self.randomGroup(&random, bookends: false)
            let result = try Fixture.segment(metrics, organisations)
            for computation in result.organisations {
                guard let distance = computation.distance, distance.reachable, distance.improvements.count > 1 else { continue }
                let org = try #require(organisations.first { $0.code == computation.org })
                // Every subset smaller than the plan, each metric moved to the best value any peer holds.
                let scored = metrics.filter { computation.metric($0.id)?.counts == true }
                for mask in 1..<(1 << scored.count) where mask.nonzeroBitCount < distance.improvements.count {
                    var improved = org
                    for (i, metric) in scored.enumerated() where mask & (1 << i) != 0 {
                        let peers = organisations.compactMap { $0.values[metric.id]?.number }
                        improved.values[metric.id] = .number(metric.direction == .higherIsBetter ? peers.max()! : peers.min()!)
                    }
                    let trial = organisations.map { $0.code == org.code ? improved : $0 }
                    let own = try Fixture.segment(metrics, trial).on(org.code.rawValue).rawScore!
                    #expect(own > distance.targetScore, "\(org.code): \(mask.nonzeroBitCount) metrics reach \(own), within \(distance.targetScore)")
                }
            }
        }
    }

    static func applying(_ distance: DistanceToNextSegment, to code: OrgCode, in organisations: [OrganisationInput]) -> [OrganisationInput] {
        organisations.map { org in
            guard org.code == code else { return org }
            var improved = org
            for improvement in distance.improvements { improved.values[improvement.metric] = .number(improvement.to) }
            return improved
        }
    }
}
