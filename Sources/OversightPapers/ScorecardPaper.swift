import OversightDomain

/// A trust's NOF position laid out as trust boards report it: headline, domain table, metric table, trend,
/// open interventions and actions. Every figure is NHS England's published one, read from the store; where
/// nothing is published the paper says so.
public enum ScorecardPaper {
    public static func make(_ org: Organisation, framework: Framework, period: Period, in dataset: Dataset, today: CalendarDate) -> Paper {
        let league = PublishedLeague(dataset, framework: framework.id, period: period)
        let standing = league.standings[org.code]
        let card = dataset.scorecard(ScorecardID(org: org.code, framework: framework.id, period: period))
        let published = card?.published
        var blocks: [Block] = []
        var facts = [
            Fact("Organisation", "\(org.name) (\(org.code))"),
            Fact("Type", org.type?.label ?? org.kind.label),
            Fact("Region", dataset.region(org.region)?.name ?? org.region.rawValue),
            Fact("Framework and quarter", "\(framework.shortName), \(period.label)"),
        ]
        if let standing {
            facts.append(Fact("Segment", PaperText.segment(standing)))
            facts.append(Fact("Rank", standing.rankText.map { "\($0) of \(standing.rankedInGroup) \(standing.peerGroup.label) trusts" } ?? "not ranked"))
            facts.append(Fact("Average metric score", standing.averageScore.map { formatDecimal($0, decimals: 2) } ?? "not published"))
            if let movement = standing.movement {
                facts.append(Fact("Since \(period.previous.label)", "\(movement.segments): \(movement.explanation)"))
            } else {
                facts.append(Fact("Since \(period.previous.label)", "no segment published for \(period.previous.label) to compare"))
            }
            facts.append(Fact("Deficit (financial override flag)", standing.inDeficit.map { $0 ? "yes: in deficit or on deficit support" : "no" } ?? "not published"))
        } else {
            facts.append(Fact("Segment", "NHS England has published no \(framework.shortName) segment for this trust for \(period.label)"))
        }
        if let decision = card?.decision {
            facts.append(Fact("Decided", "segment \(decision.segment) by \(decision.decidedBy) on \(decision.date.display): \(decision.rationale)"))
        }
        if let release = published.flatMap({ dataset.release($0.release) }) {
            facts.append(Fact("Source", release.provenance.source ?? release.fileName))
        }
        blocks.append(.facts(facts))
        if let standing, let rank = standing.rank {
            blocks.append(.chart(.leaguePosition(title: "League position, \(period.label)", rank: rank, of: standing.rankedInGroup, segment: standing.segment)))
        }

        // Domains.
        let domainRows: [[Cell]] = framework.themes.compactMap { theme in
            guard let rows = published?.rows, theme.scoreRow.flatMap({ rows[$0] }) != nil || theme.segmentRow.flatMap({ rows[$0] }) != nil else { return nil }
            let score = theme.scoreRow.flatMap { rows[$0]?.value }
            let segment = theme.segmentRow.flatMap { rows[$0]?.value }
            return [.text(theme.name), Cell.figure(score, decimals: 2), segment.map { .integer(Int($0)) } ?? .empty]
        }
        blocks.append(.heading("Domains", level: 2))
        blocks.append(.table(PaperTable(caption: "Domain scores (context only; the segment comes from the average)", columns: ["Domain", "Score", "Segment"],
                                        rows: domainRows, emptyText: "No domain scores published for \(period.label).")))

        // Metrics.
        let counts = rankCounts(framework, org.peerGroup, period, dataset)
        var displayRows: [[Cell]] = []
        var csvRows: [[Cell]] = []
        for metric in framework.metrics(for: org.peerGroup) {
            guard let rows = published?.rows else { break }
            let valueRow = rows[metric.id]
            let scoreRow = rows[metric.scoreRow ?? metric.id]
            guard valueRow != nil || scoreRow != nil else { continue }
            let hasValue = metric.scoreRow != nil
            let value = hasValue ? valueRow?.value : nil
            let score = scoreRow?.value.flatMap { $0 > 0 ? $0 : nil }
            let rank = (hasValue ? valueRow : scoreRow)?.rank
            let met: String = {
                guard hasValue, let value else { return "" }
                if let meets = metric.meetsStandard(value) { return meets ? "met" : "not met" }
                if let fails = metric.failsFloor(value) { return fails ? "below floor" : "above floor" }
                return ""
            }()
            let standard = metric.standard.map { (metric.direction == .higherIsBetter ? "≥" : "≤") + metric.format($0) } ?? ""
            let cells: [Cell] = [
                .text(metric.id.rawValue), .text(metric.label),
                value.map { .number($0, shown: valueRow?.isCount == true && !metric.countBrackets.isEmpty ? formatDecimal($0, decimals: 0) + " cases" : metric.format($0)) }
                    ?? .text(hasValue ? (valueRow == nil ? "" : "none") : "score only"),
                .text(valueRow?.reportingDate ?? scoreRow?.reportingDate ?? ""),
                hasValue ? valueRow?.median.map { .number($0, shown: metric.format($0)) } ?? .empty : .empty,
                hasValue ? valueRow?.lowerQuartile.map { .number($0, shown: metric.format($0)) } ?? .empty : .empty,
                hasValue ? valueRow?.upperQuartile.map { .number($0, shown: metric.format($0)) } ?? .empty : .empty,
                rank.map(Cell.integer) ?? .empty, counts[metric.id].map(Cell.integer) ?? .empty,
                Cell.figure(score, decimals: 2), .text(standard), .text(met),
            ]
            displayRows.append(cells)
            csvRows.append([.text(org.code.rawValue), .text(org.name), .text(period.id)] + cells)
        }
        let columns = ["Metric ID", "Metric", "Value", "Reporting period", "Peer median", "Lower quartile", "Upper quartile", "Rank", "Of", "Score", "Standard", "Standard met"]
        blocks.append(.heading("Metrics", level: 2))
        blocks.append(.table(PaperTable(caption: "Metrics as published for \(period.label) (quartiles and ranks within the trust type)", columns: columns,
                                        rows: displayRows, emptyText: "No \(framework.shortName) metrics published for this trust for \(period.label).")))

        // Trend.
        blocks.append(.pageBreak)
        blocks.append(.heading("Trend", level: 2))
        let quarters = (1...4).map { Period.quarter(period.financialYear, $0) }.filter { $0 <= period }
        let points = quarters.map { q in
            SegmentPoint(label: q.shortLabel, segment: dataset.scorecard(ScorecardID(org: org.code, framework: framework.id, period: q))?.published?.segment)
        }
        blocks.append(.chart(.segmentTimeline(title: "Published segment by quarter, \(framework.shortName)", points: points, segments: framework.segmentRange ?? 1...5)))
        for metric in framework.metrics(for: org.peerGroup) where metric.scoreRow != nil {
            let trendPoints = quarters.map { q -> MetricTrend.Point in
                let row = dataset.scorecard(ScorecardID(org: org.code, framework: framework.id, period: q))?.published?.rows[metric.id]
                return MetricTrend.Point(label: q.shortLabel, value: row?.value, median: row?.median, lowerQuartile: row?.lowerQuartile, upperQuartile: row?.upperQuartile)
            }
            guard trendPoints.contains(where: { $0.value != nil }) else { continue }
            blocks.append(.chart(.metricTrend(MetricTrend(title: "\(metric.label) (\(metric.id))", standard: metric.standard,
                                                           higherIsBetter: metric.direction == .higherIsBetter, decimals: metric.decimals,
                                                           suffix: metric.unit == .poundsMillion ? "" : metric.unit.symbol, points: trendPoints))))
        }

        // Interventions and actions.
        blocks.append(.heading("Open interventions", level: 2))
        let interventions = dataset.interventions.filter { $0.org == org.code && $0.isOpen }.sorted { $0.start.dayNumber < $1.start.dayNumber }
        blocks.append(.table(PaperTable(caption: "Open interventions", columns: ["Intervention", "Since", "Status", "Reason", "Exit criteria"],
                                        rows: interventions.map { [.text(dataset.interventionType($0.type)?.name ?? $0.type.rawValue), .date($0.start),
                                                                   .text($0.status.label), .text($0.reason), .text($0.exitCriteria)] },
                                        emptyText: "No open interventions recorded.")))
        blocks.append(.heading("Actions", level: 2))
        let actions = dataset.actions.filter { $0.subject == .organisation(org.code) && $0.status == .open }
        blocks.append(.table(PaperTable(caption: "Open actions", columns: ["Action", "Owner", "Due", "Overdue"],
                                        rows: actions.map { [.text($0.text), .text($0.owner), $0.due.map(Cell.date) ?? .empty, .text($0.isOverdue(on: today) ? "overdue" : "")] },
                                        emptyText: "No open actions recorded.")))
        let table = PaperTable(caption: "\(org.name) (\(org.code)) metrics, \(period.label)", columns: ["ODS code", "Trust", "Period"] + columns, rows: csvRows)
        return Paper(title: "\(org.name): \(framework.shortName) position, \(period.label)", blocks: blocks, table: table)
    }

    /// Trusts of the peer group with a published rank for each metric this quarter: the N of "rank of N".
    static func rankCounts(_ framework: Framework, _ group: PeerGroup?, _ period: Period, _ dataset: Dataset) -> [MetricID: Int] {
        var counts: [MetricID: Int] = [:]
        for card in dataset.scorecards where card.framework == framework.id && card.period == period {
            guard let rows = card.published?.rows, dataset.organisation(card.org)?.peerGroup == group else { continue }
            for metric in framework.metrics where rows[metric.scoreRow != nil ? metric.id : metric.id]?.rank != nil { counts[metric.id, default: 0] += 1 }
        }
        return counts
    }
}
