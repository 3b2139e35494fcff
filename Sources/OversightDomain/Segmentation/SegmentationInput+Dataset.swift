extension SegmentationInput {
    /// The input for one framework and period of a dataset: its metrics and rules, and for each of its scorecards
    /// of that period, the organisation's peer group (`Organisation.peerGroup`), values, deficit flags
    /// (`Scorecard.finance`) and decision (`Scorecard.decision`). With `tieBreaks`, a published scorecard's own
    /// ranks order values that are equal as published (NHS England ranks the unrounded values).
    public init(dataset: Dataset, framework id: FrameworkID, period: Period, tieBreaks: Bool = true) throws(SegmentationError) {
        guard let framework = dataset.framework(id) else { throw .unknownFramework(id) }
        guard framework.segmentation.method == .nofQuartiles else { throw .notComputed(id, framework.segmentation.method) }
        var problems: [SegmentationProblem] = []
        var organisations: [OrganisationInput] = []
        for card in dataset.scorecards where card.framework == id && card.period == period {
            let organisation = dataset.organisation(card.org)
            if organisation == nil {
                problems.append(SegmentationProblem(org: card.org,
                    "a scorecard names an organisation the dataset does not hold; add the organisation or remove the scorecard"))
            }
            if card.finance == nil && framework.segmentation.deficitOverride != nil {
                problems.append(SegmentationProblem(org: card.org,
                    "no financial position recorded, so the deficit override could not be considered; record whether it reports a deficit"))
            }
            var hints: [MetricID: Int] = [:]
            if tieBreaks, let rows = card.published?.rows {
                for metric in framework.metrics { if let rank = rows[metric.id]?.rank { hints[metric.id] = rank } }
            }
            organisations.append(OrganisationInput(
                code: card.org, peerGroup: organisation?.peerGroup, values: card.values,
                reportsDeficit: card.finance?.reportsDeficit ?? false,
                receivesDeficitSupport: card.finance?.receivesDeficitSupport ?? false,
                decision: card.decision.map(RecordedDecision.init), rankHints: hints))
        }
        self.init(metrics: framework.metrics, rules: framework.segmentation, organisations: organisations, problems: problems)
    }
}
