import OversightDomain
import OversightStore

/// The loop: input to commands, commands through `update`, effects against the store, the state
/// through `view` onto the terminal. Everything else is a pure function this only wires together.
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
    /// Whether `state.history` holds the store's history yet (it is loaded when first needed).
    private var historyLoaded = false

    public init(store: Store, terminal: any Terminal, today: CalendarDate, log: ConsoleLog? = nil) {
        self.store = store
        self.terminal = terminal
        self.log = log
        let recorder = Recorder(user: store.user, now: store.now, salt: UInt32.random(in: 0...UInt32.max))
        // The history is read from the store when first shown: decoding a long log would slow every start.
        state = AppState(dataset: store.dataset, today: today, size: terminal.size, store: ConsoleSession.status(of: store),
                         history: [], recorder: recorder, time: .current)
        if let notice = store.notices.first { state.message = .init(notice) }
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
        let command: Command?
        switch event {
        case .signal(let number):
            log?.write("signal \(number): leaving")
            return .signal(number)
        case .endOfInput:
            log?.write("end of input: leaving")
            return .endOfInput
        case .resize(let size):
            command = .resize(width: size.width, height: size.height)
        case .key(let key):
            if terminal.size.isTooSmall {
                // Nothing is visible to act on: only quitting works until the window grows.
                command = (key == .character("Q") || key == .function(10) || key == .control("c")) ? .quitNow : nil
            } else {
                command = Keymap.command(for: key, on: state.topKind, mode: state.mode)
            }
        }
        guard let command else { return nil }
        state.setTime(store.now)
        if !historyLoaded && (command == .history || state.mode == .goTo) {
            state.history = store.history
            historyLoaded = true
        }
        let (next, effects) = update(state, command)
        state = next
        for effect in effects {
            if perform(effect) { return .quit }
        }
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
        case .commit(let edit): return "saving \(edit.command)"
        case .undo: return "undo"
        case .redo: return "redo"
        }
    }

    /// New data after an entry: the record it changed (its image says what it was about, even
    /// when it has just been taken away) is where the cursor goes. The message is worked out from
    /// the new data (a segment decision says which segment stands after it).
    private func reload(_ entry: JournalEntry, message: (Landscape) -> String) {
        let focus = entry.change.records.first.map { FocusTarget($0.key, image: $0.after ?? $0.before, in: store.dataset) }
        state = state.reloaded(store.dataset, store: ConsoleSession.status(of: store), history: historyLoaded ? store.history : nil,
                               message: nil, focus: focus, changed: entry.change.records.map(\.key))
        state.message = .init(message(state.landscape))
    }
}
