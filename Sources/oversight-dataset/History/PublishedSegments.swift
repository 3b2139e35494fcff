import OversightDomain

/// Segments from the public record (reference/segment_decisions.csv), put on the scorecards they
/// belong to: they replace an illustrative decision, sit beside illustrative values, or make a card of their own.
enum PublishedSegments {
    static func decisions(_ reference: ReferenceTables, organisations: [Organisation], frameworks: [Framework]) throws -> [ScorecardID: SegmentDecision] {
        let orgs = Dictionary(organisations.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        let byID = Dictionary(frameworks.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var result: [ScorecardID: SegmentDecision] = [:]
        for row in reference.publishedDecisions {
            let place = "segment_decisions.csv, \(row.org) \(row.framework) \(row.period.id)"
            guard let org = orgs[row.org] else { throw GeneratorError("\(place): \(row.org) is not an organisation in the dataset") }
            if org.kind == .icb && org.name != row.orgName {
                throw GeneratorError("\(place): the ICB is called “\(org.name)” in icbs_2022.csv, not “\(row.orgName)”")
            }
            guard let framework = byID[row.framework] else { throw GeneratorError("\(place): unknown framework \(row.framework)") }
            guard framework.segmentRange?.contains(row.segment) == true else {
                throw GeneratorError("\(place): \(framework.shortName) has no segment \(row.segment)")
            }
            guard framework.isInForce(during: row.period) else {
                throw GeneratorError("\(place): \(framework.shortName) was not in force in \(row.period.label)")
            }
            let id = ScorecardID(org: row.org, framework: row.framework, period: row.period)
            guard result[id] == nil else { throw GeneratorError("\(place): listed twice") }
            result[id] = SegmentDecision(segment: row.segment, basis: .published, rationale: row.rationale,
                                         decidedBy: row.decidedBy, date: row.date, provenance: row.provenance)
        }
        return result
    }

    /// Puts each decision on its scorecard, making the card when there is none.
    static func apply(_ decisions: [ScorecardID: SegmentDecision], to scorecards: inout [Scorecard]) {
        var index: [ScorecardID: Int] = [:]
        for (i, card) in scorecards.enumerated() { index[card.id] = i }
        for (id, decision) in decisions.sorted(by: { $0.key < $1.key }) {
            if let i = index[id] {
                scorecards[i].decision = decision
                if scorecards[i].values.isEmpty {
                    // Nothing illustrative is left on the card: it is as good as its decision.
                    scorecards[i].provenance = decision.provenance
                } else {
                    scorecards[i].provenance.note = [scorecards[i].provenance.note, "the values are illustrative; the segment decision is from the public record"]
                        .compactMap { $0 }.joined(separator: "; ")
                }
            } else {
                scorecards.append(Scorecard(org: id.org, framework: id.framework, period: id.period, decision: decision,
                                            provenance: decision.provenance))
            }
        }
    }
}
