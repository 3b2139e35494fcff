import OversightDomain

/// Everything the console shows, as a value: the landscape (with what has been worked out for it)
/// and viewpoint, the view stack with each level's list, what is being typed (a filter, a go-to, a
/// form), the question being asked, the message of the moment, the journal, and the store's state.
public struct AppState: Sendable {
    public private(set) var landscape: Landscape
    public internal(set) var viewpoint: Viewpoint
    public internal(set) var stack: [Level]
    /// What keys mean now, and what that mode works on (the filter, the go-to, the form, the question).
    public internal(set) var mode: Mode = .browsing
    public internal(set) var size: Size
    public var message: Message?
    public internal(set) var store: StoreStatus
    /// The journal's entries, oldest first, for the history view; nil until the session hands them in.
    public internal(set) var history: HistoryPage?
    /// Who records, the time now, and new record ids.
    public internal(set) var recorder: Recorder
    /// The clock times are shown on (the journal keeps UTC).
    public let time: LocalTime
    /// Text that arrived where nothing is typed (a paste, typing run on after a save), kept so that
    /// it is not lost: the next new note starts with it.
    public internal(set) var setAside: String?
    /// What this console has saved and undone since it opened (undo asks about anything else).
    public var sitting = Sitting()
    /// Where go-to came from: Esc on the screen it opened goes back there, not up the path it built.
    var cameFrom: GoToReturn?
    /// How long the presenter view has shown its item.
    public internal(set) var presenterTimer: PresenterTimer?

    public struct Message: Hashable, Sendable, Codable {
        public var text: String
        public var isError: Bool

        public init(_ text: String, isError: Bool = false) {
            self.text = text
            self.isError = isError
        }
    }

    /// What the status line says about the store.
    public struct StoreStatus: Hashable, Sendable {
        /// Nil when edits are possible; else the short reason ("read-only (--read-only)").
        public var readOnly: String?
        /// What happened and what to do, said when an edit key is pressed.
        public var explanation: String?
        public var lastSaved: Timestamp?
        /// What undo would take back, and what redo would do again.
        public var undo: JournalStep?
        public var redo: JournalStep?
        /// When a read-only console following another's saves last read the store (nil: not following).
        public var refreshed: Timestamp?

        public init(readOnly: String? = nil, explanation: String? = nil, lastSaved: Timestamp? = nil, undo: JournalStep? = nil,
                    redo: JournalStep? = nil, refreshed: Timestamp? = nil) {
            self.readOnly = readOnly
            self.explanation = explanation
            self.lastSaved = lastSaved
            self.undo = undo
            self.redo = redo
            self.refreshed = refreshed
        }
    }

    /// Opens on the overview, with the newest framework and its latest period, ICS era.
    public init(dataset: Dataset, today: CalendarDate, size: Size, store: StoreStatus = StoreStatus(), history: HistoryPage? = nil,
                recorder: Recorder? = nil, time: LocalTime = .utc) {
        self.time = time
        landscape = Landscape(dataset, today: today)
        let framework = landscape.frameworks.last?.id
        viewpoint = Viewpoint(framework: framework, period: landscape.openingPeriod(of: framework), era: .ics2022)
        self.size = size
        self.store = store
        self.history = history
        self.recorder = recorder ?? Recorder(user: "unknown", now: Timestamp(secondsSince1970: Int64(today.dayNumber) * 86_400), salt: 0)
        stack = []
        stack = [Level(OverviewScreen(), context: context)]
        // A quarter with only part of the country's figures never opens without saying so.
        if let coverage = landscape.coverage(viewpoint.framework, viewpoint.period) { message = .init(coverage + ".") }
    }

    public var context: ScreenContext {
        ScreenContext(landscape: landscape, viewpoint: viewpoint, readOnly: store.readOnly != nil, history: history ?? HistoryPage(), time: time,
                      now: recorder.now, presenterTimer: presenterTimer)
    }

    public var isReadOnly: Bool { store.readOnly != nil }

    /// The form on screen: being filled in, or behind the question it asked.
    public var form: Form? {
        switch mode {
        case .form(let form): return form
        case .confirming(let question): return question.form
        case .browsing, .filtering, .goTo, .confirmingQuit: return nil
        }
    }

    /// The question being asked.
    public var question: Question? {
        if case .confirming(let question) = mode { return question }
        return nil
    }

