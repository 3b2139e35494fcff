import OversightDomain

/// Each trust's illustrative finances: a yearly financial health (partly its performance, partly its
/// own), which sets its planned surplus or deficit (OF0079), its variance to plan year to date (OF0081)
/// and so whether it is in deficit, and whether it gets deficit support. The flags and the two figures
/// come from the same numbers, so a card does not say "in deficit" beside a planned surplus, as long as
/// the metrics' units let the figures be written as drawn (a deficit needs a unit that goes below 0).
struct FinanceModel: Sendable {
    let parameters: DemoParameters.Finance
    let anchor: Period
    let draws: Draws

    /// Financial health for a financial year.
    func health(_ latent: LatentPerformance, financialYear: Int) -> Double {
        let p = parameters
        let t = Quarters.offset(of: .quarter(financialYear, 1), from: anchor)
        let own = (1 - p.qualityLoading * p.qualityLoading).squareRoot()
        return p.qualityLoading * latent.performance(at: t) + own * latent.financeOwn
            + p.yearShock * draws.normal("finance", latent.code.rawValue, String(financialYear))
    }

    /// The year's planned surplus (+) or deficit (−) as a percentage of income, rounded as published.
    func plan(_ latent: LatentPerformance, group: PeerGroup, financialYear: Int, decimals: Int) -> Double {
        guard let spread = parameters.plan[group] else { return 0 }
        let raw = spread.clamp(spread.centre + spread.spread * health(latent, financialYear: financialYear))
        return parameters.breakEven.contains(raw) ? 0 : Rounding.round(raw, decimals: decimals)
    }

    /// How far ahead of (+) or behind (−) its plan a trust is, year to date, as a percentage of income.
    func variance(_ latent: LatentPerformance, group: PeerGroup, period: Period, decimals: Int) -> Double {
        guard let spread = parameters.variance[group] else { return 0 }
        let w = parameters.varianceLoading
        let f = w * health(latent, financialYear: period.financialYear)
            + (1 - w * w).squareRoot() * draws.normal("variance", latent.code.rawValue, period.id)
        let raw = spread.clamp(spread.centre + spread.spread * f)
        return parameters.onPlan.contains(raw) ? 0 : Rounding.round(raw, decimals: decimals)
    }

    /// In deficit when the plan and the variance to it, taken together, are below break-even; deficit
    /// support for the weakest of those. Both at the 2 decimals NHS England publishes them to (outside the
    /// break-even and on-plan bands, rounding cannot change their sign).
    func position(_ latent: LatentPerformance, group: PeerGroup, period: Period) -> FinancialPosition {
        let outturn = plan(latent, group: group, financialYear: period.financialYear, decimals: 2)
            + variance(latent, group: group, period: period, decimals: 2)
        let deficit = outturn < 0
        let weak = health(latent, financialYear: period.financialYear) < parameters.supportBelow
        return FinancialPosition(reportsDeficit: deficit, receivesDeficitSupport: deficit && weak)
    }
}
