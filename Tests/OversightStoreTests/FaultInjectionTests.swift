import Foundation
import Glibc
import OversightDomain
@testable import OversightStore
import OversightTestSupport
import Testing

/// T6: the n-th file call fails (n = 1, 2, … until the workload completes without reaching it), once
/// or from then on, with ENOSPC, EIO or EFBIG. Whenever the user sees an error, what the store holds
/// in memory is what a reopen finds on disk; after a failed sync the store is read-only and writes nothing.
@Suite("T6 I/O fault injection")
struct FaultInjectionSlowTests {
    /// What the workload does, step by step; each edit is made to fit the data as it is then, so the
    /// workload stays meaningful after an edit was refused. 10 edits of every kind, 4 undos, 2 redos,
    /// an explicit compaction, a reopen, and compaction every 5 entries.
    enum Intent: CustomStringConvertible {
        case edit(SampleEdits.Kind)
        case undo, redo, compact, reopen

        var description: String {
            switch self {
            case .edit(let kind): return "edit \(kind.rawValue)"
            case .undo: return "undo"
            case .redo: return "redo"
            case .compact: return "compact"
            case .reopen: return "close and reopen"
            }
        }
    }

    static let intents: [Intent] = [
        .edit(.addNote), .edit(.decideSegment), .edit(.importValues), .edit(.addAction), .undo, .undo, .redo,
        .edit(.editNote), .edit(.addIntervention), .reopen, .edit(.logEvent), .edit(.completeAction), .undo, .undo, .redo,
        .compact, .edit(.deleteNote), .edit(.closeIntervention),
    ]

    struct Tally: CustomStringConvertible {
        var runs = 0
        var errorsSeen = 0
        var syncFailures = 0
        var openFailures = 0
        var failures: [String] = []

        var description: String {
            "\(runs) runs, \(errorsSeen) errors shown to the user, \(syncFailures) runs went read-only after a failed sync, \(openFailures) failed opens, \(failures.count) failures"
        }
    }

    static let cases: [(Int32, FaultFileSystem.Persistence)] = [ENOSPC, EIO, EFBIG].flatMap { code in
        FaultFileSystem.Persistence.allCases.map { (code, $0) }
    }

    @Test("fail the n-th call for every n: memory always equals disk, a failed sync leaves the store read-only and writing nothing",
          arguments: 0..<6)
    func everyCall(caseIndex: Int) throws {
        let (code, persistence) = Self.cases[caseIndex]
        var tally = Tally()
        var n = 1
        while n < 1_000 {
            let run = FaultRun(failingCall: n, errno: code, persistence: persistence)
            run.execute()
            tally.runs += 1
            tally.errorsSeen += run.errorsSeen
            if run.syncFailureMark != nil { tally.syncFailures += 1 }
            if run.openFailed { tally.openFailures += 1 }
            tally.failures += run.failures.map { "n=\(n): \($0)" }
            if run.completed && !run.fault.reachedFailingCall { break }
            n += 1
        }
        #expect(tally.failures.isEmpty, "\(tally.failures.count) failures; first: \(tally.failures.prefix(3))")
        #expect(tally.runs > 50 && tally.errorsSeen > 0 && tally.syncFailures > 0)
        print("T6 \([ENOSPC: "ENOSPC", EIO: "EIO", EFBIG: "EFBIG"][code]!) \(persistence.rawValue): \(tally)")
    }

