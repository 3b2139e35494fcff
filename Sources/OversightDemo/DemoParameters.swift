import OversightDomain

/// The knobs of the illustrative data, in one place, so that a reader can see every assumption without
/// reading the generator. Compiled in rather than read from data/source: `oversight init --demo` runs
/// where no source tree is.
struct DemoParameters: Sendable {
    struct QuarterSpan: Sendable {
        let from: Period
        let through: Period
        var quarters: [Period] { Period.quarters(from: from, through: through) }
    }

    /// How trusts' latent performance is built.
    struct Latent: Sendable {
        /// Weight of the trust's overall performance in each metric.
        let loading: Double
        /// Spread of a trust's persistent strengths and weaknesses per metric.
        let metricSpread: Double
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

    struct Gaps: Sendable {
        /// Share of values not reported.
        let missingShare: Double
        /// Share of small-number metrics' values withheld.
        let suppressedShare: Double
    }

    /// Each trust's financial health f (a standard normal, higher is healthier), from which its planned
    /// surplus or deficit, its variance to plan and its financial position follow.
    struct Finance: Sendable {
        /// Weight of the trust's overall performance in its financial health; the rest is its own.
        let qualityLoading: Double
        /// A year's change in financial health.
        let yearShock: Double
        /// Weight of the year's financial health in the variance to plan; the rest is the quarter's own.
        let varianceLoading: Double
        /// Deficit support goes to trusts in deficit whose financial health is below this.
        let supportBelow: Double
        /// Planned surplus or deficit (% of income) by peer group: centre + spread × f, clamped; a plan
        /// inside `breakEven` is written as a break-even plan (0), as many trusts plan.
        let plan: [PeerGroup: Spread]
        let breakEven: ClosedRange<Double>
        /// Variance year to date to the plan (% of income), the same way; inside `onPlan` it is 0.
        let variance: [PeerGroup: Spread]
        let onPlan: ClosedRange<Double>
    }

    struct SofSegments: Sendable {
        /// Performance above thresholds[0] is segment 1, above [1] segment 2, above [2] segment 3.
        let thresholds: [Double]
        /// How far past a threshold performance must move before the segment changes.
        let hysteresis: Double
    }

    let nofFramework: FrameworkID
    let nofQuarters: QuarterSpan
    let sofFramework: FrameworkID
    let sofQuarters: QuarterSpan
    /// Trends and drifts are measured from this quarter (the first the framework was in force).
    let anchorQuarter: Period
    let latent: Latent
    let gaps: Gaps
    let finance: Finance
    let sofSegments: SofSegments
    let metrics: [MetricModel]

    /// Every quarter the generator draws for, as offsets from the anchor quarter: each trust's swings cover them.
    var span: ClosedRange<Int> {
        let offsets = (sofQuarters.quarters + nofQuarters.quarters).map { Quarters.offset(of: $0, from: anchorQuarter) }
        return offsets.min()!...offsets.max()!
    }

    static let standard = DemoParameters(
        nofFramework: "nof-2025-26",
        // Two quarters of backcast before the framework began, and a year on from its first.
        nofQuarters: QuarterSpan(from: .quarter(2024, 3), through: .quarter(2026, 2)),
        sofFramework: "sof-2021-22",
        sofQuarters: QuarterSpan(from: .quarter(2022, 1), through: .quarter(2024, 4)),
        anchorQuarter: .quarter(2025, 1),
        latent: Latent(loading: 0.75, metricSpread: 0.6, quarterNoise: 0.25, commonShock: 0.18, commonShockPersistence: 0.6,
                       improvingShare: 0.25, deterioratingShare: 0.2, trendPerQuarter: 0.07),
        gaps: Gaps(missingShare: 0.015, suppressedShare: 0.05),
        // Shaped on the spread of NHS England's Q1 2025/26 files: most acute trusts plan a deficit, most mental
        // health and community trusts break even, and most trusts are on plan year to date.
        finance: Finance(
            qualityLoading: 0.35, yearShock: 0.3, varianceLoading: 0.5, supportBelow: -1.0,
            plan: [.acute: Spread(centre: -1.4, spread: 3.0, min: -15, max: 4),
                   .nonAcute: Spread(centre: 0, spread: 1.1, min: -4, max: 3),
                   .ambulance: Spread(centre: 0, spread: 1.1, min: -4, max: 3)],
            breakEven: -0.5...0.4,
            variance: [.acute: Spread(centre: 0, spread: 1.0, min: -6, max: 3),
                       .nonAcute: Spread(centre: 0, spread: 0.9, min: -4.5, max: 4.5),
                       .ambulance: Spread(centre: 0, spread: 0.9, min: -4.5, max: 4.5)],
            onPlan: -0.4...0.3),
        sofSegments: SofSegments(thresholds: [1.3, 0.1, -1.3], hysteresis: 0.1),
        metrics: MetricModel.nof2025
    )
}

/// A distribution across trusts: a value is centre + spread × (a standard normal), clamped to [min, max].
struct Spread: Sendable {
    let centre: Double
    let spread: Double
    let min: Double
    let max: Double

    func clamp(_ value: Double) -> Double { Swift.min(max, Swift.max(min, value)) }
}
