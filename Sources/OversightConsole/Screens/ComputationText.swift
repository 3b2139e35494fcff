import OversightDomain

/// The steps of the segmentation method for one trust, in words and figures a board secretary can
/// check by hand: the weighted mean and its rounding, the quartile against the peer group's
/// boundaries, the deficit override, the decision, the distance to the next segment and the trust
/// beside its ICS. Pure, so tests read exactly what the screens show.
public enum ComputationText {
    /// "raw score 1.58: weighted scores 31.52 ÷ weights 20.00 = 1.5760": the result first, so that a
    /// line cut on a narrow terminal still shows it, then the sums and the unrounded mean.
    public static func mean(_ c: SegmentComputation) -> String {
        guard let mean = c.weightedMean, let raw = c.rawScore else { return c.notSegmented ?? "no metric was scored" }
        let sum = c.metrics.reduce(0.0) { total, line in total + (line.score.map { line.weight * $0.value } ?? 0) }
        return "raw score \(raw): weighted scores \(Figures.score(sum)) ÷ weights \(Figures.score(c.totalWeight))"
            + " = \(formatDecimal(mean, decimals: 4))"
    }

    /// "quartile 1: 1.58 ≤ Q1 · Q1 1.95 · median 2.27 · Q3 2.60": the result first, then the rule and the
    /// boundaries (the peer group and its size are on the segment line above).
    public static func quartile(_ c: SegmentComputation) -> String {
        guard let boundaries = c.boundaries, let raw = c.rawScore, let quartile = c.quartile else { return "no quartile: no raw score" }
        let rule: String
        switch quartile {
        case 1: rule = "≤ Q1"
        case 2: rule = "> Q1, ≤ median"
        case 3: rule = "> median, ≤ Q3"
        default: rule = "> Q3"
        }
        return "quartile \(quartile): \(raw) \(rule) · Q1 \(Figures.score(boundaries.lowerQuartile)) · "
            + "median \(Figures.score(boundaries.median)) · Q3 \(Figures.score(boundaries.upperQuartile))"
    }

    /// "reports a deficit: segment 1 → 3", "none: no deficit and no deficit support recorded", …
    public static func override(_ c: SegmentComputation, finance: FinancialPosition?, rules: SegmentationRules) -> String {
        if let override = c.financialOverride { return override.explanation }
        guard rules.deficitOverride != nil else { return "not part of this framework's method" }
        guard finance != nil else { return "not considered: no financial position recorded for this period" }
        return "none: no deficit reported and no deficit support"
    }

    /// "none recorded", "decision agrees with the computed segment 3", …
    public static func decision(_ c: SegmentComputation) -> String {
        c.decision?.explanation ?? "none recorded"
    }

    /// "fall 0.25 to 1.86: quartile 1, segment 1 · 2 improvements, confirmed", or why there is none.
    public static func toNext(_ c: SegmentComputation, _ distance: DistanceToNextSegment?) -> String {
        guard let quartile = c.quartile, let raw = c.rawScore else { return "no segment, so no distance" }
        guard let d = distance ?? c.distance else {
            guard quartile == 1, let q1 = c.boundaries?.lowerQuartile else { return "none" }
            return "already in the best quartile, \(Figures.score(q1 - raw.value)) inside Q1"
        }
        var text = "fall \(formatDecimal(d.fall, decimals: 2)) to \(d.targetScore): quartile \(d.toQuartile), "
        text += d.heldBy == nil ? "segment \(d.segmentAfter)" : "segment stays \(d.segmentAfter)"
        guard d.reachable else { return text + " · not reachable by the metrics that counted" }
        return text + " · " + Noun("improvement", "improvements").count(d.improvements.count)
            + (d.confirmedByRecomputing ? ", confirmed" : ", estimated")
    }

    /// "its 3: worse than the median 2.5 of Black Country ICS · 7 members: 1 in segment 1, 2 in 2, 3 in 3, 1 in 4"
    public static func beside(_ beside: SegmentBesideSystem?) -> String {
        guard let beside else { return "not hosted by a system this period" }
        let system = beside.system
        guard let median = system.median else { return "\(system.name): no member has a segment this period" }
        let own = beside.segment.map { "its \($0): " } ?? "it has no segment; "
        let comparison: String
        switch beside.comparison {
        case .better: comparison = "better than"
        case .same: comparison = "the same as"
        case .worse: comparison = "worse than"
        case .unknown: comparison = "beside"
        }
        var text = "\(own)\(comparison) the median, \(Figures.segmentMedian(median, phrase: true)), of \(system.name)"
        text += " · " + Noun("member", "members").count(system.members.count) + ": " + mixSummary(system)
        if system.unknown > 0 { text += ", \(system.unknown) not segmented" }
        return text
    }

    /// "1 in segment 1, 2 in 2, 3 in 3, 1 in 4": the word "segment" once, so the counts read as counts.
    public static func mixSummary(_ system: FootprintSegments) -> String {
        system.counts.keys.sorted().enumerated().map { i, segment in
            "\(system.counts[segment]!) in " + (i == 0 ? "segment \(segment)" : "\(segment)")
        }.joined(separator: ", ")
    }

    /// "A&E 4-hour performance: 72.5% → 2.14, ranked 40 of 120 (percentile 67.2) between 2.00 and 4.00 · weight 1 of 20 (5%)"
    public static func line(_ line: MetricScore, _ metric: MetricDefinition?, totalWeight: Double) -> String {
        let name = metric?.name ?? line.metric.rawValue
        let value: String
        switch line.value {
        case .number(let n): value = metric?.format(n) ?? formatDecimal(n, decimals: 2)
        case .count(let n): value = formatDecimal(n, decimals: 0) + " (a count)"
        case .suppressed: value = "suppressed"
        case .notApplicable: value = "n/a"
        case .missing: value = "missing"
        }
        let how = line.basis.explanation { metric?.format($0) ?? formatDecimal($0, decimals: 2) }
        guard let score = line.score else { return "\(name): \(value), \(how)" }
        var text = "\(name): \(value) → \(score), \(how)"
        if totalWeight > 0 {
            let share = Int((100 * line.weight / totalWeight).rounded())
            text += " · weight \(Figures.weight(line.weight)) of \(Figures.weight(totalWeight)) (\(share)%)"
        }
        return text
    }

    /// "A&E 4-hour performance: 72.5% → 78.0% (meet the standard) · score 2.14 → 1.00 · the raw score falls 0.06"
    public static func improvement(_ i: SuggestedImprovement, _ metric: MetricDefinition?) -> String {
        let name = metric?.name ?? i.metric.rawValue
        let format = { (v: Double) in metric?.format(v) ?? formatDecimal(v, decimals: 2) }
        return "\(name): \(format(i.from)) → \(format(i.to)) (\(i.target.explanation)) · score \(i.fromScore) → \(i.toScore)"
            + " · the raw score falls \(formatDecimal(i.contribution, decimals: 2))"
    }
}
