import OversightDomain

/// Illustrative NOF 2025/26 scorecards: every trust, every quarter it existed in, every metric
/// that applies to its peer group, drawn from its latent performance.
struct IllustrativeScorecards {
    let parameters: IllustrationParameters
    let framework: Framework
    let draws: Draws
    let finance: FinanceModel
    let provenanceSource: String

    /// The metric models, checked against the framework: one per metric, for the groups it applies to.
    static func checkedModels(_ parameters: IllustrationParameters, framework: Framework) throws -> [IllustrationParameters.MetricModel] {
        var models: [IllustrationParameters.MetricModel] = []
        for metric in framework.metrics {
            guard let model = parameters.metrics.first(where: { $0.id == metric.id }) else {
                throw GeneratorError("illustration.json has no model for \(framework.id) metric \(metric.id); add one")
            }
            let groups = metric.appliesTo.isEmpty ? PeerGroup.allCases : metric.appliesTo
            for group in groups where model.distribution(for: group) == nil {
                throw GeneratorError("illustration.json: metric \(metric.id) applies to \(group.rawValue) trusts but has no distribution for them")
            }
            if model.model == .rating && (model.ratingCuts?.count ?? 0) != 3 {
                throw GeneratorError("illustration.json: rating metric \(metric.id) needs three ratingCuts")
            }
            if let season = model.season, season.count != 4 {
                throw GeneratorError("illustration.json: metric \(metric.id) season needs four numbers, Q1 to Q4")
            }
            models.append(model)
        }
        for model in parameters.metrics where framework.metric(model.id) == nil {
            throw GeneratorError("illustration.json models metric \(model.id), which \(framework.id) does not define")
        }
        return models
    }

    func scorecards(for trust: TrustRow, latent: LatentPerformance, models: [IllustrationParameters.MetricModel]) -> [Scorecard] {
        parameters.nofQuarters.quarters.filter { LatentPerformance.exists(trust, at: $0) }.map { period in
            var values: [MetricID: MetricValue] = [:]
            for model in models {
                guard let metric = framework.metric(model.id), metric.applies(to: trust.type.peerGroup) else { continue }
                values[model.id] = value(of: metric, model: model, trust: trust, latent: latent, period: period)
            }
            return Scorecard(org: trust.code, framework: framework.id, period: period, values: values,
                             finance: finance.position(latent, in: period),
                             provenance: Provenance(.illustrative, source: provenanceSource, note: note(for: period)))
        }
    }

    func note(for period: Period) -> String? {
        if !framework.isInForce(during: period) && period < framework.inForceFrom.period {
            return "backcast: \(framework.shortName) began in \(framework.inForceFrom.display)"
        }
        if period.financialYear > framework.inForceFrom.year {
            return "scored on the \(framework.shortName) metrics; later thresholds are not known here"
        }
        return nil
    }

    func value(of metric: MetricDefinition, model: IllustrationParameters.MetricModel, trust: TrustRow,
               latent: LatentPerformance, period: Period) -> MetricValue {
        let code = trust.code.rawValue
        let id = metric.id.rawValue
        guard model.applies(to: trust.code, type: trust.type) else { return .notApplicable }
        let gap = draws.uniform("gap", code, id, period.id)
        if gap < parameters.gaps.missingShare { return .missing }
        if model.smallNumbers && gap < parameters.gaps.missingShare + parameters.gaps.suppressedShare { return .suppressed }

        let group = trust.type.peerGroup
        let spread = model.distribution(for: group)!
        let annual = model.cadence == .annual
        let when = annual ? Period.quarter(period.financialYear, 1) : period
        let t = Quarters.offset(of: when, from: parameters.anchorQuarter)

        let raw: Double
        switch model.model {
        case .financePlan:
            raw = spread.centre + spread.spread * finance.health(latent, financialYear: period.financialYear)
        case .continuous, .rating:
            let l = parameters.latent
            let own = latent.known == nil ? l.metricSpread : l.anchoredMetricSpread
            let u = l.loading * latent.performance(at: t)
                + own * draws.normal("idio", code, id)
                + l.quarterNoise * draws.normal("noise", code, id, when.id)
            if model.model == .rating {
                let cuts = model.ratingCuts!
                return .number(u > cuts[0] ? 1 : (u > cuts[1] ? 2 : (u > cuts[2] ? 3 : 4)))
            }
            let sign: Double = metric.direction == .higherIsBetter ? 1 : -1
            let season = annual ? 0 : (model.season?[(period.quarter ?? 1) - 1] ?? 0)
            raw = spread.centre + model.driftPerQuarter * Double(t) + season + sign * spread.spread * u
        }
        return .number(Self.round(min(spread.max, max(spread.min, raw)), decimals: metric.decimals))
    }

    /// Rounded for the file; `+ 0` turns a negative zero into zero.
    static func round(_ value: Double, decimals: Int) -> Double {
        var scale = 1.0
        for _ in 0..<max(0, decimals) { scale *= 10 }
        return (value * scale).rounded(.toNearestOrAwayFromZero) / scale + 0
    }
}

extension CalendarDate {
    /// The quarter this date falls in.
    var period: Period { Period.quarter(containing: self) }
}