    @Test("a real file-size limit (ulimit -f, SIGXFSZ ignored): the commit that reaches it is refused with a clear message and the journal is cut back")
    func realFileSizeLimit() throws {
        let scratch = ScratchDirectory("efbig")
        let path = SampleStore.create(in: scratch)
        let limit = 40_000
        let child = try TortureChild.start(["fill", "--store", path, "--limit", "\(limit)"])
        let transcript = TortureChild.Transcript(lines: child.readAllLines())
        #expect(child.wait() == .exited(0), "\(transcript)")
        let acknowledged = try #require(transcript.acknowledged, "some commits fit under the limit: \(transcript)")
        let message = try #require(transcript.values("rejected").first, "a commit was refused: \(transcript)")
        #expect(message.contains("journal.jsonl: the file has reached the size limit (EFBIG)") && message.contains("Nothing was changed"), "the message says what happened: \(message)")
        #expect(transcript.values("state").first == "\(acknowledged) writable", "the store stays usable at the last saved entry")
        let journal = try #require(try POSIXFileSystem().read(path + "/journal.jsonl"))
        let scan = JournalScan(journal)
        #expect(scan.damage == nil, "no partial line is left behind: \(String(describing: scan.damage))")
        #expect(scan.lines.count == acknowledged && journal.count < limit)
        let store = try Store.open(path, options: SampleStore.options())
        #expect(store.lastSeq == acknowledged && !store.isReadOnly && store.notices.isEmpty)
        print("T6 real EFBIG: \(acknowledged) commits fitted under \(limit) bytes; the next was refused: \(message)")
    }

    @Test("short writes are completed: a disk that takes 7 bytes per write still gets whole lines")
    func shortWrites() throws {
        let base = CrashSimFileSystem(disk: SimulatedStore.disk())
        let fs = InterposedFileSystem(base: base)
        fs.maxWriteChunk = 7
        let runner = try WorkloadRunner(directory: SimulatedStore.directory, model: StoreModel(start: SampleDataset.make()),
                                        fileSystem: fs, options: { SimulatedStore.options($0, compactAfterEntries: 5) })
        for step in Workloads.standard(blocks: 2, editsPerBlock: 4) { try runner.perform(step) }
        runner.store.close()
        let reopened = try Store.open(SimulatedStore.directory, options: SimulatedStore.options(CrashSimFileSystem(disk: base.disk)))
        #expect(StoreComparison.difference(store: reopened, expected: runner.model.current, seq: runner.model.lastSeq) == nil)
        #expect(fs.calls(of: .write) > 1_000, "the writes really were cut short")
    }
}

/// One run of the workload with the n-th call failing, checking after every error the user sees.
final class FaultRun {
    let base = CrashSimFileSystem(disk: SimulatedStore.disk())
    let fault: FaultFileSystem
    var model = StoreModel(start: SampleDataset.make())
    var errorsSeen = 0
    var openFailed = false
    var failures: [String] = []
    /// How many changing calls had been made when a sync first failed.
    var syncFailureMark: Int?
    /// The action whose sync failed: it may or may not be on disk, and the user was told so.
    var unconfirmed: StoreModel?

    init(failingCall: Int, errno: Int32, persistence: FaultFileSystem.Persistence) {
        fault = FaultFileSystem(base: base, failingCall: failingCall, errno: errno, persistence: persistence)
    }

    func options(_ fs: FileSystem) -> StoreOptions { SimulatedStore.options(fs, compactAfterEntries: 5) }

    /// Whether the workload ran to its end (it stops early only on a failure of the test).
    var completed = false

    func execute() {
        guard var store = open() else {
            completed = true
            return
        }
        for (index, intent) in FaultInjectionSlowTests.intents.enumerated() {
            let label = "step \(index + 1) (\(intent))"
            switch intent {
            case .edit, .undo, .redo:
                let step: WorkloadStep
                switch intent {
                case .edit(let kind): step = .edit(SampleEdits.fitting(kind, number: index + 1, in: model.current.dataset))
                case .undo: step = .undo
                default: step = .redo
                }
                var tentative = model
                do {
                    try tentative.perform(step)
                } catch {
                    continue  // nothing to undo or redo after earlier failures: the store is not asked
                }
                do {
                    switch step {
                    case .edit(let edit): try store.commit(edit)
                    case .undo: try store.undo()
                    default: try store.redo()
                    }
                    model = tentative
                } catch {
                    if case .syncFailed = error { unconfirmed = tentative }
                    sawError(error, store: store, at: label)
                }
            case .compact:
                do { try store.compact() } catch { sawError(error, store: store, at: label) }
            case .reopen:
                store.close()
                noteSyncFailure(store)
                guard checkNoWritesAfterSyncFailure() else { return }
                guard let reopened = open() else {
                    completed = true
                    return
                }
                store = reopened
                // The read-only state lasts until the store is reopened, which rereads the disk:
                // an action whose sync failed may be there after all, as the user was told.
                if let unconfirmed, store.lastSeq == unconfirmed.lastSeq { model = unconfirmed }
                unconfirmed = nil
                syncFailureMark = nil
            }
            noteSyncFailure(store)
            if !store.isReadOnly { checkJournalIsClean(at: label) }
            if let why = StoreComparison.difference(store: store, expected: model.current, seq: model.lastSeq) {
                failures.append("\(label): the store's memory differs from what it acknowledged: \(why)")
                return
            }
        }
        store.close()
        noteSyncFailure(store)
        checkDisk(at: "after the workload", writable: syncFailureMark == nil)
        completed = checkNoWritesAfterSyncFailure()
    }

