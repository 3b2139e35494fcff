import OversightConsole
import OversightDomain
import OversightStore

/// The loop: input to intents, intents through `update`, effects against the store, what the state
/// asks for worked out and handed in, the state through `view` onto the terminal. Everything else is
/// a pure function this only wires together; this is the only place the console meets the store.
public final class ConsoleSession {
    public enum Ending: Equatable, Sendable {
        case quit
        case signal(Int32)
        case endOfInput

        /// 0 on quit; 128 + the signal's number, as shells report it.
        public var exitStatus: Int32 {
            switch self {
            case .quit, .endOfInput: return 0
            case .signal(let number): return 128 + number
            }
        }
    }

    public private(set) var state: AppState
    let store: Store
    let terminal: any Terminal
    let log: ConsoleLog?

    public init(store: Store, terminal: any Terminal, today: CalendarDate, log: ConsoleLog? = nil) {
        self.store = store
        self.terminal = terminal
        self.log = log
        let recorder = Recorder(user: store.user, now: store.now, salt: UInt32.random(in: 0...UInt32.max))
        state = AppState(dataset: store.dataset, today: today, size: terminal.size, store: ConsoleSession.status(of: store),
                         recorder: recorder, time: .current)
        if let notice = store.notices.first { state.message = .init(notice) }
        fulfil()
    }

    /// Works out what the state asks for (`AppState.needs`) and hands it in: segments of the periods
    /// on screen, system views, confirmed distances, from the state's own dataset; the journal from
    /// the store, only once a screen shows it (decoding a long log would slow every start).
    func fulfil() {
        let needs = state.needs
        guard !needs.isEmpty else { return }
        var derived = work(needs, in: state.landscape.dataset, known: state.landscape.derived)
        if needs.contains(.history) { derived.history = HistoryPage(store.history, in: store.dataset) }
        state.supply(derived)
    }

    /// `Derivation.work`, with the periods' segmentations (independent of each other) on every core
    /// first, then what builds on them.
    func work(_ needs: Set<Need>, in dataset: Dataset, known: Derived = Derived()) -> Derived {
        let periods = needs.compactMap { need -> FrameworkPeriod? in if case .segments(let key) = need { return key } else { return nil } }
        let segments = Derived(segments: Dictionary(uniqueKeysWithValues: zip(periods, Concurrently.map(periods) {
            PeriodSegments.compute(dataset, $0)
        })))
        let rest = needs.filter { need in if case .segments = need { return false } else { return true } }
        return segments.merging(Derivation.work(rest, in: dataset, known: known.merging(segments)))
    }

    static func status(of store: Store) -> AppState.StoreStatus {
        AppState.StoreStatus(readOnly: store.readOnlyReason.map(\.short), explanation: store.readOnlyReason?.explanation,
                             lastSaved: store.lastSaved)
    }

    public func paint() {
        terminal.draw(view(state, size: terminal.size, glyphs: terminal.glyphs))
    }

    /// Runs until quit, a signal, or the end of input.
    public func run() -> Ending {
        paint()
        while true {
            for event in terminal.nextEvents() {
                if let ending = handle(event) { return ending }
            }
            paint()
        }
    }

    /// One event through update and its effects; an ending when the session is over.
    public func handle(_ event: TerminalEvent) -> Ending? {
        let intent: Intent?
        switch event {
        case .signal(let number):
            log?.write("signal \(number): leaving")
            return .signal(number)
        case .endOfInput:
            log?.write("end of input: leaving")
            return .endOfInput
        case .resize(let size):
            intent = .resize(width: size.width, height: size.height)
        case .key(let key):
            if terminal.size.isTooSmall {
                // Nothing is visible to act on: only quitting works until the window grows.
                intent = (key == .character("Q") || key == .function(10) || key == .control("c")) ? .quitNow : nil
            } else {
                intent = Keymap.intent(for: key, on: state.topKind, mode: state.mode.kind)
            }
        }
        guard let intent else { return nil }
        state.setTime(store.now)
        let (next, effects) = update(state, intent)
        state = next
        for effect in effects {
            if perform(effect) { return .quit }
        }
        fulfil()
        return nil
    }

    /// Performs one effect; true when the session should end. After a save, an undo or a redo
    /// the status line says what happened and the cursor goes back to the record that changed.
    func perform(_ effect: Effect) -> Bool {
        do {
            switch effect {
            case .quit:
                return true
            case .commit(let edit):
                let entry = try store.commit(edit)
                reload(entry) { SaveMessage.saved(entry.label, edit, in: $0) }
            case .undo:
                let entry = try store.undo()
                reload(entry) { _ in SaveMessage.undone(entry.label) }
            case .redo:
                let entry = try store.redo()
                reload(entry) { _ in SaveMessage.redone(entry.label) }
            }
        } catch {
            // What failed and why, never what was being saved: the edit holds the user's text.
            log?.write("\(ConsoleSession.logName(effect)) failed: \(error.logSummary)")
            var field: String?
            var message = error.description
            if case .invalidEdit(let named, let text) = error { (field, message) = (named, text) }
            state = state.saveFailed(message, field: field, store: ConsoleSession.status(of: store))
        }
        return false
    }

    /// An effect named for the log: the kind of edit, not its contents.
    static func logName(_ effect: Effect) -> String {
        switch effect {
        case .quit: return "quit"
        case .commit(let edit): return "saving \(edit.name)"
        case .undo: return "undo"
        case .redo: return "redo"
        }
    }

    /// New data after an entry: the record it changed (its image says what it was about, even
    /// when it has just been taken away) is where the cursor goes. The message is worked out from
    /// the new data (a segment decision says which segment stands after it).
    private func reload(_ entry: JournalEntry, message: (Landscape) -> String) {
        let dataset = store.dataset
        let focus = entry.change.records.first.map { FocusTarget($0.key, image: $0.after ?? $0.before, in: dataset) }
        let changed = entry.change.records.map(\.key)
        let derived = work(state.needsAfter(changing: changed, focus: focus), in: dataset)
        state = state.reloaded(dataset, store: ConsoleSession.status(of: store),
                               history: state.history == nil ? nil : HistoryPage(store.history, in: dataset),
                               message: nil, focus: focus, changed: changed, derived: derived)
        fulfil()
        state.message = .init(message(state.landscape))
    }
}
