import Glibc
import OversightStore
import OversightTestSupport

/// `hold --store DIR`: opens the store, says so, and keeps it open until killed.
enum HoldCommand {
    static func run(_ arguments: Arguments) {
        let store: Store
        do {
            store = try Store.open(arguments.store, options: StoreOptions(user: "holder", fileSystem: POSIXFileSystem()))
        } catch {
            Output.fail("open: \(error)")
        }
        Output.say("holding \(getpid()) \(store.isReadOnly ? "read-only" : "writable")")
        while true { pause() }
    }
}
