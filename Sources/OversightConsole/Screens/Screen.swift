import OversightDomain

/// A level of the view stack, and a whole component: a small value (which footprint, which
/// organisation) that builds its list from the landscape, draws its panels around it, says what it
/// reads, and handles the intents it offers. Adding a view means adding a type that conforms to
/// this, with its kind (`ScreenKind`: its name and the commands it offers) declared beside it.
public protocol Screen: Sendable {
    var kind: ScreenKind { get }
    /// The key of the row in the screen below that leads here (go-to sets the cursors along a path).
    var pathKey: String? { get }
    /// The breadcrumb: "North West", "RAA Riverside Hospitals".
    func crumb(_ context: ScreenContext) -> String
    /// The selectable list this screen shows.
    func table(_ context: ScreenContext) -> Table
    /// What Enter on a row opens, if anything.
    func open(_ row: Row, _ context: ScreenContext) -> (any Screen)?
    /// Whose interventions `i` shows from here.
    func interventionsScope(_ row: Row?, _ context: ScreenContext) -> InterventionsScope?
    /// What the recording keys act on from here, given the selected row.
    func selection(_ row: Row?, _ context: ScreenContext) -> Selection
    /// Where this screen shows a changed record: its row, or a panel; nil when it does not. After
    /// a save, an undo or a redo the console stays on a screen that shows it, else goes to one.
    func place(of target: FocusTarget, _ context: ScreenContext) -> FocusPlace?
    /// Where the list sits inside the body (panels take the rest); paging uses its height.
    func listArea(in body: Rect, _ context: ScreenContext) -> Rect
    /// Draws panels and the list.
    func draw(_ context: ScreenContext, _ level: Level, into grid: inout Grid, body: Rect)
    /// What the screen reads beyond the segments of the period shown that takes work to get (other
    /// periods' segments, the system view, a confirmed distance, the journal): the session works it
    /// out and hands it in, so that building the list and drawing only ever read values.
    func needs(_ context: ScreenContext) -> Set<Need>
    /// The one peer group the screen is about (a trust's, a league table's), if it is about one: the period
    /// follows that group's latest published quarter when it is opened (see `AppState.followPublished`).
    func peerGroup(_ context: ScreenContext) -> PeerGroup?
    /// Where `L` opens a league table from here, given the selected row.
    func leagueOpening(_ row: Row?, _ context: ScreenContext) -> LeagueOpening
    /// What an intent does while this screen is on top and the console is browsing: the screen's
    /// own keys (the history's `o`, a league table's `t`) here, the rest by what every screen
    /// shares, `Browse.update`, which is also the default.
    func update(_ intent: Intent, _ state: inout AppState) -> [Effect]
    /// The board paper `w` writes from here (the list as filtered and sorted on screen), or nil for none.
    func paper(_ context: ScreenContext, _ level: Level) -> PaperRequest?
    /// The meeting this screen is of (its agenda, presenter view, minutes), for `m`.
    var meetingShown: MeetingLink? { get }
}

extension Screen {
    public var pathKey: String? { nil }
    public func open(_ row: Row, _ context: ScreenContext) -> (any Screen)? { nil }
    public func interventionsScope(_ row: Row?, _ context: ScreenContext) -> InterventionsScope? { nil }
    public func listArea(in body: Rect, _ context: ScreenContext) -> Rect { body }
    public func selection(_ row: Row?, _ context: ScreenContext) -> Selection { .nothing }
    public func place(of target: FocusTarget, _ context: ScreenContext) -> FocusPlace? { nil }
    public func needs(_ context: ScreenContext) -> Set<Need> { [] }
    public func peerGroup(_ context: ScreenContext) -> PeerGroup? { nil }
    public func update(_ intent: Intent, _ state: inout AppState) -> [Effect] { Browse.update(intent, &state) }
    public func paper(_ context: ScreenContext, _ level: Level) -> PaperRequest? { nil }
    public var meetingShown: MeetingLink? { nil }

    /// From a trust, its own peer group at its row; otherwise the acute league of all England.
    public func leagueOpening(_ row: Row?, _ context: ScreenContext) -> LeagueOpening {
        LeagueOpening(scope: .england, trust: selection(row, context).org)
    }

    /// The same screen of the same thing (the scorecard of one organisation), whatever its list.
    public func isSame(as other: any Screen) -> Bool { kind == other.kind && pathKey == other.pathKey }

    public func draw(_ context: ScreenContext, _ level: Level, into grid: inout Grid, body: Rect) {
        TableRenderer.draw(level.table, level.list, in: listArea(in: body, context), grid: &grid)
    }
}

/// What a screen reads: the landscape, the viewpoint, whether edits are possible, and the journal.
public struct ScreenContext: Sendable {
    public var landscape: Landscape
    public var viewpoint: Viewpoint
    public var readOnly: Bool
    /// The journal's entries, oldest first (the history view lists them).
    public var history = HistoryPage()
    /// The clock times are shown on.
    public var time: LocalTime = .utc
    /// The time now, by the store's clock (the presenter view's clock and item timer read it).
    public var now: Timestamp?
    /// How long the presenter view has shown its item.
    public var presenterTimer: PresenterTimer?

    public var framework: Framework? { landscape.framework(viewpoint.framework) }

    /// The framework and period shown, when there are both.
    public var shown: FrameworkPeriod? { FrameworkPeriod(viewpoint.framework, viewpoint.period) }

    /// The segments of each of these periods of the framework shown.
    public func segments(of periods: [Period]) -> Set<Need> {
        guard let framework = viewpoint.framework else { return [] }
        return Set(periods.map { .segments(FrameworkPeriod(framework, $0)) })
    }
}

/// Whose interventions (or actions, or notes) a list shows.
public enum InterventionsScope: Hashable, Sendable {
    case nation
    case region(RegionCode)
    case footprint(FootprintID)
    case organisation(OrgCode)
}

/// A screen on the stack with its list and where the user was in it.
public struct Level: Sendable {
    public var screen: any Screen
    public var table: Table
    public var list: ListState

    public init(_ screen: any Screen, context: ScreenContext) {
        self.screen = screen
        table = screen.table(context)
        list = ListState(table: table)
    }

    public var kind: ScreenKind { screen.kind }
    public var selectedRow: Row? { list.selectedRow.map { table.rows[$0] } }

    /// Rebuilds the list for new data or a new viewpoint, keeping filter, sort and selection.
    mutating func rebuild(_ context: ScreenContext) {
        let fresh = screen.table(context)
        list = list.carried(to: fresh, previous: table)
        table = fresh
    }
}
