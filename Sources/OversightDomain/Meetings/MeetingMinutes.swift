/// A meeting's minutes as they stand, worked out from the store: each item with the published facts it was
/// based on and what was recorded at it. Nothing is copied into the meeting, so the minutes always show what
/// the records say; a figure is the published one or is said to be missing, never one of ours.
public struct MeetingMinutes: Sendable {
    /// The published position of an organisation an item was about, for the quarter the meeting looked at.
    public struct Facts: Sendable {
        public let framework: FrameworkID
        public let frameworkName: String
        public let period: Period
        /// Nil where nothing is published for the organisation that quarter.
        public let standing: PublishedStanding?
        /// The segment the meeting (or an earlier one) decided for that quarter, if any.
        public let decision: SegmentDecision?
    }

    public struct Item: Sendable {
        public let item: AgendaItem
        public let position: Int
        public let start: Int
        public let end: Int
        public let subject: String
        public let facts: Facts?
        public let decisions: [(scorecard: ScorecardID, decision: SegmentDecision)]
        public let notes: [Note]
        public let actions: [Action]
        public let interventions: [Intervention]
        public let events: [(intervention: Intervention, event: InterventionEvent)]

        public var isEmpty: Bool { decisions.isEmpty && notes.isEmpty && actions.isEmpty && interventions.isEmpty && events.isEmpty }
    }

    public let meeting: Meeting
    public let items: [Item]
    /// What was recorded at the meeting but not at any one item.
    public let general: Item?

    public init(_ meeting: Meeting, in dataset: Dataset) {
        self.meeting = meeting
        func at(_ link: MeetingLink?, _ item: AgendaItemID?) -> Bool { link?.meeting == meeting.id && link?.item == item }
        func build(_ item: AgendaItem, position: Int, start: Int, end: Int, subject: String, facts: Facts?) -> Item {
            let id: AgendaItemID? = position == 0 ? nil : item.id
            return Item(
                item: item, position: position, start: start, end: end, subject: subject, facts: facts,
                decisions: dataset.scorecards.compactMap { card in card.decision.flatMap { at($0.meeting, id) ? (card.id, $0) : nil } },
                notes: dataset.notes.filter { at($0.meeting, id) }.sorted { $0.created < $1.created },
                actions: dataset.actions.filter { at($0.meeting, id) }.sorted { $0.created < $1.created },
                interventions: dataset.interventions.filter { at($0.meeting, id) },
                events: dataset.interventions.flatMap { i in i.events.filter { at($0.meeting, id) }.map { (i, $0) } })
        }
        let slots = meeting.slots()
        items = meeting.items.enumerated().map { index, item in
            var facts: Facts?
            if let code = item.subject.organisation, let (framework, quarter) = MeetingMinutes.period(for: meeting, org: code, in: dataset) {
                let league = PublishedLeague(dataset, framework: framework, period: quarter)
                let card = dataset.scorecard(ScorecardID(org: code, framework: framework, period: quarter))
                facts = Facts(framework: framework, frameworkName: dataset.framework(framework)?.shortName ?? framework.rawValue,
                              period: quarter, standing: league.standings[code], decision: card?.decision)
            }
            return build(item, position: index + 1, start: slots[index].start, end: slots[index].end,
                         subject: item.subject.label(in: dataset), facts: facts)
        }
        let other = build(AgendaItem(id: "general", subject: .topic("Recorded at the meeting, not at one item"), reason: ""),
                          position: 0, start: meeting.startMinutes, end: meeting.startMinutes, subject: "Recorded at the meeting, not at one item",
                          facts: nil)
        general = other.isEmpty ? nil : other
    }

    /// The quarter a meeting looks at for an organisation: the latest with its segment published that had ended
    /// before the meeting's day (figures come out after a quarter ends, so a meeting cannot have seen a later
    /// one), in the framework that published it; the earliest published where none had ended; nil where
    /// nothing is published for it at all.
    public static func period(for meeting: Meeting, org: OrgCode, in dataset: Dataset) -> (FrameworkID, Period)? {
        let published = dataset.scorecards.filter { $0.org == org && $0.published?.segment != nil }.sorted { $0.period < $1.period }
        let before = published.last { $0.period.end.dayNumber < meeting.date.dayNumber }
        return (before ?? published.first).map { ($0.framework, $0.period) }
    }

}
