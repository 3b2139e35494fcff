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

    public init(store: Store, terminal: any Terminal, today: CalendarDate, log: ConsoleLog? = nil) {
        self.store = store
        self.terminal = terminal
        self.log = log
        state = AppState(dataset: store.dataset, today: today, size: terminal.size, store: ConsoleSession.status(of: store))
        if let notice = store.notices.first { state.message = .init(notice) }
    }

    static func status(of store: Store) -> AppState.StoreStatus {
        AppState.StoreStatus(readOnly: store.readOnlyReason.map(\.short), lastSaved: store.lastSaved)
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
                command = Keymap.command(for: key, on: state.topKind, mode: state.mode, readOnly: state.isReadOnly)
            }
        }
        guard let command else { return nil }
        let (next, effects) = update(state, command)
        state = next
        for effect in effects {
            if perform(effect) { return .quit }
        }
        return nil
    }

    /// Performs one effect; true when the session should end.
    func perform(_ effect: Effect) -> Bool {
        do {
            switch effect {
            case .quit:
                return true
            case .commit(let edit):
                let entry = try store.commit(edit)
                reload("Saved: \(entry.label).", focus: edit.primaryKey)
            case .undo:
                let entry = try store.undo()
                reload("Undone: \(entry.label).", focus: nil)
            case .redo:
                let entry = try store.redo()
                reload("Redone: \(entry.label).", focus: nil)
            }
        } catch {
            log?.write("effect \(effect) failed: \(error)")
            state = state.reloaded(store.dataset, store: ConsoleSession.status(of: store),
                                   message: .init("\(error)", isError: true))
        }
        return false
    }

    private func reload(_ message: String, focus: RecordKey?) {
        state = state.reloaded(store.dataset, store: ConsoleSession.status(of: store), message: .init(message),
                               focusKey: focus.flatMap(ConsoleSession.rowKey))
    }

    /// The list row a changed record shows as, where it has one.
    static func rowKey(_ key: RecordKey) -> String? {
        switch key {
        case .intervention(let id): return id.rawValue
        case .scorecard(let id): return id.org.rawValue
        default: return nil
        }
    }
}
