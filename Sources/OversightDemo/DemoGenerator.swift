import OversightDomain

/// The demonstration dataset: a real register with made-up scorecards, for tests, benchmarks and
/// `oversight init --demo`, never for the default store. From a base dataset (the bundled register,
/// frameworks and public record) and a seed it makes illustrative NOF 2025/26 scorecards for every trust
/// with a peer group, and illustrative SOF 2021/22 segments where the public record has none, every one
/// marked illustrative with the generator and seed as its source.
///
/// The same base and seed give the same dataset, value for value, on every platform: the generator draws
/// from its own SplitMix64 streams, one per trust, metric and quarter (`Draws`), uses only IEEE-exact
/// arithmetic (sums, products, square roots), and never lets a dictionary's order reach the result.
public enum DemoGenerator {
    /// The seed of the demonstration a user gets without asking for another: 9 September 2025, the day the
    /// first NOF league tables were published.
    public static let defaultSeed: UInt64 = 20_250_909

    /// What every illustrative record names as its source.
    public static func source(seed: UInt64) -> String { "oversight demonstration generator, seed \(seed)" }

    /// The base's regions, footprints, organisations, frameworks and intervention record, unchanged; its NOF
    /// 2025/26 scorecards (published figures and decisions alike) replaced by illustrative ones, so that every
    /// NOF figure agrees with every other; its SOF 2021/22 segments kept (the intervention record links to
    /// them, and they cannot contradict made-up values) with illustrative ones in the other quarters. The
    /// published files' records go with the figures that named them. Notes and actions are kept.
    public static func dataset(from base: Dataset, seed: UInt64 = defaultSeed) throws(DemoError) -> Dataset {
        let parameters = DemoParameters.standard
        guard let nof = base.framework(parameters.nofFramework), let sof = base.framework(parameters.sofFramework) else {
            throw DemoError("the base dataset must define \(parameters.nofFramework) and \(parameters.sofFramework); start from the bundled store")
        }
        let draws = Draws(seed: seed)
        let source = source(seed: seed)
        let trusts: [(Organisation, PeerGroup)] = base.organisations.compactMap { organisation in
            guard organisation.isProvider, let group = organisation.peerGroup else { return nil }
            return (organisation, group)
        }
        let models = try IllustrativeScorecards.checkedModels(parameters, framework: nof, trusts: trusts, draws: draws)

        let kept = base.scorecards.filter { $0.framework != nof.id }
        // The base's SOF cards by trust and quarter, with their segment where they record one.
        var known: [OrgCode: [Period: Int?]] = [:]
        for card in kept where card.framework == sof.id {
            known[card.org, default: [:]][card.period] = .some(card.decision?.segment)
        }

        let finance = FinanceModel(parameters: parameters.finance, anchor: parameters.anchorQuarter, draws: draws)
        let values = IllustrativeScorecards(parameters: parameters, framework: nof, draws: draws, finance: finance, provenanceSource: source)
        let segments = IllustrativeSegments(parameters: parameters, framework: sof, provenanceSource: source)

        var cards = kept
        for (organisation, group) in trusts {
            let latent = LatentPerformance.draw(for: organisation.code, parameters: parameters.latent, quarters: parameters.span, draws: draws)
            cards += values.scorecards(for: organisation, group: group, latent: latent, models: models)
            let programme = programmeQuarters(organisation.code, interventions: base.interventions, known: known[organisation.code] ?? [:])
            cards += segments.scorecards(for: organisation, latent: latent, published: known[organisation.code] ?? [:], inProgramme: programme)
        }

        var result = base
        result.scorecards = cards
        result.releases = []
        result.normalise()
        return result
    }

    /// Quarters a trust was in the Recovery Support Programme: from its first known segment 4 (or the quarter
    /// it entered) until the programme ended for it.
    static func programmeQuarters(_ code: OrgCode, interventions: [Intervention], known: [Period: Int?]) -> (Period) -> Bool {
        let firstFour = known.filter { $0.value == 4 }.map(\.key).min()
        let spans: [(Period, CalendarDate?)] = interventions
            .filter { $0.org == code && $0.type == "recovery-support-programme" }
            .map { (firstFour ?? Period.quarter(containing: $0.start), $0.end) }
        return { period in
            spans.contains { from, end in period >= from && (end.map { period.start.dayNumber <= $0.dayNumber } ?? true) }
        }
    }
}
