import OversightDomain

/// How one metric's illustrative values are drawn. The numbers live in `MetricModel.nof2025`.
struct MetricModel: Sendable {
    enum Draw: Sendable {
        /// centre + drift × quarters + season + spread × performance (signed by the metric's direction), clamped.
        case measured([PeerGroup: Spread])
        /// As `measured`, but skewed to the worse side: the square root of (value − min) is what is spread
        /// normally, so that a few trusts sit far out (community waits, infection counts). The centre is the
        /// median; the spread is in square-root units.
        case skewed([PeerGroup: Spread])
        /// A score 1–4 the publisher gives rather than ranks (CQC ratings, SHMI bands): 1 above cuts[0],
        /// 2 above cuts[1], 3 above cuts[2], else 4, on the trust's performance in this metric.
        case score(cuts: [Double])
        /// A rate; providers with too few cases for a rate to mean anything report a count instead
        /// (`MetricValue.count`, scored by the metric's count brackets), drawn skewed.
        case rateOrCount(rate: Spread, count: Spread, countedBy: Service)
        /// Planned surplus or deficit, from the trust's financial health (`DemoParameters.Finance.plan`).
        case plannedPosition
        /// Variance to plan year to date, from the trust's financial health (`DemoParameters.Finance.variance`).
        case planVariance
    }

    enum Cadence: Sendable {
        case quarterly
        /// One value per financial year (a survey, a plan, an inspection, a year's costs).
        case annual
    }

    let id: MetricID
    let draw: Draw
    var cadence: Cadence = .quarterly
    var driftPerQuarter: Double = 0
    /// Offsets for Q1…Q4 (A&E and ambulance times are worse in winter).
    var season: [Double]? = nil
    /// Which providers run what the metric measures; the others get "n/a".
    var service: Service = .everyone
    /// Share of providers with a value at all (CQC inspects a few each year); for the rest it is missing.
    var reportedShare: Double = 1
    /// Small counts: values are sometimes suppressed.
    var smallNumbers = false

    /// The scoring a metric must have for this kind of draw: a publisher's score is given as a score, a
    /// finance figure is bracketed, anything measured is ranked or bracketed.
    func fits(_ scoring: MetricScoring) -> Bool {
        switch (draw, scoring) {
        case (.score, .score): return true
        case (.plannedPosition, .bespoke), (.planVariance, .bespoke): return true
        case (.measured, .ranked), (.measured, .bespoke), (.skewed, .ranked), (.skewed, .bespoke), (.rateOrCount, .ranked):
            return true
        default: return false
        }
    }
}

/// Which providers run a service: a share of each provider type (chosen per trust, once, so that a trust
/// that runs community services reports every community metric in every quarter), plus named trusts.
struct Service: Sendable {
    let name: String
    let shares: [ProviderType: Double]
    var always: [OrgCode] = []
    var never: [OrgCode] = []

    func isRun(by organisation: Organisation, draws: Draws) -> Bool {
        if always.contains(organisation.code) { return true }
        if never.contains(organisation.code) { return false }
        guard let type = organisation.type, let share = shares[type], share > 0 else { return false }
        return share >= 1 || draws.uniform("service", name, organisation.code.rawValue) < share
    }

    static let everyone = Service(name: "everyone", shares: Dictionary(uniqueKeysWithValues: ProviderType.allCases.map { ($0, 1.0) }))
}

extension MetricModel {
    /// Whether the model can draw a value for a trust of `group` (score and finance draws need no spread per group).
    func hasSpread(for group: PeerGroup) -> Bool {
        switch draw {
        case .measured(let spreads), .skewed(let spreads): return spreads[group] != nil
        case .score, .rateOrCount, .plannedPosition, .planVariance: return true
        }
    }
}
