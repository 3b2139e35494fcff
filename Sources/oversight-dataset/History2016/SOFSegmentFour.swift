import OversightDomain

/// SOF 2016 segments derived from the special measures record: under SOF 2016 segment 4 meant special
/// measures and nothing else (sof_2016_segment_4_rule.csv), so a trust the record shows in quality or
/// financial special measures in a quarter was in segment 4 then. No other SOF 2016 segment is known,
/// and none is made up.
///
/// Only quarters the record makes certain count. A trust entered on a date (to the day, month or year)
/// and was still in on each later date a source gives ("remained", or the day before an exit dated to
/// the day or month): it was in throughout from the last day its entry can mean to the latest of those,
/// and on some day of its entry's span, which names a quarter only when the span lies inside one. A
/// "remained" or exit marked approximate, and an end the generator inferred, say nothing of when it
/// was still in; an approximate entry is used, but the segment it gives is marked unverified.
enum SOFSegmentFour {
    struct Derived {
        let cards: [Scorecard]
        /// For each intervention that gave a card, the first card it gave.
        let firstCard: [InterventionID: ScorecardID]
    }

    static func derive(_ rules: [SegmentRuleRow], events: [InterventionEventRow], types: [InterventionType],
                       organisations: [Organisation], frameworks: [Framework]) throws -> Derived {
        let orgs = Dictionary(organisations.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        let typeNames = Dictionary(types.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        var order: [InterventionID] = []
        var byID: [InterventionID: [InterventionEventRow]] = [:]
        for row in events {
            if byID[row.intervention] == nil { order.append(row.intervention) }
            byID[row.intervention, default: []].append(row)
        }
        struct Evidence {
            let intervention: InterventionID
            let rows: [InterventionEventRow]
            /// When the segment applied from within the quarter.
            let from: CalendarDate
        }
        var found: [ScorecardID: (rule: SegmentRuleRow, framework: Framework, evidence: [Evidence])] = [:]
        var firstCard: [InterventionID: ScorecardID] = [:]
        for rule in rules {
            let place = "sof_2016_segment_4_rule.csv, \(rule.framework)"
            guard let framework = frameworks.first(where: { $0.id == rule.framework }) else { throw GeneratorError("\(place): unknown framework") }
            guard framework.segment(rule.segment) != nil else { throw GeneratorError("\(place): \(framework.shortName) has no segment \(rule.segment)") }
            for type in rule.types where typeNames[type] == nil { throw GeneratorError("\(place): unknown intervention type \(type)") }
            for id in order {
                let rows = byID[id]!
                guard let entry = rows.first(where: { $0.event == .entered || $0.event == .reEntered }), rule.types.contains(entry.type),
                      let org = orgs[entry.recordUnder], org.isProvider else { continue }
                for (quarter, shown) in certainQuarters(rows, entry: entry) {
                    guard framework.isInForce(during: quarter), quarter.end.dayNumber >= rule.from.dayNumber,
                          quarter.start.dayNumber <= rule.to.lastDayNumber, org.isOpen(during: quarter.start, quarter.end) else { continue }
                    let card = ScorecardID(org: org.code, framework: framework.id, period: quarter)
                    if let earlier = found[card], earlier.rule.segment != rule.segment {
                        throw GeneratorError("\(place): \(card) would be segment \(rule.segment) and \(earlier.rule.segment)")
                    }
                    let evidence = Evidence(intervention: id, rows: shown, from: entry.date.dayNumber >= quarter.start.dayNumber ? entry.date : quarter.start)
                    found[card, default: (rule, framework, [])].evidence.append(evidence)
                    if firstCard[id].map({ card.period < $0.period }) ?? true { firstCard[id] = card }
                }
            }
        }
        let cards = found.sorted { $0.key < $1.key }.map { id, item in
            let rows = item.evidence.flatMap(\.rows)
            // One intervention whose record is firm (confirmed, and dated without "c.") is enough.
            let firm = item.evidence.contains { $0.rows.allSatisfy { $0.provenance.kind == .sourced && !$0.date.approximate } }
            let what = Set(item.evidence.map { typeNames[$0.rows[0].type]!.lowercased() }).sorted().joined(separator: " and ")
            let record = item.evidence.map { evidence in
                "\(evidence.intervention) (" + evidence.rows.map { "\($0.event.rawValue) \($0.date.display)" }.joined(separator: ", ") + ")"
            }.joined(separator: "; ")
            var sources: [String] = []
            for source in [item.rule.provenance.source] + rows.map(\.provenance.source) {
                if let source, !sources.contains(source) { sources.append(source) }
            }
            let shortName = item.framework.shortName
            let provenance = Provenance(
                firm ? .sourced : .unverified, source: sources.joined(separator: "; "),
                note: firm ? nil : "rests on an approximate or unconfirmed date in the special measures record",
                derivation: "derived from the special measures record, \(record), and the rule that under \(shortName) segment \(item.rule.segment) meant special measures")
            let decision = SegmentDecision(
                segment: item.rule.segment, basis: .published,
                rationale: "In \(what) during \(id.period.label); under \(shortName) segment \(item.rule.segment) was for trusts in special measures and no others.",
                decidedBy: "NHS Improvement", date: item.evidence.map(\.from).max()!, provenance: provenance)
            return Scorecard(org: id.org, framework: id.framework, period: id.period, decision: decision, provenance: provenance)
        }
        return Derived(cards: cards, firstCard: firstCard)
    }

    /// The quarters the record makes certain the intervention was in force in, each with the rows that show it.
    static func certainQuarters(_ rows: [InterventionEventRow], entry: InterventionEventRow) -> [(Period, [InterventionEventRow])] {
        var result: [(Period, [InterventionEventRow])] = []
        // Still in on each of these days.
        var latest: (day: Int, row: InterventionEventRow)?
        for row in rows where row.date.dayNumber >= entry.date.dayNumber {
            guard !row.date.approximate else { continue }
            let day: Int
            switch row.event {
            case .remained: day = row.date.dayNumber
            case .exited: day = row.date.dayNumber - 1
            default: continue
            }
            if latest == nil || day > latest!.day { latest = (day, row) }
        }
        let entryQuarter = Period.quarter(containing: entry.date)
        if let latest, latest.day >= entry.date.lastDayNumber {
            var quarter = Period.quarter(containing: CalendarDate.fromDayNumber(entry.date.lastDayNumber))
            while quarter.start.dayNumber <= latest.day {
                result.append((quarter, [entry, latest.row]))
                quarter = quarter.next
            }
        } else if entryQuarter.end.dayNumber >= entry.date.lastDayNumber {
            result.append((entryQuarter, [entry]))
        }
        return result
    }
}
