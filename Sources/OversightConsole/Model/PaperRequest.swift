import OversightDomain
import OversightPapers

/// Which board paper a screen writes (`w`): what `oversight export` would make from the same records, with
/// a list's rows as filtered and sorted on screen. A value, so a form can hold it and a draft can keep it.
public enum PaperRequest: Hashable, Sendable, Codable {
    case scorecard(OrgCode, FrameworkID, Period)
    case footprint(FootprintID, FrameworkID, Period)
    /// `listed`: the trusts on screen in their order, and how they were chosen ("filter “north”").
    case league(PeerGroup, FrameworkID, Period, listed: [OrgCode], how: String)
    case agenda(MeetingID)
    case minutes(MeetingID)
    case actions([ActionID], how: String)
    /// Each decision as a scorecard and its place among that scorecard's decisions (0 the one in force).
    case decisions([DecisionRef], how: String)

    public struct DecisionRef: Hashable, Sendable, Codable {
        public var scorecard: ScorecardID
        public var index: Int

        public init(scorecard: ScorecardID, index: Int) {
            self.scorecard = scorecard
            self.index = index
        }
    }

    /// The paper, or nil where what it is about has gone from the store.
    public func paper(in dataset: Dataset, today: CalendarDate) -> Paper? {
        switch self {
        case .scorecard(let code, let frameworkID, let period):
            guard let org = dataset.organisation(code), let framework = dataset.framework(frameworkID) else { return nil }
            return ScorecardPaper.make(org, framework: framework, period: period, in: dataset, today: today)
        case .footprint(let id, let frameworkID, let period):
            guard let footprint = dataset.footprint(id), let framework = dataset.framework(frameworkID) else { return nil }
            return LogPapers.footprint(footprint, framework: framework, period: period, in: dataset)
        case .league(let group, let frameworkID, let period, let listed, let how):
            guard let framework = dataset.framework(frameworkID) else { return nil }
            return LogPapers.league(group, region: nil, framework: framework, period: period, in: dataset, listed: (listed, how))
        case .agenda(let id):
            return dataset.meeting(id).map { MeetingPapers.agenda($0, in: dataset) }
        case .minutes(let id):
            return dataset.meeting(id).map { MeetingPapers.minutes($0, in: dataset) }
        case .actions(let ids, let how):
            return LogPapers.actions(ids.compactMap { dataset.action($0) }, filter: how, in: dataset, today: today)
        case .decisions(let refs, let how):
            let chosen = refs.compactMap { ref -> (card: Scorecard, decision: SegmentDecision)? in
                guard let card = dataset.scorecard(ref.scorecard), card.allDecisions.indices.contains(ref.index) else { return nil }
                return (card, card.allDecisions[ref.index])
            }
            return LogPapers.decisions(chosen, filter: how, in: dataset)
        }
    }

    /// A file name to start from: "RGD-scorecard-2025-26-Q1", "minutes-2026-12-10", "action-log".
    func fileStem(in dataset: Dataset) -> String {
        switch self {
        case .scorecard(let code, _, let period): return "\(code)-scorecard-\(period.id)"
        case .footprint(let id, _, let period): return "\(id)-footprint-\(period.id)"
        case .league(let group, _, let period, _, _): return "league-\(group.rawValue)-\(period.id)"
        case .agenda(let id): return "agenda" + (dataset.meeting(id).map { "-" + $0.date.iso } ?? "")
        case .minutes(let id): return "minutes" + (dataset.meeting(id).map { "-" + $0.date.iso } ?? "")
        case .actions: return "action-log"
        case .decisions: return "decision-log"
        }
    }
}

/// A paper to write: which, in what format, to which file (as typed; the session makes it a full path),
/// and whether the user has said yes to replacing a file of that name.
public struct PaperOrder: Hashable, Sendable, Codable {
    public var request: PaperRequest
    public var format: PaperFormat
    public var path: String
    public var replace: Bool

    public init(request: PaperRequest, format: PaperFormat, path: String, replace: Bool = false) {
        self.request = request
        self.format = format
        self.path = path
        self.replace = replace
    }
}

extension Level {
    /// The row keys as listed on screen: filtered, then in the sort shown.
    var listedKeys: [String] { list.order.map { table.rows[$0].key } }

    /// How the rows on screen were chosen, for the paper to say: "filter “north”, sorted by Rank (descending)".
    var listedHow: String {
        var parts: [String] = []
        if list.isFiltered { parts.append("filter “\(list.filter)”") }
        if let sort = list.sort, table.columns.indices.contains(sort.column) {
            parts.append("sorted by \(table.columns[sort.column].titles.first ?? "")" + (sort.descending ? " (descending)" : ""))
        }
        return parts.isEmpty ? "all, in the order shown" : parts.joined(separator: ", ")
    }
}
