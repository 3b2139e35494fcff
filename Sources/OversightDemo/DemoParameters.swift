import OversightDomain

/// The knobs of the illustrative scorecards (source/illustration.json): numbers are data, so that
/// a reader can see and change the assumptions without reading the generator.
struct IllustrationParameters: Decodable {
    struct QuarterSpan: Decodable {
        let from: Period
        let through: Period
        var quarters: [Period] { Period.quarters(from: from, through: through) }
    }

    /// How trusts' latent performance is built.
    struct Latent: Decodable {
        /// Weight of the trust's overall performance in each metric.
        let loading: Double
        /// Spread of a trust's persistent strengths and weaknesses per metric.
        let metricSpread: Double
        /// The same, for trusts whose league position is known (kept small so the position holds).
        let anchoredMetricSpread: Double
        /// Quarter-to-quarter noise per metric.
        let quarterNoise: Double
        /// Size and persistence of a trust's shared quarter-to-quarter swings.
        let commonShock: Double
        let commonShockPersistence: Double
        let improvingShare: Double
        let deterioratingShare: Double
        /// Change in performance per quarter for an improving (or deteriorating) trust.
        let trendPerQuarter: Double
    }

    /// How published positions become target percentiles.
    struct Positions: Decodable {
        let nearBottomPercentile: Double
        let amongWorstPercentile: Double
        /// A place in HTN's non-specialist top ten is taken as rank offset + place.
        let listRankOffset: Int
        /// Where a known segment (SOF or NOF) puts a trust with no known rank, by segment number.
        let segmentPercentiles: [String: Double]
        /// A trust placed better than this is kept out of deficit in the anchor quarter, so that its place holds.
        let surplusIfPercentileBelow: Double
    }

    struct Gaps: Decodable {
        /// Share of values not reported.
        let missingShare: Double
        /// Share of small-number metrics' values withheld.
        let suppressedShare: Double
    }

    /// Each trust's financial health f: a deficit below `deficitBelow`, deficit support below `supportBelow`.
    struct Finance: Decodable {
        let qualityLoading: Double
        let yearShock: Double
        let quarterNoise: Double
        let deficitBelow: Double
        let supportBelow: Double
        /// Known positions: financial health set to at least this for a trust kept in surplus,
        /// and at most the next two for a known deficit or deficit support.
        let anchoredSurplusAt: Double
        let anchoredDeficitAt: Double
        let anchoredSupportAt: Double
    }

    struct SofSegments: Decodable {
        /// Performance above thresholds[0] is segment 1, above [1] segment 2, above [2] segment 3.
        let thresholds: [Double]
        /// How far past a threshold performance must move before the segment changes.
        let hysteresis: Double
    }

    struct Distribution: Decodable {
        let centre: Double
        let spread: Double
        let min: Double
        let max: Double
    }

    struct MetricModel: Decodable {
        enum Model: String, Decodable {
            /// centre + drift + season + spread × performance.
            case continuous
            /// A rating 1–4 from performance cut points (best first).
            case rating
            /// Planned surplus or deficit, from financial health rather than performance.
            case financePlan = "finance-plan"
        }

        enum Cadence: String, Decodable {
            case quarterly
            /// One value per financial year (a survey, a plan, an inspection).
            case annual
        }

        let id: MetricID
        let model: Model
        let cadence: Cadence
        /// Distribution per peer group (acute, non-acute, ambulance).
        let groups: [String: Distribution]
        let driftPerQuarter: Double
        /// Offsets for Q1…Q4.
        let season: [Double]?
        /// Small counts: values are sometimes suppressed.
        let smallNumbers: Bool
        /// Providers that do not perform the function get "n/a".
        let excludeTypes: [ProviderType]
        let excludeOrgs: [OrgCode]
        let includeOrgs: [OrgCode]
        let ratingCuts: [Double]?

        func distribution(for group: PeerGroup) -> Distribution? { groups[group.rawValue] }

        /// Whether a provider performs what the metric measures.
        func applies(to code: OrgCode, type: ProviderType) -> Bool {
            if includeOrgs.contains(code) { return true }
            return !excludeTypes.contains(type) && !excludeOrgs.contains(code)
        }
    }

    let nofFramework: FrameworkID
    let nofQuarters: QuarterSpan
    let sofFramework: FrameworkID
    let sofQuarters: QuarterSpan
    /// The quarter known league positions refer to; trends are measured from it.
    let anchorQuarter: Period
    let latent: Latent
    let positions: Positions
    let gaps: Gaps
    let finance: Finance
    let sofSegments: SofSegments
    let metrics: [MetricModel]
}
