import OversightDomain

extension ScreenKind {
    public static let presenter = ScreenKind("presenter", title: "Presenter view",
                                             offers: [.decideSegment, .addNote, .addAction, .addIntervention, .minutes, .writePaper], foremost: [])
}

/// A meeting's agenda for the projector: little chrome, the current item filling the screen (for a trust: its
/// published segment with rank of N and movement, the five domain scores, the metrics scored worst, open
/// interventions, open and overdue actions, the last decision and its rationale), ↓ and ↑ (j, k) to the next
/// and previous item. The recording keys work here as anywhere, tied to the meeting and item. Figures are
/// NHS England's published ones for the latest quarter ended before the meeting; where none is, it says so.
public struct PresenterScreen: Screen {
    public var id: MeetingID

    public init(id: MeetingID) {
        self.id = id
    }

    public var kind: ScreenKind { .presenter }
    public var pathKey: String? { id.rawValue }

    public func crumb(_ context: ScreenContext) -> String { "Presenting" }

    /// The agenda as the list: the selection is the item on screen, and the one line at the foot shows it.
    public func table(_ context: ScreenContext) -> Table {
        MeetingScreen(id: id).table(context)
    }

    public func selection(_ row: Row?, _ context: ScreenContext) -> Selection {
        MeetingScreen(id: id).selection(row, context)
    }

    public func open(_ row: Row, _ context: ScreenContext) -> (any Screen)? { nil }

    /// Moving to another item starts its timer.
    public func update(_ intent: Intent, _ state: inout AppState) -> [Effect] {
        let effects = Browse.update(intent, &state)
        state.timePresentedItem()
        return effects
    }

    /// "Time 14:32 · on this item 4:05 of 10 min", and how far over the slot it has run, in words (not
    /// colour alone: a projector washes colour out).
    static func timing(_ item: AgendaItem, _ context: ScreenContext) -> (text: String, over: Bool)? {
        guard let now = context.now else { return nil }
        var text = "Time " + context.time.clock(now)
        guard let timer = context.presenterTimer, timer.item == item.id.rawValue else { return (text, false) }
        let elapsed = timer.elapsed(at: now)
        text += " · on this item \(PresenterTimer.minutesAndSeconds(elapsed)) of \(item.minutes) min"
        let over = item.minutes > 0 && elapsed > item.minutes * 60
        if over { text += " · OVER by \(PresenterTimer.minutesAndSeconds(elapsed - item.minutes * 60))" }
        return (text, over)
    }

    public func listArea(in body: Rect, _ context: ScreenContext) -> Rect {
        body.splitBottom(min(2, body.height)).bottom
    }

    public func draw(_ context: ScreenContext, _ level: Level, into grid: inout Grid, body: Rect) {
        let area = body.splitBottom(min(2, body.height)).rest
        let x = area.x + 1
        let width = max(1, area.width - 2)
        var y = area.y
        var cut = false
        func put(_ text: String, _ role: StyleRole = .plain) {
            for line in TextWrap.lines(text, width: width) {
                guard y < area.maxY else { cut = true; return }
                grid.write(line, x: x, y: y, maxWidth: width, role: role)
                y += 1
            }
        }
        // A small window cannot hold the whole item: its last line says so rather than end mid-item unmarked.
        defer {
            if cut, area.height > 0 {
                grid.fill(Rect(x: area.x, y: area.maxY - 1, width: area.width, height: 1), role: .plain)
                grid.write("… more of this item than fits: a larger window shows it all", x: x, y: area.maxY - 1, maxWidth: width, role: .muted)
            }
        }
        let dataset = context.landscape.dataset
        guard let meeting = dataset.meeting(id) else { return put("This meeting is no longer in the store.", .error) }
        guard let row = level.selectedRow, let index = meeting.items.firstIndex(where: { $0.id.rawValue == row.key }) else {
            return put("The agenda is empty: add items with `oversight meeting item add` or `meeting suggest --into`.", .muted)
        }
        let item = meeting.items[index]
        let slot = meeting.slots()[index]
        put("Item \(index + 1) of \(meeting.items.count) · \(Meeting.clock(slot.start))–\(Meeting.clock(slot.end)) (\(item.minutes) min)"
            + (item.presenter.isEmpty ? "" : " · presented by \(item.presenter)"), .muted)
        if let timing = PresenterScreen.timing(item, context) { put(timing.text, timing.over ? .error : .plain) }
        y += area.height >= 20 ? 1 : 0
        put(item.subject.label(in: dataset).uppercased(), .title)
        if !item.reason.isEmpty { put("Why: " + item.reason, .muted) }
        y += area.height >= 20 ? 1 : 0
        guard let code = item.subject.organisation else { return }
        if let (frameworkID, period) = MeetingMinutes.period(for: meeting, org: code, in: dataset), let framework = dataset.framework(frameworkID) {
            drawStanding(code, framework, period, dataset, put)
        } else {
            put("NHS England has published no segment for this organisation.", .muted)
        }
        let interventions = dataset.interventions.filter { $0.org == code && $0.isOpen }
        put("Open interventions: " + (interventions.isEmpty ? "none recorded"
            : interventions.map { "\(dataset.interventionType($0.type)?.name ?? $0.type.rawValue) since \($0.start.display)" }.joined(separator: "; ")))
        let actions = dataset.actions.filter { $0.subject == .organisation(code) && $0.status == .open }
        let overdue = actions.filter { $0.isOverdue(on: context.landscape.today) }
        put("Actions: \(actions.count) open" + (overdue.isEmpty ? "" : ", \(overdue.count) OVERDUE (" + overdue.map { "\($0.owner): \($0.text)" }.joined(separator: "; ") + ")"),
            overdue.isEmpty ? .plain : .error)
        let decided = dataset.scorecards.filter { $0.org == code && $0.decision != nil }.max { $0.period < $1.period }
        if let decided, let decision = decided.decision {
            put("Last decision: segment \(decision.segment) for \(decided.period.label), \(decision.decidedBy), \(decision.date.display): \(decision.rationale)")
        } else {
            put("Last decision: none recorded", .muted)
        }
    }

