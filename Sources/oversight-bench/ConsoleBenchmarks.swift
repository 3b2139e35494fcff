import Foundation
import OversightConsole
import OversightTerminal
import OversightDomain
import OversightStore
import OversightTestSupport

/// Console benchmarks (release build): the time from opening the demonstration store to the first frame,
/// keystroke to frame for scrolling, filtering and sorting a list of 10,000 organisations, through
/// the keymap, `update`, `view` and the headless backend, the path the real loop takes; and a
/// save, an undo and a redo on the demonstration store, each to its frame. The demonstration is the
/// national register with a full set of scorecards (about 4,000, 4 MB), what a store holds once a
/// year of figures is in; the bundled store holds only what is published so far.
enum ConsoleBenchmarks {
    static let size = Size(width: 132, height: 43)
    static let today = CalendarDate.ymd(2026, 11, 20)

    static func run() {
        firstFrame()
        keystrokes()
        recording()
    }

    /// Open the demonstration store read-only, build the state (segments included), draw: budget 150 ms.
    static func firstFrame() {
        guard DemoDataset.isAvailable else { print("console: the bundled dataset is missing; first-frame benchmark skipped"); return }
        let scratch = ScratchDirectory("bench-console")
        let path = scratch.appending("store")
        do { try Store.create(path, snapshot: DemoStore.snapshotBytes()) } catch { print("console: \(error)"); return }
        var total = Measurement("console first frame (demonstration store, 132x43)")
        var opening = Measurement("  of which Store.open")
        var console = Measurement("  of which state, segments and view")
        for _ in 0..<15 {
            total.time {
                var store: Store?
                opening.time { store = try? Store.open(path, options: StoreOptions(readOnly: true)) }
                guard let store else { return }
                console.time {
                    let terminal = HeadlessTerminal(size: size)
                    ConsoleSession(store: store, terminal: terminal, today: today).paint()
                }
                store.close()
            }
        }
        total.report(budgetP99: 150)
        opening.report()
        console.report()
    }

    /// One footprint of 10,000 trusts: scroll, filter as you type, sort by columns; budget p99 16 ms.
    static func keystrokes() {
        let setup = DispatchTime.now().uptimeNanoseconds
        let dataset = SyntheticDataset.make(trusts: 10_000, oneFootprint: true)
        var state = AppState(dataset: dataset, today: today, size: size)
        state.supply(Derivation.work(state.needs, in: dataset))
        for key in [":", "Q", "0", "0"].map({ Key.character(Character($0)) }) + [.enter] { state = press(key, state) }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - setup) / 1e9
        print("console: 10,000-trust footprint ready in \(String(format: "%.2f", seconds)) s (\(state.top.table.rows.count) rows)")
        let terminal = HeadlessTerminal(size: size, keepsOnlyLastFrame: true)

        func measure(_ name: String, _ keys: [Key]) {
            var measurement = Measurement(name)
            for key in keys {
                measurement.time {
                    state = press(key, state)
                    terminal.draw(view(state, size: size, glyphs: terminal.glyphs))
                }
            }
            measurement.report(budgetP99: 16)
        }

        measure("console scroll (10,000 rows)", Array(repeating: .down, count: 400) + Array(repeating: .pageDown, count: 100)
            + Array(repeating: .up, count: 200) + [.end, .home])
        var typing: [Key] = []
        for _ in 0..<20 { typing += [.character("/")] + "brook nhs".map { Key.character($0) } + Array(repeating: .backspace, count: 9) + [.escape] }
        measure("console filter as you type (10,000 rows)", typing)
        var sorting: [Key] = []
        for _ in 0..<10 { sorting += [.right, .character("s"), .character("s"), .left, .character("s"), .character("s")] }
        measure("console sort (10,000 rows)", sorting)
    }

    /// On a writable demonstration store: Enter on a segment decision form to the frame that
    /// says "Saved" (validation, the journal write and its fdatasync, the new landscape, the view),
    /// then undo and redo, each to its frame. Budget p99 100 ms: a keystroke that saves may take a
    /// disk sync, but a meeting should not wait on it.
    static func recording() {
        guard DemoDataset.isAvailable else { print("console: the bundled dataset is missing; recording benchmark skipped"); return }
        let scratch = ScratchDirectory("bench-record")
        let path = scratch.appending("store")
        guard (try? Store.create(path, snapshot: DemoStore.snapshotBytes())) != nil,
              let store = try? Store.open(path, options: StoreOptions(user: "bench")) else { print("console: could not open a scratch store"); return }
        defer { store.close(compacting: false) }
        let terminal = HeadlessTerminal(size: size, keepsOnlyLastFrame: true)
        let session = ConsoleSession(store: store, terminal: terminal, today: today)
        func keys(_ keys: [Key]) { for key in keys { _ = session.handle(.key(key)) } }
        keys([.character(":")] + "RXW".map { Key.character($0) } + [.enter])
        var save = Measurement("console save a decision (demonstration store)")
        var undo = Measurement("console undo, back on the scorecard")
        var redo = Measurement("console redo")
        for n in 0..<30 {
            keys([.character("d"), .tab] + "Agreed \(n)".map { Key.character($0) })
            save.time { keys([.enter]); session.paint() }
            undo.time { keys([.character("u")]); session.paint() }
            redo.time { keys([.control("r")]); session.paint() }
        }
        save.report(budgetP99: 100)
        undo.report(budgetP99: 100)
        redo.report(budgetP99: 100)
    }

    /// A key through the keymap and `update`, then what the state asks for worked out and handed
    /// in, as the session does after every intent.
    static func press(_ key: Key, _ state: AppState) -> AppState {
        guard let intent = Keymap.intent(for: key, on: state.topKind, mode: state.mode.kind) else { return state }
        var next = update(state, intent).0
        let needs = next.needs
        if !needs.isEmpty { next.supply(Derivation.work(needs, in: next.landscape.dataset, known: next.landscape.derived)) }
        return next
    }
}

