import OversightDomain

extension ScreenKind {
    public static let meetings = ScreenKind("meetings", title: "Meetings", offers: [.open, .newMeeting, .editItem, .actions, .decisions],
                                            foremost: [.newMeeting])
    public static let meeting = ScreenKind("meeting", title: "Meeting", offers: [.open, .present, .minutes, .suggestAgenda, .addTopic, .editItem, .deleteNote, .moveItemEarlier, .moveItemLater, .writePaper,
                                                    .decideSegment, .addNote, .addAction, .addIntervention],
                                           foremost: [.present, .minutes, .suggestAgenda])
}

/// Every meeting, upcoming ones first (soonest first), then past ones (latest first); Enter opens its agenda.
/// The filter (`/`) matches titles, kinds, attendees and agenda subjects. Degrade order: Minutes, Items, Kind.
public struct MeetingsScreen: Screen {
    public init() {}

    public var kind: ScreenKind { .meetings }

    public func crumb(_ context: ScreenContext) -> String { "Meetings" }

    public func table(_ context: ScreenContext) -> Table {
        let landscape = context.landscape
        let list = MeetingList(landscape.dataset, today: landscape.today)
        let rows = list.all.map { meeting -> Row in
            let upcoming = meeting.date.dayNumber >= landscape.today.dayNumber
            return Row(key: meeting.id.rawValue, cells: [
                .date(meeting.date),
                .text(meeting.startText),
                .text(upcoming ? "upcoming" : "past", upcoming ? .badge : .muted),
                .text(meeting.kind.label),
                .text(meeting.title),
                .integer(meeting.items.count),
                .text(meeting.isApproved ? "approved" : "draft", meeting.isApproved ? .plain : .muted),
            ], search: ([meeting.title, meeting.kind.label] + meeting.attendees + meeting.items.map { $0.subject.label(in: landscape.dataset) })
                .joined(separator: " "))
        }
        let columns = [
            Column(["Date"], minWidth: 8, maxWidth: 11),
            Column(["Time"], minWidth: 5, maxWidth: 5),
            Column(["When"], minWidth: 4, maxWidth: 8, dropOrder: 4),
            Column(["Kind"], minWidth: 5, maxWidth: 18, dropOrder: 3),
            Column(["Title"], minWidth: 12, maxWidth: 200, flexible: true),
            Column(["Items"], alignment: .right, minWidth: 5, maxWidth: 5, dropOrder: 2),
            Column(["Minutes"], minWidth: 5, maxWidth: 8, dropOrder: 1),
        ]
        return Table(columns: columns, rows: rows, noun: Noun("meeting", "meetings"),
                     emptyText: "No meetings yet. Press n to prepare one (or `oversight meeting new`).")
    }

    public func open(_ row: Row, _ context: ScreenContext) -> (any Screen)? { MeetingScreen(id: MeetingID(row.key)) }

    /// `E` changes the selected meeting's details.
    public func selection(_ row: Row?, _ context: ScreenContext) -> Selection {
        guard let row else { return .nothing }
        var selection = Selection()
        selection.meeting = MeetingLink(meeting: MeetingID(row.key))
        return selection
    }

    public func place(of target: FocusTarget, _ context: ScreenContext) -> FocusPlace? {
        guard case .meeting(let id) = target.key, context.landscape.dataset.meeting(id) != nil else { return nil }
        return .row(id.rawValue)
    }
}

/// One meeting: when, who, the minutes' state, and the agenda in order with each item's slot, what it is
/// about and why, and how much was recorded at it. Enter on a trust's item opens its scorecard.
public struct MeetingScreen: Screen {
    public var id: MeetingID

    public init(id: MeetingID) {
        self.id = id
    }

    public var kind: ScreenKind { .meeting }
    public var pathKey: String? { id.rawValue }

    public func crumb(_ context: ScreenContext) -> String {
        context.landscape.dataset.meeting(id).map { "\($0.title), \($0.date.display)" } ?? "Meeting"
    }

