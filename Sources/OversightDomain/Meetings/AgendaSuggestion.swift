/// Which organisations a suggested agenda looks at.
public enum AgendaScope: Hashable, Sendable {
    case ics(FootprintID)
    case region(RegionCode)
    case peerGroup(PeerGroup)

    public func label(in dataset: Dataset) -> String {
        switch self {
        case .ics(let id): return dataset.footprint(id).map { "\($0.name) (\(id))" } ?? id.rawValue
        case .region(let code): return dataset.region(code).map { "\($0.name) region" } ?? code.rawValue
        case .peerGroup(let group): return "\(group.label) trusts"
        }
    }

    public func includes(_ org: Organisation, on day: CalendarDate) -> Bool {
        switch self {
        case .ics(let id): return org.footprints(on: day).contains(id)
        case .region(let code): return org.region == code
        case .peerGroup(let group): return org.peerGroup == group
        }
    }
}

/// An item the data proposes for the agenda, with every reason it gave (the reasons stay on the item once kept).
public struct AgendaSuggestion: Hashable, Sendable {
    public enum Reason: Hashable, Sendable {
        /// In segment 4, or 5 (the Provider Improvement Programme or the Recovery Support Programme).
        case highSegment(Int, recoverySupport: Bool)
        /// The published segment changed since the quarter before, and why.
        case moved(SegmentMovement, since: Period)
        /// The published average lies within the framework's margin of a cut-point.
        case nearBoundary(BoundaryProximity, average: Double)
        /// An intervention in force, with its next dated event on or after today, if one is logged.
        case openIntervention(name: String, since: CalendarDate, nextEvent: InterventionEvent?)
        case overdueActions(count: Int, oldestDue: CalendarDate)
        /// A decision the meeting has to take this quarter.
        case decisionPending(String)

        /// Sorting weight: what a board must take first.
        var weight: Int {
            switch self {
            case .highSegment(let s, _): return s >= 5 ? 100 : 80
            case .decisionPending: return 60
            case .moved(let m, _): return m.to > m.from ? 50 : 30
            case .overdueActions: return 40
            case .openIntervention(_, _, let next): return next == nil ? 15 : 25
            case .nearBoundary: return 20
            }
        }

        public var text: String {
            switch self {
            case .highSegment(let s, let rsp):
                return rsp ? "In segment \(s) as published (the Recovery Support Programme)" : "In segment \(s)"
            case .moved(let movement, let since):
                return "Segment \(movement.segments) since \(since.label): \(movement.explanation)"
            case .nearBoundary(let near, let average):
                let side = abs(near.gap) < 0.005 ? "on" : (near.gap < 0 ? "\(formatDecimal(-near.gap, decimals: 2)) on the better side of" : "\(formatDecimal(near.gap, decimals: 2)) on the worse side of")
                return "Near a boundary: average score \(formatDecimal(average, decimals: 2)) is \(side) the cut-point between segments \(near.boundary) and \(near.boundary + 1) (\(formatDecimal(near.value, decimals: 2)))"
            case .openIntervention(let name, let since, let next):
                let event = next.map { "; next event \($0.date.display): \($0.text)" } ?? ""
                return "Open intervention: \(name) since \(since.display)\(event)"
            case .overdueActions(let count, let oldest):
                return "\(count) overdue action\(count == 1 ? "" : "s") (oldest due \(oldest.display))"
            case .decisionPending(let text):
                return "Decision pending: " + text
            }
        }
    }

    public let org: OrgCode
    public let name: String
    public let segment: Int?
    public let rank: String?
    public let reasons: [Reason]

    public var weight: Int { reasons.map(\.weight).reduce(0, +) }

    /// The reasons as one text, as the agenda item keeps them.
    public var reasonText: String { reasons.map(\.text).joined(separator: "; ") }

    /// What the data proposes for a scope and quarter: every organisation in it with at least one reason, the
    /// weightiest first (then by published rank). Figures are the published ones; an organisation with
    /// nothing published that quarter can still be proposed for its actions, interventions or decisions.
    public static func suggest(_ scope: AgendaScope, framework: FrameworkID, period: Period, in dataset: Dataset,
                               today: CalendarDate) -> [AgendaSuggestion] {
        let league = PublishedLeague(dataset, framework: framework, period: period)
        let frameworkDef = dataset.framework(framework)
        let members = dataset.organisations.filter { scope.includes($0, on: period.end) && ($0.isProvider || $0.peerGroup != nil) }
        var out: [AgendaSuggestion] = []
        for org in members {
            var reasons: [Reason] = []
            let standing = league.standings[org.code]
            if let standing {
                if standing.shownSegment >= 4 { reasons.append(.highSegment(standing.shownSegment, recoverySupport: standing.finalSegment != nil)) }
                if let movement = standing.movement, movement.from != movement.to { reasons.append(.moved(movement, since: period.previous)) }
                if let near = standing.nearBoundaries.first, let average = standing.averageScore {
                    reasons.append(.nearBoundary(near, average: average))
                }
            }
            for item in dataset.interventions where item.org == org.code && item.isOpen && item.inForce(during: period) {
                let next = item.events.filter { $0.date.dayNumber >= today.dayNumber }.min { $0.date.dayNumber < $1.date.dayNumber }
                let name = dataset.interventionType(item.type)?.name ?? item.type.rawValue
                reasons.append(.openIntervention(name: name, since: item.start, nextEvent: next))
            }
            let overdue = dataset.actions.filter { $0.subject == .organisation(org.code) && $0.isOverdue(on: today) }
            if let oldest = overdue.compactMap(\.due).min(by: { $0.dayNumber < $1.dayNumber }) {
                reasons.append(.overdueActions(count: overdue.count, oldestDue: oldest))
            }
            let decided = dataset.scorecard(ScorecardID(org: org.code, framework: framework, period: period))?.decision
            if decided == nil, let standing {
                if standing.segment == 4, standing.finalSegment == nil, frameworkDef?.segmentation.decisionOnlySegment != nil {
                    // Segment 5 is entered only by decision, so a trust in 4 is one the meeting must decide on.
                    let five = frameworkDef?.segmentation.decisionOnlySegment ?? 5
                    reasons.append(.decisionPending("in segment 4 for \(period.label); whether it enters segment \(five) (the Provider Improvement Programme) is a decision, and none is recorded"))
                } else if let last = dataset.scorecards.filter({ $0.org == org.code && $0.framework == framework && $0.period < period && $0.decision != nil })
                            .max(by: { $0.period < $1.period }), let was = last.decision, was.segment != standing.shownSegment {
                    reasons.append(.decisionPending("decided \(was.segment) for \(last.period.label); published \(standing.shownSegment) for \(period.label), no decision recorded"))
                }
            }
            guard !reasons.isEmpty else { continue }
            out.append(AgendaSuggestion(org: org.code, name: org.name, segment: standing?.shownSegment, rank: standing?.rankText, reasons: reasons))
        }
        return out.sorted { a, b in
            if a.weight != b.weight { return a.weight > b.weight }
            let (ra, rb) = (league.standings[a.org]?.rank ?? .max, league.standings[b.org]?.rank ?? .max)
            return ra != rb ? ra > rb : a.org < b.org
        }
    }
}
