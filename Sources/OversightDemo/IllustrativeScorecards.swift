import OversightDomain

/// Illustrative NOF 2025/26 scorecards: every trust with a peer group, every quarter it existed at the end
/// of, a value (or the reason there is none) for every metric of its peer group, drawn from its latent
/// performance, and its financial position. Combined finance (a table metric) gets no value: the method
/// reads it from the planned position's and the variance's scores.
struct IllustrativeScorecards: Sendable {
    let parameters: DemoParameters
    let framework: Framework
    let draws: Draws
    let finance: FinanceModel
    let provenanceSource: String

    /// The metric models, checked against the framework and the trusts: one for every metric that takes a
    /// value, each drawing the kind of figure the metric is scored by, with a spread for every peer group
    /// that has a trust running the service measured. A framework that changes fails here, by name.
    static func checkedModels(_ parameters: DemoParameters, framework: Framework, trusts: [(Organisation, PeerGroup)],
                              draws: Draws) throws(DemoError) -> [MetricID: MetricModel] {
        var models: [MetricID: MetricModel] = [:]
        for model in parameters.metrics {
            guard let metric = framework.metric(model.id) else {
                throw DemoError("the demonstration models metric \(model.id), which \(framework.shortName) does not define")
            }
            guard model.fits(metric.scoring) else {
                throw DemoError("the demonstration's model of \(model.id) does not draw the kind of figure \(framework.shortName) scores it by (\(metric.scoring.label))")
            }
            for (organisation, group) in trusts where metric.applies(to: group) && model.service.isRun(by: organisation, draws: draws) {
                guard model.hasSpread(for: group) else {
                    throw DemoError("the demonstration's model of \(model.id) has no spread for \(group.label) trusts such as \(organisation.code)")
                }
            }
            models[model.id] = model
        }
        for metric in framework.metrics where models[metric.id] == nil {
            if case .matrix = metric.scoring { continue }
            throw DemoError("the demonstration has no model for \(framework.shortName) metric \(metric.id) (\(metric.name))")
        }
        return models
    }

    func scorecards(for organisation: Organisation, group: PeerGroup, latent: LatentPerformance,
                    models: [MetricID: MetricModel]) -> [Scorecard] {
        parameters.nofQuarters.quarters.filter { organisation.isOpen(on: $0.end) }.map { period in
            var values: [MetricID: MetricValue] = [:]
            for metric in framework.metrics where metric.applies(to: group) {
                guard let model = models[metric.id] else { continue }
                values[metric.id] = value(of: metric, model: model, organisation: organisation, group: group, latent: latent, period: period)
            }
            return Scorecard(org: organisation.code, framework: framework.id, period: period, values: values,
                             finance: finance.position(latent, group: group, period: period),
                             provenance: Provenance(.illustrative, source: provenanceSource, note: note(for: period)))
        }
    }

    func note(for period: Period) -> String? {
        if period < Period.quarter(containing: framework.inForceFrom) {
            return "backcast: \(framework.shortName) began in \(framework.inForceFrom.display)"
        }
        if period.financialYear > framework.inForceFrom.year {
            return "scored on the \(framework.shortName) metrics; later thresholds are not known here"
        }
        return nil
    }

    func value(of metric: MetricDefinition, model: MetricModel, organisation: Organisation, group: PeerGroup,
               latent: LatentPerformance, period: Period) -> MetricValue {
        let code = organisation.code.rawValue
        let id = metric.id.rawValue
        guard model.service.isRun(by: organisation, draws: draws) else { return .notApplicable }
        if model.reportedShare < 1 && draws.uniform("reported", code, id) >= model.reportedShare { return .missing }
        let gap = draws.uniform("gap", code, id, period.id)
        if gap < parameters.gaps.missingShare { return .missing }
        if model.smallNumbers && gap < parameters.gaps.missingShare + parameters.gaps.suppressedShare { return .suppressed }

        let annual = model.cadence == .annual
        let when = annual ? Period.quarter(period.financialYear, 1) : period
        let t = Quarters.offset(of: when, from: parameters.anchorQuarter)
        // The trust's performance in this metric: its overall level, its own strength or weakness here, and noise.
        let l = parameters.latent
        let u = l.loading * latent.performance(at: t) + l.metricSpread * draws.normal("idio", code, id)
            + l.quarterNoise * draws.normal("noise", code, id, when.id)
        // Better performance moves the value the way the metric calls better.
        let signed = metric.direction == .higherIsBetter ? u : -u
        let season = annual ? 0 : (model.season?[(period.quarter ?? 1) - 1] ?? 0)
        let shift = model.driftPerQuarter * Double(t) + season

        switch model.draw {
        case .measured(let spreads):
            // Checked by `checkedModels`: every group with a trust running the service has a spread.
            let s = spreads[group]!
            return .number(admissible(s.clamp(s.centre + shift + s.spread * signed), metric))
        case .skewed(let spreads):
            return .number(admissible(Self.skewed(spreads[group]!, signed, shift: shift), metric))
        case .score(let cuts):
            return .number(u > cuts[0] ? 1 : (u > cuts[1] ? 2 : (u > cuts[2] ? 3 : 4)))
        case .rateOrCount(let rate, let count, let countedBy):
            if countedBy.isRun(by: organisation, draws: draws) {
                return .count(Rounding.round(Self.skewed(count, signed, shift: 0), decimals: 0))
            }
            return .number(admissible(rate.clamp(rate.centre + shift + rate.spread * signed), metric))
        case .plannedPosition:
            return .number(admissible(finance.plan(latent, group: group, financialYear: period.financialYear, decimals: metric.decimals), metric))
        case .planVariance:
            return .number(admissible(finance.variance(latent, group: group, period: period, decimals: metric.decimals), metric))
        }
    }

    /// min + (√(centre − min) + spread × signed)² + shift, clamped: signed = 0 gives the centre, and the high side
    /// stretches. (For a lower-is-better metric `signed` is −u, so a better trust's value shrinks toward min.)
    static func skewed(_ s: Spread, _ signed: Double, shift: Double) -> Double {
        let root = (s.centre - s.min).squareRoot() + s.spread * signed
        return s.clamp(s.min + (root > 0 ? root * root : 0) + shift)
    }

    /// Rounded as the metric is shown, and inside what its unit admits (a store refuses anything else).
    func admissible(_ value: Double, _ metric: MetricDefinition) -> Double {
        let range = metric.unit.admissibleRange
        return Swift.min(range.upperBound, Swift.max(range.lowerBound, Rounding.round(value, decimals: metric.decimals)))
    }
}

/// Rounding for the file.
enum Rounding {
    /// Half away from zero to `decimals` places; `+ 0` turns a negative zero into zero.
    static func round(_ value: Double, decimals: Int) -> Double {
        var scale = 1.0
        for _ in 0..<max(0, decimals) { scale *= 10 }
        return (value * scale).rounded(.toNearestOrAwayFromZero) / scale + 0
    }
}