    /// The go-to line and its matches, while it is open.
    public var goTo: GoToState? {
        if case .goTo(let goTo) = mode { return goTo }
        return nil
    }

    /// The text of the filter or go-to line being typed.
    public var input: String {
        switch mode {
        case .filtering(let text): return text
        case .goTo(let goTo): return goTo.text
        case .browsing, .form, .confirming, .confirmingQuit: return ""
        }
    }
    public var top: Level { stack[stack.count - 1] }
    public var topKind: ScreenKind { top.kind }

    mutating func updateTop(_ change: (inout Level) -> Void) {
        change(&stack[stack.count - 1])
    }

    /// Rows of the top list that fit on screen, for paging and scrolling.
    var pageRows: Int {
        let body = Chrome.body(size)
        return TableRenderer.visibleRows(top.screen.listArea(in: body, context))
    }

    mutating func push(_ screen: any Screen) {
        stack.append(Level(screen, context: context))
        followPublished()
    }

    /// A screen about one peer group (a trust, a league table), opened on a quarter with no published figures
    /// for that group, moves to the group's latest published quarter and says so: the default period is the
    /// latest with figures for the peer group on screen. A period the user chose (p, P) is kept.
    mutating func followPublished() {
        let context = self.context
        guard !viewpoint.periodChosen, let framework = context.framework, framework.computesSegments,
              let group = top.screen.peerGroup(context), !landscape.isPublished(framework.id, viewpoint.period, for: group),
              let latest = landscape.latestPublished(framework.id, for: group), latest != viewpoint.period else { return }
        let from = viewpoint.period?.label ?? "no period"
        viewpoint.period = latest
        rebuildAll()
        message = .init("Showing \(latest.label), the latest with NHS England's \(group.label) figures (none for \(from)); p and P step.")
    }

    /// Opens a path of screens in place of the stack, putting each level's cursor on the row that
    /// leads to the next.
    mutating func replaceStack(with screens: [any Screen], selecting last: String?) {
        let context = self.context
        var levels = screens.map { Level($0, context: context) }
        for i in levels.indices.dropLast() {
            let key = levels[i + 1].screen.pathKey
            if let key { levels[i].list.select(key: key, table: levels[i].table) }
        }
        stack = levels
        cameFrom = nil
        if let last { message = .init("Opened \(last).") }
        followPublished()
    }

    /// Back from the screen go-to opened: to where the user was before it, as they left it.
    mutating func returnFromGoTo() -> Bool {
        guard let back = cameFrom, stack.count == back.depth else { return false }
        stack = back.stack
        cameFrom = nil
        rebuildAll()
        return true
    }

    /// Puts another screen in place of the top one, carrying the sort and filter over, and the cursor
    /// when its row is still there (else to the top).
    mutating func replaceTop(with screen: any Screen) {
        let old = top
        var level = Level(screen, context: context)
        level.list = old.list.carried(to: level.table, previous: old.table)
        if level.list.selectedKey(in: level.table) != old.list.selectedKey(in: old.table) {
            level.list.moveTo(0)
            level.list.top = 0
        }
        stack[stack.count - 1] = level
        followPublished()
    }

    /// Rebuilds every level's list (new viewpoint or data), keeping each level's place.
    mutating func rebuildAll() {
        let context = self.context
        for i in stack.indices { stack[i].rebuild(context) }
    }

    /// The session's clock, read before each command so new records carry the time of the key.
    public mutating func setTime(_ now: Timestamp) { recorder.now = now }

    /// Whether the screen shows a running clock (the presenter view), so the session wakes each second to draw it.
    public var showsClock: Bool { topKind == .presenter && mode.kind != .form }

    /// What the screens on the stack read that has not been handed in yet: the segments of the period
    /// shown (every screen counts or colours by them) and whatever each screen says it reads. The
    /// session works these out after each intent and hands them in (`supply`) before the next frame.
    public var needs: Set<Need> {
        let context = self.context
        var wanted = Set<Need>()
        if let shown = FrameworkPeriod(viewpoint.framework, viewpoint.period) { wanted.insert(.segments(shown)) }
        for level in stack { wanted.formUnion(level.screen.needs(context)) }
        return wanted.filter { $0 == .history ? history == nil : !landscape.derived.holds($0) }
    }

