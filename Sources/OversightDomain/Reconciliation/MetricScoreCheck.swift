/// Step 1: each metric's published scores against those recomputed from the published values (standard 1,
/// floor 4, an even spread between the bookends, ties taking the best score of their cluster).
enum MetricScoreCheck {
    static func agreement(_ metric: MetricDefinition, _ context: Context, recomputed: [OrgCode: SegmentComputation],
                          strict: [OrgCode: SegmentComputation]) -> MetricAgreement {
        let givenOnly: Bool
        if case .score = metric.scoring { givenOnly = true } else { givenOnly = false }
        let applicable = metric.appliesTo.isEmpty ? PeerGroup.allCases : metric.appliesTo
        var compared = 0
        var agreedStrict = 0
        var agreed = 0
        var differences: [Difference] = []
        for card in context.cards {
            guard let published = context.score(card, metric) else { continue }
            compared += 1
            if givenOnly { continue }
            let ours = recomputed[card.org].flatMap { score(metric.id, in: $0) }
            if Context.same(strict[card.org].flatMap { score(metric.id, in: $0) }, published) { agreedStrict += 1 }
            if Context.same(ours, published) {
                agreed += 1
                continue
            }
            let cause: Difference.Cause
            if ours == nil {
                cause = .noValue
            } else if metric.pool == .allProviders, let pooled = context.poolCause(applicable) {
                cause = pooled
            } else if metric.pool == .allProviders, let tied = tiedElsewhere(card, metric, context), !tied.isEmpty {
                cause = .tieAcrossPeerGroups(tied)
            } else {
                cause = .unexplained
            }
            differences.append(Difference(org: card.org, row: metric.scoreRow ?? metric.id, published: Context.text(published),
                                          recomputed: Context.text(ours), cause: cause))
        }
        if givenOnly { (agreed, agreedStrict) = (compared, compared) }
        let pooledElsewhere = differences.contains { if case .incompletePool = $0.cause { true } else { false } }
        return MetricAgreement(metric: metric.id, name: metric.name, compared: compared, agreedStrict: agreedStrict,
                               agreed: agreed, givenOnly: givenOnly, differences: differences,
                               impliedPool: pooledElsewhere ? impliedPool(metric, context) : nil)
    }

    /// The smallest pool of ranked values that every published score of a ranked metric fits, when the trusts
    /// here are part of it: a score s between bookends low and high in a pool of N says the trust had b better,
    /// low + (high − low) × b ÷ (N − 1) rounding to s; with b₀ better among the trusts here, b − b₀ must lie
    /// between 0 and the N − n trusts not here.
    static func impliedPool(_ metric: MetricDefinition, _ context: Context) -> MetricAgreement.ImpliedPool? {
        guard case .ranked = metric.scoring else { return nil }
        let low = metric.standard == nil ? 1.0 : 2.0
        let high = metric.floor == nil ? 4.0 : 3.0
        var ranked: [(value: Double, score: Double)] = []
        for card in context.cards {
            guard let value = card.values[metric.id]?.number, metric.meetsStandard(value) != true, metric.failsFloor(value) != true,
                  let score = context.score(card, metric) else { continue }
            ranked.append((value, score))
        }
        let here = ranked.count
        guard here > 1 else { return nil }
        let better = ranked.map { entry in ranked.filter { metric.isBetter($0.value, than: entry.value) }.count }
        for size in here...(here + 400) {
            let unseen = size - here
            let fits = ranked.indices.allSatisfy { i in
                // The positions b whose score rounds to the published one: (s ∓ 0.005 − low) × (N − 1) ÷ (high − low).
                let span = Double(size - 1) / (high - low)
                let from = Int(((ranked[i].score - 0.005 - low) * span).rounded(.up))
                let to = Int(((ranked[i].score + 0.005 - low) * span).rounded(.down))
                return max(from, better[i]) <= min(to, better[i] + unseen)
            }
            if fits { return size == here ? nil : MetricAgreement.ImpliedPool(here: here, size: size) }
        }
        return nil
    }

    /// Trusts of other peer groups whose value of `metric` is equal to this card's as published.
    static func tiedElsewhere(_ card: Scorecard, _ metric: MetricDefinition, _ context: Context) -> [OrgCode]? {
        guard let value = card.values[metric.id]?.number, let index = context.cards.firstIndex(where: { $0.org == card.org }) else { return nil }
        let group = context.groups[index]
        return context.cards.indices.filter { i in
            context.groups[i] != group && context.cards[i].values[metric.id]?.number == value
        }.map { context.cards[$0].org }
    }

    static func score(_ metric: MetricID, in computation: SegmentComputation) -> Double? {
        computation.metrics.first { $0.metric == metric }?.score?.value
    }
}