    /// After a failed sync, the store must not have made a single call that could change the disk.
    func checkNoWritesAfterSyncFailure() -> Bool {
        guard let mark = syncFailureMark, fault.mutatingCalls != mark else { return true }
        failures.append("after a failed sync, \(fault.mutatingCalls - mark) more changing calls were made")
        return false
    }

    /// Opens the store through the faulty file system; nil (having checked the disk) when it fails.
    func open() -> Store? {
        do {
            let store = try Store.open(SimulatedStore.directory, options: options(fault))
            noteSyncFailure(store)
            if store.isReadOnly { sawError(.readOnly(store.readOnlyReason!), store: nil, at: "open") }
            return store
        } catch {
            openFailed = true
            sawError(error, store: nil, at: "open")
            return nil
        }
    }

    func noteSyncFailure(_ store: Store) {
        if syncFailureMark == nil, case .syncFailed? = store.readOnlyReason { syncFailureMark = fault.mutatingCalls }
    }

    /// The user saw an error: it must say something, memory must be what was acknowledged, and a
    /// reopen must find exactly that on disk (or, after a failed sync, that or the unconfirmed action).
    func sawError(_ error: StoreError, store: Store?, at label: String) {
        errorsSeen += 1
        switch error {
        case .writeFailed(let failure), .syncFailed(let failure):
            if !error.description.contains(IOFailure.explain(failure.errno)) {
                failures.append("\(label): the message does not say what went wrong: \(error)")
            }
        default: break
        }
        if let store {
            noteSyncFailure(store)
            if !store.isReadOnly { checkJournalIsClean(at: "\(label) after “\(error)”") }
        }
        checkDisk(at: "\(label) after “\(error)”", writable: false)
    }

    /// A writable store's journal ends with a whole entry: a failed write was cut back off it.
    func checkJournalIsClean(at label: String) {
        let journal = base.disk.contents(of: SimulatedStore.directory + "/" + StoreLayout.journalName) ?? []
        if let damage = JournalScan(journal).damage { failures.append("\(label): the journal was left damaged: \(damage)") }
    }

    /// The files and model state of the last disk check that passed: the same disk need not be reopened again.
    private var lastChecked: (files: [String: [UInt8]], seq: Int)?

    func checkDisk(at label: String, writable: Bool) {
        let files = base.disk.files(under: SimulatedStore.directory)
        if let lastChecked, lastChecked.files == files, lastChecked.seq == model.lastSeq, !writable { return }
        let copy = CrashSimFileSystem(disk: base.disk)
        let reopened: Store
        do {
            reopened = try Store.open(SimulatedStore.directory, options: options(copy))
        } catch {
            failures.append("\(label): the store on disk does not reopen: \(error)")
            return
        }
        defer { reopened.close(compacting: false) }
        if writable, let reason = reopened.readOnlyReason { failures.append("\(label): the store on disk reopens read-only: \(reason.explanation)") }
        if StoreComparison.difference(store: reopened, expected: model.current, seq: model.lastSeq) == nil {
            lastChecked = (files, model.lastSeq)
            return
        }
        if syncFailureMark != nil, let unconfirmed,
           StoreComparison.difference(store: reopened, expected: unconfirmed.current, seq: unconfirmed.lastSeq) == nil {
            lastChecked = (files, model.lastSeq)
            return
        }
        failures.append("\(label): memory and disk differ: \(StoreComparison.difference(store: reopened, expected: model.current, seq: model.lastSeq)!)")
    }
}