    /// Worked-out data for this state's dataset. Every list that reads it is built again, keeping
    /// its place (filter, sort, the cursor on the same row).
    public mutating func supply(_ derived: Derived) {
        guard !derived.isEmpty else { return }
        landscape.supply(derived)
        if let page = derived.history { history = page }
        let answered = derived.answered
        let shownAnswered = FrameworkPeriod(viewpoint.framework, viewpoint.period).map { answered.contains(.segments($0)) } ?? false
        let context = self.context
        for i in stack.indices where shownAnswered || !stack[i].screen.needs(context).isDisjoint(with: answered) {
            stack[i].rebuild(context)
        }
    }

    /// What the session must work out again before `reloaded`, for the data after an entry that
    /// changed these records: what was held for the periods whose scorecards it touched, and the
    /// period of the record the cursor will go to, so that every list is whole when the cursor lands.
    public func needsAfter(changing changed: [RecordKey], focus: FocusTarget?) -> Set<Need> {
        let touched = Landscape.touched(changed)
        var needs = landscape.derived.answered.filter { $0.frameworkPeriod.map(touched.contains) ?? false }
        if let id = focus?.scorecard { needs.insert(.segments(FrameworkPeriod(id.framework, id.period))) }
        return needs
    }

    /// New data from the store (after an edit, undo or redo), with what the session worked out
    /// for it (`needsAfter`): every level rebuilt, any form or question closed, the message shown,
    /// and, when given, the cursor put back on the record that changed (going to a screen that
    /// shows it if this one does not). `changed` names the records the entry touched, when known,
    /// so that what was worked out for periods it did not touch is kept. The journal goes unless
    /// it is given again, since it has a new entry.
    public func reloaded(_ dataset: Dataset, store: StoreStatus, history: HistoryPage? = nil, message: Message?,
                         focus: FocusTarget? = nil, changed: [RecordKey]? = nil, derived: Derived = Derived()) -> AppState {
        var next = self
        next.landscape = changed.map { landscape.updated(dataset, changed: $0) } ?? Landscape(dataset, today: landscape.today)
        next.landscape.supply(derived)
        next.store = store
        next.history = history
        next.message = message
        // The form or question that asked for the save is done with.
        if case .form = next.mode { next.mode = .browsing }
        if case .confirming = next.mode { next.mode = .browsing }
        if next.landscape.framework(viewpoint.framework) == nil {
            next.viewpoint.framework = next.landscape.frameworks.last?.id
            next.viewpoint.period = next.landscape.openingPeriod(of: next.viewpoint.framework)
        }
        next.rebuildAll()
        if let focus { next.focus(on: focus, jumping: false) }
        return next
    }

    /// Another console saved to the store this one follows (read-only): the new data in, the screens
    /// kept where they were and any question left open (only saves close one), and a line naming
    /// who changed what.
    public func refreshed(_ dataset: Dataset, store: StoreStatus, history: HistoryPage?, changed: [RecordKey], derived: Derived,
                          message: Message?) -> AppState {
        var next = self
        next.landscape = landscape.updated(dataset, changed: changed)
        next.landscape.supply(derived)
        next.store = store
        next.history = history
        if let message { next.message = message }
        next.rebuildAll()
        return next
    }

    /// The store refused a save the form thought good (another process, a disk error): the form
    /// stays open with what was typed, and the reason is shown on it.
    public func saveFailed(_ message: String, field: String?, store: StoreStatus) -> AppState {
        var next = self
        next.store = store
        guard var form = next.form else {
            next.message = .init(message, isError: true)
            return next
        }
        form.show(message, field: field.flatMap { form.field($0) == nil ? nil : $0 })
        next.mode = .form(form)
        return next
    }

    /// A form kept as a draft when the window closed (or the terminal went) is offered back at start.
    public mutating func offerDraft(_ form: Form, kept: Timestamp) {
        let lines = form.fields.filter(\.isEditable).map(\.text).joined(separator: "\n").split(whereSeparator: \.isNewline).count
        // What it is about, by its code ("RAAB Fern Ness … Trust" reads as "RAAB").
        let about = form.field("subject").flatMap { $0.text.split(separator: " ").first }.map { " (\($0))" } ?? ""
        mode = .confirming(Question("When oversight last closed (\(time.named(kept))), “\(form.title)”\(about) was being filled in, "
            + "\(lines) line\(lines == 1 ? "" : "s") typed. It was kept as a draft. y opens it again; n keeps it for later.",
            onYes: .reopenDraft, over: form))
    }
}
