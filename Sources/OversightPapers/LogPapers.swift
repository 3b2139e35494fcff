import OversightDomain

/// A footprint's trusts, a league table, and the action and decision logs across meetings.
public enum LogPapers {
    /// An ICS or STP footprint: its trusts with their published position for the quarter.
    public static func footprint(_ footprint: Footprint, framework: Framework, period: Period, in dataset: Dataset) -> Paper {
        let league = PublishedLeague(dataset, framework: framework.id, period: period)
        let members = dataset.members(of: footprint.id, on: min(period.end, footprint.validTo ?? period.end)).trusts
        let rows: [[Cell]] = members.map { member in
            let org = member.organisation
            let standing = league.standings[org.code]
            return [.text(org.code.rawValue), .text(org.name), .text(org.peerGroup?.label ?? org.kind.label), .text(member.role.rawValue),
                    standing.map { .integer($0.shownSegment) } ?? .text("not published"), standing?.rankText.map { .text($0) } ?? .empty,
                    standing.map { .integer($0.rankedInGroup) } ?? .empty, Cell.figure(standing?.averageScore, decimals: 2),
                    .text(standing?.movement.map { "\($0.segments): \($0.explanation)" } ?? ""),
                    .text(standing?.inDeficit.map { $0 ? "yes" : "no" } ?? "")]
        }
        let table = PaperTable(caption: "Trusts in \(footprint.name) (\(footprint.id)), \(framework.shortName) \(period.label)",
                               columns: ["ODS code", "Trust", "Peer group", "Role", "Segment", "Rank", "Of", "Average score", "Since the quarter before", "Deficit"],
                               rows: rows, emptyText: "No trusts are recorded in this footprint for \(period.label).")
        let published = rows.filter { if case .integer = $0[4] { return true } else { return false } }.count
        let blocks: [Block] = [
            .facts([Fact("Footprint", "\(footprint.name) (\(footprint.id)), \(footprint.era.shortLabel)"),
                    Fact("Region", dataset.region(footprint.region)?.name ?? footprint.region.rawValue),
                    Fact("Framework and quarter", "\(framework.shortName), \(period.label)"),
                    Fact("Trusts with a published segment", "\(published) of \(rows.count)")]),
            .table(table),
        ]
        return Paper(title: "\(footprint.name): trusts' \(framework.shortName) positions, \(period.label)", blocks: blocks, table: table)
    }

    /// A peer group's published league table (optionally one region's trusts, keeping their national rank).
    /// `listed`: only these trusts, in this order, and what chose them (the console's list as filtered and sorted on screen).
    public static func league(_ group: PeerGroup, region: Region?, framework: Framework, period: Period, in dataset: Dataset,
                              listed: (codes: [OrgCode], how: String)? = nil) -> Paper {
        let league = PublishedLeague(dataset, framework: framework.id, period: period)
        let codes = listed?.codes ?? (league.tables[group] ?? []).filter { code in region.map { dataset.organisation(code)?.region == $0.code } ?? true }
        let rows: [[Cell]] = codes.compactMap { code in
            guard let standing = league.standings[code], let org = dataset.organisation(code) else { return nil }
            return [standing.rank.map(Cell.integer) ?? .empty, .text(standing.joint ? "yes" : ""), .text(code.rawValue), .text(org.name),
                    .text(dataset.region(org.region)?.name ?? ""), .integer(standing.segment), standing.unadjustedSegment.map(Cell.integer) ?? .empty,
                    Cell.figure(standing.averageScore, decimals: 2), .text(standing.inDeficit.map { $0 ? "yes" : "no" } ?? ""),
                    .text(standing.movement?.segments ?? "")]
        }
        let scope = region.map { " in \($0.name)" } ?? ""
        let table = PaperTable(caption: "\(group.label.capitalisedFirst) trusts\(scope), \(framework.shortName) \(period.label)",
                               columns: ["Rank", "Joint", "ODS code", "Trust", "Region", "Segment", "Unadjusted segment", "Average score", "Deficit", "Since the quarter before"],
                               rows: rows, emptyText: "NHS England has published no \(group.label) league for \(period.label).")
        var blocks: [Block] = [.facts([Fact("Peer group", group.label), Fact("Framework and quarter", "\(framework.shortName), \(period.label)"),
                                       Fact("Trusts ranked nationally", "\(league.count(group))")])]
        if region != nil { blocks.append(.paragraph("Ranks are national: the trusts of this region keep their place among all \(league.count(group)).")) }
        if let listed { blocks.append(.paragraph("As listed on screen: \(listed.how).")) }
        blocks.append(.table(table))
        return Paper(title: "League table: \(group.label) trusts\(scope), \(period.label)", blocks: blocks, table: table)
    }

    public struct ActionFilter: Sendable {
        public var org: OrgCode?
        public var ics: FootprintID?
        public var owner: String?
        public var status: Action.Status?
        public var overdueOnly: Bool

        public init(org: OrgCode? = nil, ics: FootprintID? = nil, owner: String? = nil, status: Action.Status? = nil, overdueOnly: Bool = false) {
            self.org = org
            self.ics = ics
            self.owner = owner
            self.status = status
            self.overdueOnly = overdueOnly
        }

        func includes(_ subject: Subject, in dataset: Dataset, on day: CalendarDate) -> Bool {
            if let org, subject != .organisation(org) { return false }
            if let ics {
                switch subject {
                case .footprint(let id): if id != ics { return false }
                case .organisation(let code): if dataset.organisation(code)?.footprints(on: day).contains(ics) != true { return false }
                case .meeting: return false
                }
            }
            return true
        }

