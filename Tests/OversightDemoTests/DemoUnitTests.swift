@testable import OversightDemo
import OversightDomain
import OversightTestSupport
import Testing

/// The generator writes only what a store accepts: each value is cut to what its metric's unit admits
/// (`MetricUnit.admissibleRange`), and every metric's plausible values fit its unit, so the cut never
/// flattens them.
@Suite("Demonstration values and metric units")
struct DemoUnitTests {
    static let nof = DemoDataset.base.framework(DemoDataset.nof)!

    /// The range a model draws in, before any cut.
    static func plausibleRange(_ model: MetricModel) -> ClosedRange<Double>? {
        let finance = DemoParameters.standard.finance
        let spreads: [Spread]
        switch model.draw {
        case .measured(let bySpread), .skewed(let bySpread): spreads = Array(bySpread.values)
        case .rateOrCount(let rate, let count, _): spreads = [rate, count]
        case .plannedPosition: spreads = Array(finance.plan.values)
        case .planVariance: spreads = Array(finance.variance.values)
        case .score: return 1...4
        }
        return spreads.map(\.min).min()!...spreads.map(\.max).max()!
    }

    @Test("every metric's plausible values fit its unit")
    func plausibleValuesFitTheUnit() throws {
        for model in DemoParameters.standard.metrics {
            let metric = try #require(Self.nof.metric(model.id))
            let range = try #require(Self.plausibleRange(model))
            #expect(metric.unit.admissibleRange.contains(range.lowerBound) && metric.unit.admissibleRange.contains(range.upperBound),
                    "\(model.id) draws \(range) but its unit, \(metric.unit.rawValue), admits \(metric.unit.admissibleRange)")
        }
    }

    @Test("a value is cut to its unit, never written outside it")
    func cutToTheUnit() {
        let percent = MetricDefinition(id: "p", name: "p", theme: "t", unit: .percent, direction: .higherIsBetter, decimals: 2,
                                       definition: "", provenance: Provenance(.illustrative))
        let score = MetricDefinition(id: "s", name: "s", theme: "t", unit: .score, direction: .higherIsBetter, decimals: 2,
                                     definition: "", provenance: Provenance(.illustrative))
        let generator = IllustrativeScorecards(parameters: .standard, framework: Self.nof, draws: Draws(seed: 1),
                                               finance: FinanceModel(parameters: DemoParameters.standard.finance, anchor: .quarter(2025, 1), draws: Draws(seed: 1)),
                                               provenanceSource: "test")
        #expect(generator.admissible(-3.456, percent) == 0)
        #expect(generator.admissible(104.2, percent) == 100)
        #expect(generator.admissible(55.555, percent) == 55.56)
        #expect(generator.admissible(6.42, score) == 4)
        for unit in MetricUnit.allCases {
            let range = unit.admissibleRange
            #expect(DatasetValidator.rangeProblem(range.lowerBound, unit: unit) == nil, "\(unit)")
            #expect(DatasetValidator.rangeProblem(range.upperBound, unit: unit) == nil, "\(unit)")
            if range.lowerBound > -Double.greatestFiniteMagnitude {
                #expect(DatasetValidator.rangeProblem(range.lowerBound - 0.01, unit: unit) != nil, "\(unit)")
            }
        }
    }
}