    public func table(_ context: ScreenContext) -> Table {
        let dataset = context.landscape.dataset
        guard let meeting = dataset.meeting(id) else {
            return Table(columns: [Column(["Item"], minWidth: 4)], rows: [], noun: Noun("item", "items"), emptyText: "This meeting is no longer in the store.")
        }
        let slots = meeting.slots()
        let recorded = dataset.records(at: id)
        let rows = meeting.items.enumerated().map { index, item -> Row in
            let count = recorded.filter { $0.item == item.id }.count
            return Row(key: item.id.rawValue, cells: [
                .integer(index + 1),
                .text(Meeting.clock(slots[index].start) + "–" + Meeting.clock(slots[index].end)),
                .text(MeetingScreen.codeFirst(item.subject, dataset)),
                .text(item.reason.split(separator: "\n").joined(separator: " / ")),
                .text(item.presenter),
                count == 0 ? .empty : .integer(count),
            ], search: [item.subject.label(in: dataset), item.reason, item.presenter].joined(separator: " "))
        }
        let columns = [
            Column(["#"], alignment: .right, minWidth: 2, maxWidth: 3),
            Column(["Time"], minWidth: 11, maxWidth: 11),
            Column(["Subject"], minWidth: 12, maxWidth: 48, flexible: true),
            Column(["Why"], minWidth: 10, maxWidth: 200, flexible: true, dropOrder: 3),
            Column(["Presenter"], minWidth: 6, maxWidth: 20, dropOrder: 1),
            Column(["Recorded", "Rec"], alignment: .right, minWidth: 3, maxWidth: 8, dropOrder: 2),
        ]
        return Table(columns: columns, rows: rows, noun: Noun("item", "items"),
                     emptyText: "No items on the agenda yet: S suggests them from the data (or `oversight meeting item add`).")
    }

    /// `V` opens the presenter view on the selected item; `[` and `]` move the selected item.
    public func update(_ intent: Intent, _ state: inout AppState) -> [Effect] {
        if intent == .moveItemEarlier || intent == .moveItemLater { return move(by: intent == .moveItemEarlier ? -1 : 1, &state) }
        guard intent == .present else { return Browse.update(intent, &state) }
        let key = state.top.selectedRow?.key
        state.push(PresenterScreen(id: id))
        if let key { state.updateTop { $0.list.select(key: key, table: $0.table) } }
        state.timePresentedItem()
        return []
    }

    /// "RGD Leeds and York Partnership NHS Foundation Trust": the code first, so a narrow column still shows which trust.
    static func codeFirst(_ subject: AgendaSubject, _ dataset: Dataset) -> String {
        switch subject {
        case .organisation(let code): return code.rawValue + " " + (dataset.organisation(code)?.name ?? "")
        case .footprint(let id): return id.rawValue + " " + (dataset.footprint(id)?.name ?? "")
        case .topic(let text): return text
        }
    }

    func move(by step: Int, _ state: inout AppState) -> [Effect] {
        if refusedReadOnly(&state) { return [] }
        guard let meeting = state.landscape.dataset.meeting(id), let key = state.top.selectedRow?.key,
              let index = meeting.items.firstIndex(where: { $0.id.rawValue == key }) else { return say(&state, "Choose an agenda item to move.") }
        if meeting.isApproved { return say(&state, "Its minutes are approved, so the agenda is read-only.") }
        let target = index + step
        guard meeting.items.indices.contains(target) else {
            return say(&state, step < 0 ? "It is the first item already." : "It is the last item already.")
        }
        return [.commit(.moveAgendaItem(id, AgendaItemID(key), to: target))]
    }

    public func open(_ row: Row, _ context: ScreenContext) -> (any Screen)? {
        guard let item = context.landscape.dataset.meeting(id)?.item(AgendaItemID(row.key)) else { return nil }
        switch item.subject {
        case .organisation(let code): return ScorecardScreen(org: code)
        case .footprint(let footprint): return FootprintScreen(id: footprint)
        case .topic: return nil
        }
    }

