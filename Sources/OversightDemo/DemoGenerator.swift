import OversightDomain

/// The illustrative part of the dataset: latent performance for every trust, then its NOF 2025/26
/// scorecards and SOF 2021/22 segments.
struct Illustration {
    let parameters: IllustrationParameters
    let nof: Framework
    let sof: Framework
    let latents: [OrgCode: LatentPerformance]
    let scorecards: [Scorecard]

    init(parameters: IllustrationParameters, frameworks: [Framework], reference: ReferenceTables, interventions: [Intervention],
         published: [ScorecardID: SegmentDecision], draws: Draws, source: String) throws {
        guard let nof = frameworks.first(where: { $0.id == parameters.nofFramework }),
              let sof = frameworks.first(where: { $0.id == parameters.sofFramework }) else {
            throw GeneratorError("illustration.json names \(parameters.nofFramework) and \(parameters.sofFramework); frameworks.json must define both")
        }
        self.parameters = parameters
        self.nof = nof
        self.sof = sof
        let models = try IllustrativeScorecards.checkedModels(parameters, framework: nof)

        let trusts = reference.trusts.sorted { $0.code < $1.code }
        var openCounts: [PeerGroup: Int] = [:]
        for trust in trusts where LatentPerformance.exists(trust, at: parameters.anchorQuarter) { openCounts[trust.type.peerGroup, default: 0] += 1 }
        let known = try KnownPosition.derive(reference, parameters: parameters, openCounts: openCounts,
                                             trusts: Dictionary(trusts.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first }))
        let all = parameters.sofQuarters.quarters + parameters.nofQuarters.quarters
        let offsets = all.map { Quarters.offset(of: $0, from: parameters.anchorQuarter) }
        let latents = LatentPerformance.assign(trusts: trusts, known: known, parameters: parameters,
                                               quarters: offsets.min()!...offsets.max()!, draws: draws)
        self.latents = latents

        let finance = FinanceModel(parameters: parameters.finance, anchor: parameters.anchorQuarter, draws: draws)
        let values = IllustrativeScorecards(parameters: parameters, framework: nof, draws: draws, finance: finance, provenanceSource: source)
        let segments = IllustrativeSegments(parameters: parameters, framework: sof, provenanceSource: source)
        var cards: [Scorecard] = []
        for trust in trusts {
            let latent = latents[trust.code]!
            cards += values.scorecards(for: trust, latent: latent, models: models)
            var real: [Period: Int] = [:]
            for (id, decision) in published where id.org == trust.code && id.framework == sof.id { real[id.period] = decision.segment }
            let programme = Self.programmeQuarters(trust.code, interventions: interventions, published: published, framework: sof.id)
            cards += segments.scorecards(for: trust, latent: latent, published: real, inProgramme: programme)
        }
        scorecards = cards
    }

    /// Quarters a trust was in the Recovery Support Programme: from its first published segment 4
    /// (or the quarter it entered) until the programme ended for it.
    static func programmeQuarters(_ code: OrgCode, interventions: [Intervention], published: [ScorecardID: SegmentDecision],
                                  framework: FrameworkID) -> (Period) -> Bool {
        let spans: [(Period, CalendarDate?)] = interventions
            .filter { $0.org == code && $0.type == "recovery-support-programme" }
            .map { item in
                let firstFour = published.filter { $0.key.org == code && $0.key.framework == framework && $0.value.segment == 4 }
                    .map(\.key.period).min()
                return (firstFour ?? Period.quarter(containing: item.start), item.end)
            }
        return { period in
            spans.contains { from, end in period >= from && (end.map { period.start.dayNumber <= $0.dayNumber } ?? true) }
        }
    }

    /// The league check for the anchor quarter and the one after, as report lines.
    func leagueReport(dataset: Dataset, published: [ScorecardID: SegmentDecision], verbose: Bool) -> (lines: [String], warnings: [String]) {
        let organisations = Dictionary(dataset.organisations.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        let check = LeagueCheck(framework: nof)
        var lines: [String] = []
        var warnings: [String] = []
        for period in [parameters.anchorQuarter, parameters.anchorQuarter.next] {
            let cards = dataset.scorecards.filter { $0.framework == nof.id && $0.period == period }
            let standings = check.standings(cards, organisations: organisations)
            for group in PeerGroup.allCases {
                guard let table = standings[group] else { continue }
                let counts = (1...4).map { s in table.filter { $0.adjusted == s }.count }
                lines.append("\(period.label) \(group.label): \(table.count) trusts, adjusted segments 1–4: \(counts.map(String.init).joined(separator: " / "))")
                for standing in table {
                    if let decision = published[ScorecardID(org: standing.code, framework: nof.id, period: period)],
                       decision.segment != standing.adjusted {
                        warnings.append("\(standing.code) \(period.label): published segment \(decision.segment), illustrative values give \(standing.adjusted)")
                    }
                    guard verbose, period == parameters.anchorQuarter, let known = latents[standing.code]?.known else { continue }
                    let target = Int((known.percentile * Double(table.count)).rounded(.up))
                    lines.append("  \(standing.code) target ≈\(target) (\(known.basis)), illustrative rank \(standing.rank), average \(formatDecimal(standing.average, decimals: 2)), segment \(standing.computed)→\(standing.adjusted)")
                }
            }
        }
        return (lines, warnings)
    }
}