        var label: String {
            var parts: [String] = []
            if let org { parts.append("organisation \(org)") }
            if let ics { parts.append("ICS \(ics)") }
            if let owner { parts.append("owner “\(owner)”") }
            if let status { parts.append("status \(status.rawValue)") }
            if overdueOnly { parts.append("overdue only") }
            return parts.isEmpty ? "all" : parts.joined(separator: ", ")
        }
    }

    /// Actions across meetings, open first and then by due date.
    public static func actions(_ filter: ActionFilter, in dataset: Dataset, today: CalendarDate) -> Paper {
        let chosen = dataset.actions.filter { action in
            filter.includes(action.subject, in: dataset, on: today)
                && (filter.owner.map { action.owner.lowercased().contains($0.lowercased()) } ?? true)
                && (filter.status.map { action.status == $0 } ?? true)
                && (!filter.overdueOnly || action.isOverdue(on: today))
        }.sorted { ($0.status.rawValue, $0.due?.dayNumber ?? .max, $0.id) < ($1.status.rawValue, $1.due?.dayNumber ?? .max, $1.id) }
        return actions(chosen, filter: filter.label, in: dataset, today: today)
    }

    /// These actions in this order (the console's list as filtered and sorted on screen), the filter said in words.
    public static func actions(_ chosen: [Action], filter label: String, in dataset: Dataset, today: CalendarDate) -> Paper {
        let rows: [[Cell]] = chosen.map { action in
            let (code, name) = subjectCells(action.subject, dataset)
            let meeting = action.meeting.flatMap { dataset.meeting($0.meeting) }
            return [.text(action.id.rawValue), .text(code), .text(name), .text(action.text), .text(action.owner), action.due.map(Cell.date) ?? .empty,
                    .text(action.status.rawValue), .text(action.isOverdue(on: today) ? "yes" : "no"), action.completed.map(Cell.date) ?? .empty,
                    .text(meeting?.title ?? ""), meeting.map { .date($0.date) } ?? .empty]
        }
        let table = PaperTable(caption: "Actions (\(label)) as at \(today.display)",
                               columns: ["Action ID", "Code", "Name", "Action", "Owner", "Due", "Status", "Overdue", "Completed", "Meeting", "Meeting date"],
                               rows: rows, emptyText: "No actions match.")
        return Paper(title: "Action log", blocks: [.facts([Fact("Filter", label), Fact("As at", today.display), Fact("Actions", "\(rows.count)")]), .table(table)],
                     table: table)
    }

    /// Segment decisions across meetings, latest first.
    public static func decisions(org: OrgCode?, ics: FootprintID?, period: Period?, in dataset: Dataset, today: CalendarDate) -> Paper {
        let filter = ActionFilter(org: org, ics: ics)
        let cards = dataset.scorecards.filter { card in
            card.decision != nil && filter.includes(.organisation(card.org), in: dataset, on: today) && (period.map { card.period == $0 } ?? true)
        }.sorted { a, b in
            let (da, db) = (a.decision!.date.dayNumber, b.decision!.date.dayNumber)
            return da != db ? da > db : a.id.rawValue < b.id.rawValue
        }
        var parts: [String] = []
        if let org { parts.append("organisation \(org)") }
        if let ics { parts.append("ICS \(ics)") }
        if let period { parts.append(period.label) }
        return decisions(cards.map { ($0, $0.decision!) }, filter: parts.isEmpty ? "all" : parts.joined(separator: ", "), in: dataset)
    }

    /// These decisions in this order (the console's list as filtered and sorted on screen, replaced ones
    /// included), the filter said in words.
    public static func decisions(_ chosen: [(card: Scorecard, decision: SegmentDecision)], filter label: String, in dataset: Dataset) -> Paper {
        let rows: [[Cell]] = chosen.map { card, decision in
            let published = card.published?.segment
            let meeting = decision.meeting.flatMap { dataset.meeting($0.meeting) }
            return [.text(card.org.rawValue), .text(dataset.organisation(card.org)?.name ?? ""), .text(dataset.framework(card.framework)?.shortName ?? card.framework.rawValue),
                    .text(card.period.id), .integer(decision.segment), decision.computed.map(Cell.integer) ?? .empty, published.map(Cell.integer) ?? .text("not published"),
                    .text(decision.basis.rawValue), .text(decision.rationale), .text(decision.decidedBy), .date(decision.date),
                    .text(meeting?.title ?? ""), .text(decision.provenance.kind.rawValue)]
        }
        let table = PaperTable(caption: "Segment decisions (\(label))",
                               columns: ["ODS code", "Organisation", "Framework", "Period", "Decided segment", "Computed segment", "Published segment", "Basis", "Rationale", "Decided by", "Date", "Meeting", "Provenance"],
                               rows: rows, emptyText: "No decisions match.")
        return Paper(title: "Decision log", blocks: [.facts([Fact("Filter", label), Fact("Decisions", "\(rows.count)")]), .table(table)], table: table)
    }

    static func subjectCells(_ subject: Subject, _ dataset: Dataset) -> (String, String) {
        switch subject {
        case .organisation(let code): return (code.rawValue, dataset.organisation(code)?.name ?? "")
        case .footprint(let id): return (id.rawValue, dataset.footprint(id)?.name ?? "")
        case .meeting(let name): return ("", "meeting " + name)
        }
    }
}

extension String {
    var capitalisedFirst: String { prefix(1).uppercased() + dropFirst() }
}
