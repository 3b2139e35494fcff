import Glibc
import Dispatch
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
    /// Tells typing from commands by the time between keys (a paste, typing run on after a save).
    public private(set) var typingGuard: TypingGuard
    /// Whether the intent being handled came from a form (its save may have typing running on after it).
    private var savingFromForm = false
    private(set) var store: any RecordStore
    let terminal: any Terminal
    /// Opens the store again, read-only, for a console that follows another's saves (nil: does not follow).
    let reopen: (() throws -> any RecordStore)?
    /// How the store looked when last read; a difference means another process wrote.
    private var watch: ChangeMark
    /// Whether the last look at a team store failed to reach it (said once, until it is back).
    private var offline = false
    /// The newest entry the screens show, for a team store (whose commits may read others' entries too).
    private var shownSeq: Int
    /// Why this console is read-only, kept from the first opening (each reopening asks for read-only itself).
    private let readOnlyReason: (short: String, explanation: String)?
    let log: ConsoleLog?
    /// Where a form being filled in is kept if the console has to close (nil: nowhere to keep it).
    let drafts: DraftFile?

    /// `reopen`, for a read-only console, lets it follow the saves another process makes (the
    /// chair's projector beside the secretary's laptop): it looks at the store (`changeMark`) twice a
    /// second while nobody types and reads the store again when it has changed.
    public init(store: any RecordStore, terminal: any Terminal, today: CalendarDate, log: ConsoleLog? = nil, drafts: DraftFile? = nil,
                pace: TypingGuard.Pace = TypingGuard.Pace(), reopen: (() throws -> any RecordStore)? = nil) {
        typingGuard = TypingGuard(pace: pace)
        self.drafts = drafts
        self.store = store
        self.terminal = terminal
        self.log = log
        self.reopen = store.isReadOnly ? reopen : nil
        watch = store.changeMark()
        shownSeq = store.lastSeq
        readOnlyReason = store.readOnlyReason.map { reason in
            // The store's own words say a copy reads the store as it was when opened; a following console does not.
            guard reopen != nil, case .lockedByAnotherProcess(let pid) = reason else { return (reason.short, reason.explanation) }
            return (reason.short, "Another oversight" + (pid.map { " (pid \($0))" } ?? "")
                        + " is editing this store; this console shows its saves as they are made. Close that one and reopen to edit here.")
        }
        let recorder = Recorder(user: store.user, now: store.now, salt: UInt32.random(in: 0...UInt32.max))
        var status = ConsoleSession.status(of: store)
        if let readOnlyReason { (status.readOnly, status.explanation) = (readOnlyReason.short, readOnlyReason.explanation) }
        if self.reopen != nil { status.refreshed = store.now }
        state = AppState(dataset: store.openingDataset, today: today, size: terminal.size, store: status,
                         recorder: recorder, time: .current)
        if let notice = store.notices.first { state.message = .init(notice) }
        // A form kept when the console last had to close is offered back (to its own user, who can still save it).
        if let draft = drafts?.load(), draft.user == store.user, !store.isReadOnly { state.offerDraft(draft.form, kept: draft.kept) }
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

    func status(of store: any RecordStore) -> AppState.StoreStatus {
        var status = ConsoleSession.status(of: store)
        if let readOnlyReason { (status.readOnly, status.explanation) = (readOnlyReason.short, readOnlyReason.explanation) }
        return status
    }

    static func status(of store: any RecordStore) -> AppState.StoreStatus {
        func step(_ entry: JournalEntry?) -> JournalStep? {
            entry.map { JournalStep(seq: $0.seq, label: $0.label, time: $0.ts, user: $0.user) }
        }
        return AppState.StoreStatus(readOnly: store.readOnlyReason.map(\.short), explanation: store.readOnlyReason?.explanation,
                                    lastSaved: store.lastSaved, undo: step(store.nextUndo), redo: step(store.nextRedo))
    }

    public func paint() {
        terminal.draw(view(state, size: terminal.size, glyphs: terminal.glyphs))
    }

    /// Runs until quit, a signal, or the end of input.
    public func run() -> Ending {
        paint()
        if let ending = completeOpening() { return ending }
        while true {
            if let ending = handle(terminal.nextEvents(wakingAfter: wakeAfter)) { return ending }
            paint()
        }
    }

    /// The first frame is drawn from what the store read first (the period the console opens on);
    /// the rest is read here, on another thread, before any key is handled, and every screen is made
    /// again from all of it (drawn again only if anything on screen changed). Meanwhile this thread
    /// keeps taking input, so that each key is stamped when it came: read only afterwards, keys typed
    /// during the read would arrive together and look like a paste to the typing guard. They are
    /// handled in order once all is read; returns the ending if one of them (or a signal) ends the session.
    @discardableResult
    public func completeOpening() -> Ending? {
        guard store.isPartlyRead else { return nil }
        let reading = Reading(store)
        let done = DispatchGroup()
        done.enter()
        DispatchQueue.global().async {
            reading.run()
            done.leave()
        }
        var waiting: [[TerminalEvent]] = []
        while done.wait(timeout: .now()) == .timedOut {
            let events = terminal.nextEvents(wakingAfter: 15).filter { $0 != .idle }
            if !events.isEmpty { waiting.append(events) }
            // Nothing more will come (or the session is to end): wait for the read without looking.
            if events.contains(where: { if case .endOfInput = $0 { return true }; if case .signal = $0 { return true }; return false }) {
                done.wait()
            }
        }
        refreshAfterOpening(reading.read)
        for events in waiting {
            if let ending = handle(events) { return ending }
            paint()
        }
        return nil
    }

    /// The store, handed to the thread that reads the rest of it; this thread does not touch it until
    /// that one has finished (`completeOpening` waits on the group before reading `read`).
    private final class Reading: @unchecked Sendable {
        let store: any RecordStore
        var read: [RecordKey] = []
        init(_ store: any RecordStore) { self.store = store }
        func run() { read = store.finishOpening() }
    }

    /// The screens made again from all the records, after `finishOpening` read `read`.
    private func refreshAfterOpening(_ read: [RecordKey]) {
        guard !read.isEmpty || store.isReadOnly != state.isReadOnly else { return }
        let dataset = store.dataset
        let derived = work(state.needsAfter(changing: read, focus: nil), in: dataset)
        let before = view(state, size: terminal.size, glyphs: terminal.glyphs)
        let notice = store.notices.first { !(state.message?.text ?? "").contains($0) }
        // The opening message on what was published is said again from all the data, should it differ
        // (a peer group's latest published quarter further back than the year read first).
        let coverage = { (state: AppState) in state.landscape.coverage(state.viewpoint.framework, state.viewpoint.period).map { $0 + "." } }
        let saidCoverage = state.message != nil && state.message?.text == coverage(state)
        var status = status(of: store)
        status.refreshed = state.store.refreshed
        state = state.refreshed(dataset, store: status, history: nil, changed: read, derived: derived,
                                message: state.message == nil ? notice.map { .init($0) } : nil)
        if saidCoverage, let text = coverage(state) { state.message = .init(text) }
        fulfil()
        if view(state, size: terminal.size, glyphs: terminal.glyphs) != before { paint() }
    }

    /// How often a following console looks at the store while nobody types: within a second of a save.
    static let followInterval = 500

    /// How long to wait for a key before looking again: to follow another's saves, and to move the presenter's
    /// clock on each second; nil to wait for the key.
    var wakeAfter: Int? {
        if follows { return ConsoleSession.followInterval }
        return state.showsClock ? 1000 : nil
    }

    /// Reads the store again if another process has written to it since it was last read. The screens
    /// stay where they were; the status line says who changed what, and when this console last looked.
    public func refreshIfChanged() {
        if let shared = store as? any SharedRecordStore {
            catchUp(shared)
            return
        }
        guard let reopen else { return }
        let now = store.changeMark()
        guard now != watch else { return }
        let next: any RecordStore
        do {
            next = try reopen()
        } catch {
            // Mid-compaction, say: the files are looked at again next time; what is shown stays as it was.
            log?.write("could not read the store again: \(error)")
            state.message = .init("Could not read the store again (\(error)); showing it as it was. Trying again.", isError: true)
            return
        }
        watch = now
        let before = store.lastSeq
        let items = next.history.filter { $0.seq > before }
        store.close(compacting: false)
        store = next
        let changed = items.flatMap(\.keys)
        var status = self.status(of: next)
        status.refreshed = next.now
        let dataset = next.dataset
        let derived = work(state.needsAfter(changing: changed, focus: nil), in: dataset)
        state = state.refreshed(dataset, store: status, history: state.history == nil ? nil : HistoryPage(next.history, in: dataset),
                                changed: changed, derived: derived, message: ConsoleSession.followed(items))
        fulfil()
    }

    /// Whether this console looks at the store while nobody types: a read-only one that follows
    /// another's saves, and any console on a shared (team) store, where others write all the time.
    private var follows: Bool { reopen != nil || store is any SharedRecordStore }

    /// A team store is brought up to date in place (`SharedRecordStore.catchUp`): the screens stay
    /// where they were, a form being filled in stays open, and the status line says who changed what.
    /// Unreachable, the console says it is offline and keeps what it shows; it tries again next time.
    private func catchUp(_ shared: any SharedRecordStore) {
        // Not while a form is open: its edit is made against the records as the user saw them when
        // they opened it, so that a colleague's change since is refused by name at save (the team
        // store's before-image check) rather than written over unseen. It catches up once the form closes.
        guard state.mode.kind != .form else { return }
        let now = shared.changeMark()
        guard now != watch else { return }
        do {
            _ = try shared.catchUp()
        } catch {
            log?.write("could not bring the team store up to date: \(error.logSummary)")
            if !offline {
                state.message = .init("Offline: \(error) Showing the records as they were; trying again.", isError: true)
            }
            offline = true
            return
        }
        watch = now
        let wasOffline = offline
        offline = false
        // Everything since the screen was last brought up to date: what catchUp just read, and what a
        // commit of this console's read on its way (a refused edit reads the colleague's change first).
        let items = shared.history.filter { $0.seq > shownSeq }
        shownSeq = shared.lastSeq
        guard !items.isEmpty else {
            if wasOffline { state.message = .init("Back online: the team store is reachable again.") }
            return
        }
        let changed = items.flatMap(\.keys)
        var status = self.status(of: shared)
        status.refreshed = shared.now
        let dataset = shared.dataset
        let derived = work(state.needsAfter(changing: changed, focus: nil), in: dataset)
        state = state.refreshed(dataset, store: status, history: state.history == nil ? nil : HistoryPage(shared.history, in: dataset),
                                changed: changed, derived: derived,
                                message: ConsoleSession.followed(items.filter { $0.user != shared.user }) ?? state.message)
        fulfil()
    }

    /// "Updated by alice: Add note on RM3 (and 2 more).": who changed what, the newest named.
    static func followed(_ items: [HistoryItem]) -> AppState.Message? {
        guard let last = items.last else { return nil }
        let verb = switch last.kind {
        case .do: ""
        case .undo: "undid "
        case .redo: "redid "
        }
        let more = items.count > 1 ? " (and \(items.count - 1) more)" : ""
        return .init("Updated by \(last.user): \(verb)\(last.label)\(more).")
    }

    /// One event through update and its effects; an ending when the session is over.
    public func handle(_ event: TerminalEvent) -> Ending? { handle([event]) }

    /// Events read together. Keys go through the typing guard first, so that a burst of text (a
    /// paste the terminal did not mark) is typed as text or set aside, never read as commands.
    public func handle(_ events: [TerminalEvent]) -> Ending? {
        var keys: [TimedKey] = []
        for event in events {
            if case .key(let key, let at) = event {
                keys.append(TimedKey(key, at: at))
                continue
            }
            if let ending = handle(keys) { return ending }
            keys = []
            if let ending = handleOther(event) { return ending }
        }
        return handle(keys)
    }

    private func handle(_ keys: [TimedKey]) -> Ending? {
        for group in typingGuard.group(keys) {
            let ending: Ending?
            switch group {
            case .burst(let text):
                ending = dispatch(typing ? .paste(text) : .setAside(typingGuard.setAside(text)))
            case .key(let key):
                ending = handle(key)
            }
            if let ending { return ending }
        }
        return nil
    }

    /// Whether keys are typed into something now (a form, the filter, go-to).
    private var typing: Bool { [.form, .filtering, .goTo].contains(state.mode.kind) }

    private func handle(_ key: TimedKey) -> Ending? {
        if terminal.size.isTooSmall {
            // Nothing is visible to act on: only quitting works until the window grows.
            guard key.key == .character("Q") || key.key == .function(10) || key.key == .control("c") else { return nil }
            return leave(.quit, because: "quit while the window was too small")
        }
        switch typingGuard.admit(key, typing: typing) {
        case .act:
            return Keymap.intent(for: key.key, on: state.topKind, mode: state.mode.kind).flatMap { dispatch($0) }
        case .setAside(let text):
            return dispatch(.setAside(text))
        case .ready:
            return dispatch(.ready)
        }
    }

    private func handleOther(_ event: TerminalEvent) -> Ending? {
        switch event {
        case .key:
            return nil
        case .signal(let number) where number == SIGINT && terminal.size.isTooSmall:
            return leave(.signal(number), because: "Ctrl-C while the window was too small")
        case .signal(let number) where number == SIGINT:
            // Ctrl-C (the terminal turns it into SIGINT): Windows users press it to copy. It is the key Ctrl-C as the
            // command table says: in a form it asks as Esc does, in a question it says no, elsewhere it asks before quitting.
            log?.write("signal \(number): Ctrl-C")
            return Keymap.intent(for: .control("c"), on: state.topKind, mode: state.mode.kind).flatMap { dispatch($0) }
        case .signal(let number):
            return leave(.signal(number), because: "signal \(number)")
        case .endOfInput:
            return leave(.endOfInput, because: "end of input")
        case .resize(let size):
            return dispatch(.resize(width: size.width, height: size.height))
        case .idle:
            state.setTime(store.now)
            refreshIfChanged()
            return nil
        }
    }

    /// An intent through update, its effects performed and what the state then asks for handed in.
    private func dispatch(_ intent: Intent) -> Ending? {
        state.setTime(store.now)
        // Only a save from a form can have typing running on after it; `]`, `u` or a `y` that saves are deliberate.
        savingFromForm = state.mode.kind == .form
        let (next, effects) = update(state, intent)
        state = next
        for effect in effects {
            if perform(effect) { return leave(.quit, because: "quit") }
        }
        fulfil()
        return nil
    }

    /// Ends the session. A form with typed text is kept as a draft first (the window closed, the
    /// terminal went), which the next start offers back.
    private func leave(_ ending: Ending, because why: String) -> Ending {
        log?.write("\(why): leaving")
        if let drafts, let form = state.form, form.isChanged {
            do {
                try drafts.save(Draft(form: form, user: store.user, kept: store.now))
                log?.write("kept the form “\(form.title)” as a draft in \(drafts.path)")
            } catch {
                log?.write("could not keep the form as a draft: \(error)")
            }
        }
        return ending
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
                state.sitting.did(entry.seq, at: entry.ts)
                reload(entry) { SaveMessage.saved(entry.label, edit, in: $0, replaced: entry.change.replacedDecision) }
                // Keys typed straight after a form's save are more typing until a pause or a deliberate key.
                if savingFromForm { typingGuard.saved() }
            case .undo:
                let entry = try store.undo()
                if let of = entry.of { state.sitting.undid(of, at: entry.ts) }
                reload(entry) { _ in SaveMessage.undone(entry.label) }
            case .redo:
                let entry = try store.redo()
                if let of = entry.of { state.sitting.did(of, at: entry.ts) }
                reload(entry) { _ in SaveMessage.redone(entry.label) }
            case .forgetDraft:
                drafts?.remove()
            case .writePaper(let order):
                writePaper(order)
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
        case .forgetDraft: return "forgetting the draft"
        case .writePaper: return "writing a board paper"
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

extension ConsoleSession {
    /// Writes a board paper the way `oversight export -o` does (0600, atomically, never over a file without a
    /// yes); a name alone goes in the folder the console was started from, and `~` is the user's home.
    func writePaper(_ order: PaperOrder) {
        let path = ExportFile.fullPath(order.path)
        guard let paper = order.request.paper(in: store.dataset, today: store.today) else {
            state.paperFailed("What this paper is about is no longer in the store; nothing was written.")
            return
        }
        do {
            try ExportFile.write(Array(order.format.render(paper, today: store.today).utf8), to: path, overwrite: order.replace)
            log?.write("wrote a board paper (\(order.format.rawValue))")
            state.paperWritten(paper.title, to: path)
        } catch where error.alreadyExists && !order.replace {
            state.askToReplace(order, shownAs: path)
        } catch {
            state.paperFailed(error.message)
        }
    }
}