    public func selection(_ row: Row?, _ context: ScreenContext) -> Selection {
        guard let row, let item = context.landscape.dataset.meeting(id)?.item(AgendaItemID(row.key)) else { return .nothing }
        var selection = Selection()
        selection.meeting = MeetingLink(meeting: id, item: item.id)
        switch item.subject {
        case .organisation(let code): selection.org = code; selection.subject = .organisation(code)
        case .footprint(let footprint): selection.subject = .footprint(footprint)
        case .topic: break
        }
        return selection
    }

    public func listArea(in body: Rect, _ context: ScreenContext) -> Rect {
        body.splitTop(min(3, max(0, body.height - 4))).rest
    }

    public func draw(_ context: ScreenContext, _ level: Level, into grid: inout Grid, body: Rect) {
        let x = body.x + TableLayout.markerWidth
        let width = body.width - TableLayout.markerWidth
        if let meeting = context.landscape.dataset.meeting(id) {
            let header = body.splitTop(min(3, max(0, body.height - 4))).top
            let lines = [
                "\(meeting.kind.label) · \(meeting.date.display) \(meeting.startText) · minutes \(meeting.minutes.label)"
                    + (meeting.amendments.isEmpty ? "" : " · \(meeting.amendments.count) amendment\(meeting.amendments.count == 1 ? "" : "s")"),
                "Attending: " + (meeting.attendees.isEmpty ? "none recorded" : meeting.attendees.joined(separator: "; ")),
                "Apologies: " + (meeting.apologies.isEmpty ? "none" : meeting.apologies.joined(separator: "; ")),
            ]
            for (offset, line) in lines.prefix(header.height).enumerated() {
                grid.write(line, x: x, y: header.y + offset, maxWidth: width, role: offset == 0 ? .title : .muted)
            }
        }
        TableRenderer.draw(level.table, level.list, in: listArea(in: body, context), grid: &grid)
    }
}

extension MeetingScreen {
    public var meetingShown: MeetingLink? { MeetingLink(meeting: id) }

    /// The segments of the quarters the meeting looks at for its trusts, so that a decision recorded at an item
    /// starts from that quarter's figures whatever period the console was showing.
    public func needs(_ context: ScreenContext) -> Set<Need> { MeetingScreen.quarters(of: id, context) }

    static func quarters(of id: MeetingID, _ context: ScreenContext) -> Set<Need> {
        let data = context.landscape.dataset
        guard let meeting = data.meeting(id) else { return [] }
        return Set(meeting.items.compactMap { item in
            item.subject.organisation.flatMap { MeetingMinutes.period(for: meeting, org: $0, in: data) }
                .map { Need.segments(FrameworkPeriod($0.0, $0.1)) }
        })
    }

    /// A change to this meeting (its details, an item added, moved or removed) stays on its agenda; a record
    /// about one of its items' subjects (a decision, an action taken at it) goes to that item's row, so the
    /// secretary is never taken away from the agenda mid-meeting.
    public func place(of target: FocusTarget, _ context: ScreenContext) -> FocusPlace? {
        if target.key == .meeting(id) { return .panel }
        return MeetingScreen.item(about: target, in: context.landscape.dataset.meeting(id)).map { .row($0.rawValue) }
    }

    /// The first item of a meeting about what a changed record is about.
    static func item(about target: FocusTarget, in meeting: Meeting?) -> AgendaItemID? {
        meeting?.items.first { item in
            if let org = target.org, item.subject == .organisation(org) { return true }
            if let footprint = target.footprint, item.subject == .footprint(footprint) { return true }
            return false
        }?.id
    }
    public func paper(_ context: ScreenContext, _ level: Level) -> PaperRequest? { .agenda(id) }
}
