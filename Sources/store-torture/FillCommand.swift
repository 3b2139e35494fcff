import Glibc
import OversightDomain
import OversightStore
import OversightTestSupport

/// `fill --store DIR --limit BYTES`: sets the file-size limit (`ulimit -f`) with SIGXFSZ ignored,
/// then commits long notes until the kernel refuses a write (a real short write, then EFBIG).
/// Reports each acknowledged seq, then the error the failing commit gave.
enum FillCommand {
    static func run(_ arguments: Arguments) {
        guard let limit = arguments.int("limit") else { Output.fail("--limit BYTES is required") }
        let store: Store
        do {
            store = try Store.open(arguments.store, options: StoreOptions(user: "fill", fileSystem: POSIXFileSystem(),
                                                                           compactAfterEntries: .max, compactAfterBytes: .max))
        } catch {
            Output.fail("open: \(error)")
        }
        signal(SIGXFSZ, SIG_IGN)
        var bound = rlimit()
        getrlimit(Int32(RLIMIT_FSIZE.rawValue), &bound)
        bound.rlim_cur = rlim_t(limit)
        guard setrlimit(Int32(RLIMIT_FSIZE.rawValue), &bound) == 0 else { Output.fail("setrlimit failed (errno \(errno))") }
        for n in 1...10_000 {
            let edit = SampleEdits.fitting(.addNote, number: n, in: store.dataset, longText: true)
            do {
                let entry = try store.commit(edit)
                Output.say("ack \(entry.seq)")
            } catch {
                Output.say("rejected \(String(describing: error).replacingNewlines())")
                Output.say("state \(store.lastSeq) \(store.isReadOnly ? "read-only" : "writable")")
                exit(0)
            }
        }
        Output.fail("the file-size limit never stopped a commit")
    }
}
