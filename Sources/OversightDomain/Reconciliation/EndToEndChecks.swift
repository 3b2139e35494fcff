/// The whole method from the published values alone: average, segment and rank as the engine computes them.
enum EndToEndChecks {
    static func steps(_ context: Context, recomputed: [OrgCode: SegmentComputation], differingMetrics: [OrgCode: Int]) -> [StepAgreement] {
        var average = Tally(), segment = Tally(), rank = Tally()
        let totalDiffering = differingMetrics.values.reduce(0, +)
        for card in context.cards {
            guard let published = card.published, let ours = recomputed[card.org] else { continue }
            func cause() -> Difference.Cause {
                if let count = differingMetrics[card.org], count > 0 { return .followsMetricScores(count) }
                return context.missing.isEmpty ? .unexplained : .incompletePool(context.missing)
            }
            if let value = published.averageScore {
                average.compare(Context.close(ours.rawScore?.value, value), exact: Context.same(ours.rawScore?.value, value),
                                Difference(org: card.org, row: PublishedRowID.averageScore, published: Context.text(value),
                                           recomputed: Context.text(ours.rawScore?.value), cause: cause()))
            }
            if let value = published.segment {
                segment.compare(ours.adjustedSegment == value, Difference(org: card.org, row: PublishedRowID.adjustedSegment,
                    published: String(value), recomputed: ours.adjustedSegment.map(String.init) ?? "none", cause: cause()))
            }
            if let value = published.rank {
                // A rank moves with every peer's figures, not only the trust's own.
                let moved: Difference.Cause = totalDiffering > 0 ? .followsMetricScores(totalDiffering) : cause()
                rank.compare(ours.rank == value, Difference(org: card.org, row: PublishedRowID.adjustedSegment,
                    published: String(value), recomputed: ours.rank.map(String.init) ?? "none", cause: moved))
            }
        }
        return [
            average.step(.endToEndAverage, "Average metric score, end to end",
                         "the engine's raw score from the published values (step 1 then step 2); within 0.01"),
            segment.step(.endToEndSegment, "Adjusted segment, end to end",
                         "the engine's segment after the financial override, from the published values and deficit flags"),
            rank.step(.endToEndRank, "League rank, end to end", "the engine's league position within the peer group"),
        ]
    }

    struct Tally {
        var compared = 0, agreed = 0, exact = 0
        var differences: [Difference] = []

        mutating func compare(_ agrees: Bool, exact isExact: Bool? = nil, _ difference: @autoclosure () -> Difference) {
            compared += 1
            if isExact == true { exact += 1 }
            if agrees { agreed += 1 } else { differences.append(difference()) }
        }

        func step(_ step: StepAgreement.Step, _ title: String, _ rule: String) -> StepAgreement {
            StepAgreement(step: step, title: title, rule: rule, compared: compared, agreed: agreed,
                          exact: step == .endToEndAverage ? exact : nil, differences: differences)
        }
    }
}
