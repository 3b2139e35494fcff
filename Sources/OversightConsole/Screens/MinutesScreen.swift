import OversightDomain
import OversightPapers

extension ScreenKind {
    public static let minutes = ScreenKind("minutes", title: "Minutes", offers: [.approveMinutes, .writePaper], foremost: [.approveMinutes, .writePaper])
}

/// A meeting's minutes as they stand: attendees and apologies, then each item with the published facts it
/// was based on and what was recorded at it, then any amendments. The text is the minutes paper itself
/// (`oversight export minutes`), one line a row, so ↓ ↑ and the filter work on it as on any list.
/// `A` approves draft minutes (asking who approves them); approved ones are read-only, corrected by an amendment.
public struct MinutesScreen: Screen {
    public var id: MeetingID

    public init(id: MeetingID) {
        self.id = id
    }

    public var kind: ScreenKind { .minutes }
    public var pathKey: String? { id.rawValue }

    public func crumb(_ context: ScreenContext) -> String { "Minutes" }

    public func table(_ context: ScreenContext) -> Table {
        guard let meeting = context.landscape.dataset.meeting(id) else {
            return Table(columns: [Column(["Minutes"], minWidth: 10)], rows: [], noun: Noun("line", "lines"), emptyText: "This meeting is no longer in the store.")
        }
        return PaperLines.table(MeetingPapers.minutes(meeting, in: context.landscape.dataset))
    }

    public func draw(_ context: ScreenContext, _ level: Level, into grid: inout Grid, body: Rect) {
        guard !level.table.rows.isEmpty else {
            grid.write(level.table.emptyText, x: body.x + TableLayout.markerWidth, y: body.y, role: .error)
            return
        }
        PaperLines.draw(level.table, level.list, in: body, grid: &grid)
    }

    /// `A` asks who approves the minutes (the chair, as a rule) before they become read-only.
    public func update(_ intent: Intent, _ state: inout AppState) -> [Effect] {
        guard intent == .approveMinutes else { return Browse.update(intent, &state) }
        if refusedReadOnly(&state) { return [] }
        switch ApprovalForm.make(id, state.context, user: state.recorder.user) {
        case .success(let form): state.mode = .form(form)
        case .failure(let why): state.message = .init(why.message, isError: true)
        }
        return []
    }
}

extension MinutesScreen {
    public var meetingShown: MeetingLink? { MeetingLink(meeting: id) }

    /// Approving, or an undo of something recorded at the meeting, stays on the minutes, which show it.
    public func place(of target: FocusTarget, _ context: ScreenContext) -> FocusPlace? {
        if target.key == .meeting(id) { return .panel }
        return MeetingScreen.item(about: target, in: context.landscape.dataset.meeting(id)) == nil ? nil : .panel
    }
    public func paper(_ context: ScreenContext, _ level: Level) -> PaperRequest? { .minutes(id) }
}
