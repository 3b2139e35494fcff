import Foundation
import OversightConsole
import OversightDomain
import OversightStore
import OversightTerminal

/// Where a store's first frame goes, in-process on an existing store (`oversight-bench opening
/// --store DIR`): the open with the console's choice of periods read first, the state and its
/// segments, the first view; then what is read after it. Read-only, so the store is not changed.
/// `--first-frame` repeats only the first two, for a profiler (`perf record`, callgrind) to look at.
enum OpeningBenchmarks {
    static func run(_ arguments: [String]) -> Int32 {
        guard let at = arguments.firstIndex(of: "--store"), at + 1 < arguments.count else {
            print("usage: oversight-bench opening --store DIR [--first-frame]")
            return 2
        }
        let path = arguments[at + 1]
        let today = StoreOptions.systemClock().date
        let firstOnly = arguments.contains("--first-frame")
        var open = Measurement("Store.open, opening period first")
        var state = Measurement("state, segments, first view")
        var rest = Measurement("the rest (after the first frame)")
        var whole = Measurement("Store.open, everything")
        var wholeAtOnce = Measurement("Store.open, everything, file read at once")
        for _ in 0..<(firstOnly ? 40 : 15) {
            var options = StoreOptions(readOnly: true)
            options.opening = { _, periods, published in Landscape.openingPeriods(among: periods, published: published, today: today) }
            var store: Store?
            open.time { store = try? Store.open(path, options: options) }
            guard let store else {
                print("opening: \(path) does not open")
                return 1
            }
            var session: ConsoleSession?
            state.time {
                let terminal = HeadlessTerminal(size: Size(width: 80, height: 24))
                session = ConsoleSession(store: store, terminal: terminal, today: today)
                session?.paint()
            }
            if firstOnly {
                store.close()
                continue
            }
            rest.time { session?.completeOpening() }
            store.close()
            whole.time { try? Store.open(path, options: StoreOptions(readOnly: true)).close() }
            // A snapshot of 32 MiB or more is read in pieces when wanted whole; this is the read it replaced.
            var atOnce = StoreOptions(readOnly: true)
            atOnce.piecewiseAbove = .max
            wholeAtOnce.time { try? Store.open(path, options: atOnce).close() }
        }
        for measurement in firstOnly ? [open, state] : [open, state, rest, whole, wholeAtOnce] { measurement.report() }
        return 0
    }
}
