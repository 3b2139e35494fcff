import Glibc
import OversightDomain
import OversightStore
import OversightTestSupport

/// `soak --store DIR [--compact-after N] [--chunk BYTES] [--write-delay MICROSECONDS] [--unsafe-in-place]
/// [--stop-mid-write N [--stop-file NAME]]`: opens the store and makes the actions `Workloads.soakStep`
/// chooses, forever, until it is killed. With `--chunk`, every write passes on at most that many
/// bytes (short writes), and with `--write-delay` each write then waits (a slow disk). With
/// `--stop-mid-write N`, the N-th write to journal.jsonl (or NAME) stops half-way and the process
/// says `stopped …` and waits for its kill: a kill mid-line every time.
enum SoakCommand {
    static func run(_ arguments: Arguments) {
        let fs: InterposedFileSystem
        if let stopAt = arguments.int("stop-mid-write") {
            fs = StopMidWriteFileSystem(base: POSIXFileSystem(), file: "/" + (arguments.value("stop-file") ?? "journal.jsonl"),
                                        stopAt: stopAt, report: Output.say)
        } else {
            fs = InterposedFileSystem(base: POSIXFileSystem())
        }
        fs.maxWriteChunk = arguments.int("chunk")
        fs.writeDelayMicroseconds = UInt32(arguments.int("write-delay") ?? 0)
        let options = StoreOptions(user: "soak", fileSystem: fs, clock: SampleStore.tickingClock(),
                                   compactAfterEntries: arguments.int("compact-after") ?? 2_000,
                                   unsafeInPlaceSnapshot: arguments.flag("unsafe-in-place"))
        let store: Store
        do {
            store = try Store.open(arguments.store, options: options)
        } catch {
            Output.fail("open: \(error)")
        }
        if let reason = store.readOnlyReason { Output.fail("opened read-only: \(reason.explanation)") }
        Output.say("open \(store.lastSeq)")
        while true {
            let seq = store.lastSeq + 1
            let step = Workloads.soakStep(seq: seq, dataset: store.dataset, undoDepth: store.undoDepth, redoDepth: store.redoDepth)
            Output.say("attempt \(seq)")
            do {
                switch step {
                case .edit(let edit): try store.commit(edit)
                case .undo: try store.undo()
                case .redo: try store.redo()
                default: break
                }
            } catch {
                Output.fail("\(step) at \(seq): \(error)")
            }
            Output.say("ack \(seq)")
        }
    }
}
