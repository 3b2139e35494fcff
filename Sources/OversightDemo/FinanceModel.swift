import OversightDomain

/// Each trust's illustrative finances: a yearly financial health (partly its performance, partly its
/// own), which sets the planned surplus or deficit and whether it reports a deficit or gets support.
struct FinanceModel {
    let parameters: IllustrationParameters.Finance
    let anchor: Period
    let draws: Draws

    /// Financial health for a financial year; a known fact about the anchor year wins.
    func health(_ latent: LatentPerformance, financialYear: Int) -> Double {
        let p = parameters
        let t = Quarters.offset(of: .quarter(financialYear, 1), from: anchor)
        let own = (1 - p.qualityLoading * p.qualityLoading).squareRoot()
        var f = p.qualityLoading * latent.performance(at: t) + own * latent.financeOwn
            + p.yearShock * draws.normal("finance", latent.code.rawValue, String(financialYear))
        if financialYear == anchor.financialYear, let fact = latent.known?.finance {
            switch fact {
            case .surplus: f = max(f, p.anchoredSurplusAt)
            case .deficit: f = min(f, p.anchoredDeficitAt)
            case .deficitSupport: f = min(f, p.anchoredSupportAt)
            }
        }
        return f
    }

    func position(_ latent: LatentPerformance, in period: Period) -> FinancialPosition {
        let f = health(latent, financialYear: period.financialYear)
        if period == anchor, let fact = latent.known?.finance {
            switch fact {
            case .surplus: return FinancialPosition(reportsDeficit: false, receivesDeficitSupport: false)
            case .deficit: return FinancialPosition(reportsDeficit: true, receivesDeficitSupport: f < parameters.supportBelow)
            case .deficitSupport: return FinancialPosition(reportsDeficit: true, receivesDeficitSupport: true)
            }
        }
        let deficit = f + parameters.quarterNoise * draws.normal("finance", latent.code.rawValue, period.id) < parameters.deficitBelow
        return FinancialPosition(reportsDeficit: deficit, receivesDeficitSupport: deficit && f < parameters.supportBelow)
    }
}

/// Counting quarters.
enum Quarters {
    /// How many quarters `period` is after `anchor` (negative before).
    static func offset(of period: Period, from anchor: Period) -> Int {
        (period.financialYear - anchor.financialYear) * 4 + ((period.quarter ?? 1) - (anchor.quarter ?? 1))
    }
}
