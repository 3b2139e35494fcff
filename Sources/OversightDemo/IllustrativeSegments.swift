import OversightDomain

/// Illustrative SOF 2021/22 segments for each trust, quarter by quarter, following its latent
/// performance with some reluctance to change. Segment 4 meant the Recovery Support Programme, so
/// it appears only while a trust is known to have been in it; otherwise the worst is 3.
struct IllustrativeSegments: Sendable {
    let parameters: DemoParameters
    let framework: Framework
    let provenanceSource: String

    static let rationale = "Illustrative: in line with the trust's illustrative performance; not a real decision."

    /// `published` are the trust's real cards by quarter (with their segment, if recorded), which win and are not made again; `inProgramme`
    /// the quarters it was in the Recovery Support Programme.
    func scorecards(for organisation: Organisation, latent: LatentPerformance, published: [Period: Int?],
                    inProgramme: (Period) -> Bool) -> [Scorecard] {
        let rules = parameters.sofSegments
        var previous: Int?
        var cards: [Scorecard] = []
        for period in parameters.sofQuarters.quarters where organisation.isOpen(on: period.end) {
            if let real = published[period] {
                if let real { previous = real }
                continue
            }
            let segment: Int
            if inProgramme(period) {
                segment = 4
            } else {
                let z = latent.performance(at: Quarters.offset(of: period, from: parameters.anchorQuarter))
                let direct = Self.segment(z, rules.thresholds, shift: 0)
                if let previous {
                    // Move only once performance is clearly past the boundary.
                    let better = Self.segment(z, rules.thresholds, shift: rules.hysteresis)
                    let worse = Self.segment(z, rules.thresholds, shift: -rules.hysteresis)
                    segment = min(3, better < previous ? better : (worse > previous ? worse : previous))
                } else {
                    segment = min(3, direct)
                }
            }
            previous = segment
            let decision = SegmentDecision(
                segment: segment, basis: .published, rationale: Self.rationale, decidedBy: "NHS England",
                date: period.end, provenance: Provenance(.illustrative, source: provenanceSource))
            cards.append(Scorecard(org: organisation.code, framework: framework.id, period: period, decision: decision,
                                   provenance: Provenance(.illustrative, source: provenanceSource)))
        }
        return cards
    }

    /// 1 above thresholds[0] + shift, 2 above thresholds[1] + shift, 3 above thresholds[2] + shift, else 4.
    static func segment(_ z: Double, _ thresholds: [Double], shift: Double) -> Int {
        for (i, threshold) in thresholds.enumerated() where z > threshold + shift { return i + 1 }
        return thresholds.count + 1
    }
}
