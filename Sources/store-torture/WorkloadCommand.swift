import Glibc
import OversightDomain
import OversightStore
import OversightTestSupport

/// `workload --store DIR [--crash-at K --moment before|after|mid-write] [--blocks B --edits E]
/// [--compact-after N] [--unsafe-in-place]`: runs the standard workload W on the store, checking it
/// against the model as it goes, and dies at the crash point.
enum WorkloadCommand {
    static func run(_ arguments: Arguments) {
        let moment = arguments.value("moment").flatMap(CrashPointFileSystem.Moment.init(rawValue:)) ?? .before
        let fs = CrashPointFileSystem(base: POSIXFileSystem(), crashAt: arguments.int("crash-at"), moment: moment, report: Output.say)
        let steps = Workloads.standard(blocks: arguments.int("blocks") ?? 5, editsPerBlock: arguments.int("edits") ?? 8)
        let compactAfter = arguments.int("compact-after") ?? 2_000
        let inPlace = arguments.flag("unsafe-in-place")
        do {
            let runner = try WorkloadRunner(directory: arguments.store, model: StoreModel(start: SampleDataset.make()), fileSystem: fs) { fs in
                StoreOptions(user: "torture", fileSystem: fs, clock: SampleStore.tickingClock(), compactAfterEntries: compactAfter,
                             unsafeInPlaceSnapshot: inPlace)
            }
            runner.onAttempt = { Output.say("attempt \($0)") }
            runner.onAcknowledge = { Output.say("ack \($0)") }
            for step in steps { try runner.perform(step) }
            runner.store.close()
        } catch {
            Output.fail("\(error)")
        }
        let writes = fs.calls(of: .write)
        Output.say("done \(fs.mutatingCalls) \(writes)")
        exit(0)
    }
}
