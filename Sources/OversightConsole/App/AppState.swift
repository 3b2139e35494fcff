import OversightDomain

/// Everything the console shows, as a value: the landscape and viewpoint, the view stack with
/// each level's list, what is being typed, the message of the moment, and the store's state.
public struct AppState: Sendable {
    public private(set) var landscape: Landscape
    public internal(set) var viewpoint: Viewpoint
    public internal(set) var stack: [Level]
    public internal(set) var mode: InputMode = .browsing
    /// The text of the filter or go-to line while typing.
    public internal(set) var input: String = ""
    public internal(set) var goTo = GoToState()
    public internal(set) var size: Size
    public internal(set) var message: Message?
    public internal(set) var store: StoreStatus

    public struct Message: Hashable, Sendable {
        public var text: String
        public var isError: Bool

        public init(_ text: String, isError: Bool = false) {
            self.text = text
            self.isError = isError
        }
    }

    /// What the status line says about the store.
    public struct StoreStatus: Hashable, Sendable {
        /// Nil when edits are possible; else the short reason ("read-only: requested").
        public var readOnly: String?
        public var lastSaved: Timestamp?

        public init(readOnly: String? = nil, lastSaved: Timestamp? = nil) {
            self.readOnly = readOnly
            self.lastSaved = lastSaved
        }
    }

    /// Opens on the overview, with the newest framework and its latest period, ICS era.
    public init(dataset: Dataset, today: CalendarDate, size: Size, store: StoreStatus = StoreStatus()) {
        landscape = Landscape(dataset, today: today)
        let framework = landscape.frameworks.last?.id
        viewpoint = Viewpoint(framework: framework, period: landscape.periods(of: framework).last, era: .ics2022)
        self.size = size
        self.store = store
        stack = []
        stack = [Level(OverviewScreen(), context: context)]
    }

    public var context: ScreenContext {
        ScreenContext(landscape: landscape, viewpoint: viewpoint, readOnly: store.readOnly != nil)
    }

    public var isReadOnly: Bool { store.readOnly != nil }
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
    }

    /// Rebuilds every level's list (new viewpoint or data), keeping each level's place.
    mutating func rebuildAll() {
        let context = self.context
        for i in stack.indices { stack[i].rebuild(context) }
    }

    /// New data from the store (after an edit, undo or redo): every level rebuilt, the message
    /// shown, and, when given, the cursor put on the row of the record that changed.
    public func reloaded(_ dataset: Dataset, store: StoreStatus, message: Message?, focusKey: String? = nil) -> AppState {
        var next = self
        next.landscape = Landscape(dataset, today: landscape.today)
        next.store = store
        next.message = message
        if next.landscape.framework(viewpoint.framework) == nil {
            next.viewpoint.framework = next.landscape.frameworks.last?.id
            next.viewpoint.period = next.landscape.periods(of: next.viewpoint.framework).last
        }
        next.rebuildAll()
        if let focusKey { next.updateTop { $0.list.select(key: focusKey, table: $0.table) } }
        return next
    }
}