    /// The published position: segment, rank of N and movement, the domain scores, the metrics scored worst.
    private func drawStanding(_ code: OrgCode, _ framework: Framework, _ period: Period, _ dataset: Dataset,
                              _ put: (String, StyleRole) -> Void) {
        let league = PublishedLeague(dataset, framework: framework.id, period: period)
        guard let standing = league.standings[code] else { return put("No segment published for \(period.label).", .muted) }
        var headline = "SEGMENT \(standing.shownSegment)"
        if let rank = standing.rankText { headline += " · rank \(rank) of \(standing.rankedInGroup)" }
        put(headline + " · \(framework.shortName) \(period.label)", .title)
        if standing.overrideApplied, let raw = standing.unadjustedSegment {
            put("Unadjusted \(raw): the financial override applies (in deficit or on deficit support)", .plain)
        }
        if let movement = standing.movement { put("Since \(period.previous.label): \(movement.segments), \(movement.explanation)", .plain) }
        guard let rows = dataset.scorecard(ScorecardID(org: code, framework: framework.id, period: period))?.published?.rows else { return }
        let domains = framework.themes.compactMap { theme -> String? in
            theme.scoreRow.flatMap { rows[$0]?.value }.map { "\(theme.label) \(formatDecimal($0, decimals: 2))" }
        }
        if !domains.isEmpty { put("Domains: " + domains.joined(separator: " · "), .plain) }
        let worst = framework.metrics(for: dataset.organisation(code)?.peerGroup).compactMap { metric -> (String, Double)? in
            guard let score = rows[metric.scoreRow ?? metric.id]?.value, score >= 3 else { return nil }
            let value = metric.scoreRow != nil ? rows[metric.id]?.value.map { " " + metric.format($0) } ?? "" : ""
            return ("\(metric.label)\(value) (score \(formatDecimal(score, decimals: 2)))", score)
        }.sorted { $0.1 > $1.1 }.prefix(4).map(\.0)
        if !worst.isEmpty { put("Scored worst: " + worst.joined(separator: "; "), .plain) }
    }
}

extension PresenterScreen {
    public var meetingShown: MeetingLink? { MeetingLink(meeting: id) }
    public func needs(_ context: ScreenContext) -> Set<Need> { MeetingScreen.quarters(of: id, context) }

    /// What is recorded while presenting (at the item on screen, or about another item's subject) keeps the
    /// projector on the item it was at: the presenter view never jumps to a scorecard mid-meeting.
    public func place(of target: FocusTarget, _ context: ScreenContext) -> FocusPlace? {
        if target.key == .meeting(id) { return .panel }
        return MeetingScreen.item(about: target, in: context.landscape.dataset.meeting(id)) == nil ? nil : .panel
    }
    public func paper(_ context: ScreenContext, _ level: Level) -> PaperRequest? { .agenda(id) }
}
