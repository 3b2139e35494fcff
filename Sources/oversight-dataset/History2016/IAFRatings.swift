import OversightDomain

/// The CCG IAF headline ratings the public record gives (ccg_iaf_ratings.csv), one annual scorecard each.
/// Only ratings under the IAF itself, in a year it was in force, for a CCG open then, with a rating the
/// framework defines; a row that says only that a rating changed makes no card.
enum IAFRatings {
    static func scorecards(_ rows: [CcgRatingRow], organisations: [Organisation], frameworks: [Framework]) throws -> [Scorecard] {
        let orgs = Dictionary(organisations.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        var cards: [ScorecardID: Scorecard] = [:]
        for row in rows {
            let place = "\(row.place) (\(row.ccg) \(row.year.label))"
            guard let org = orgs[row.ccg], org.kind == .ccg else { throw GeneratorError("\(place): \(row.ccg) is not a CCG in the dataset") }
            guard let framework = frameworks.first(where: { $0.id.rawValue == row.framework }) else {
                // The 2015/16 assurance ratings came before the IAF: kept in the file for readers, not in the store.
                guard row.year.financialYear < 2016 else { throw GeneratorError("\(place): unknown framework \(row.framework)") }
                continue
            }
            guard framework.isAnnual, framework.isInForce(during: row.year) else {
                throw GeneratorError("\(place): \(framework.shortName) gave no annual rating for \(row.year.label)")
            }
            guard let rating = row.rating else { continue }
            guard framework.ratings.contains(where: { $0.id == rating }) else {
                throw GeneratorError("\(place): \(framework.shortName) has no rating “\(rating)”")
            }
            guard org.isOpen(on: row.year.end) || org.isOpen(on: row.year.start) else {
                throw GeneratorError("\(place): \(row.ccg) was not open in \(row.year.label)")
            }
            let id = ScorecardID(org: row.ccg, framework: framework.id, period: row.year)
            guard cards[id] == nil else { throw GeneratorError("\(place): rated twice for the year") }
            cards[id] = Scorecard(org: row.ccg, framework: framework.id, period: row.year, rating: rating, provenance: row.provenance)
        }
        return cards.values.sorted { $0.id < $1.id }
    }
}
