import ArgumentParser
import OversightStore

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a store and report every problem with its file, place and JSON path.",
        discussion: "Exits 0 when the store is valid, 1 when it is not. Never changes the store."
    )

    @OptionGroup var storeOptions: StoreOptionsGroup

    func run() throws {
        let location = storeOptions.location()
        let store = try Store.open(location.path, options: storeOptions.storeOptions(readOnly: true))
        if let reason = store.readOnlyReason, reason != .requested {
            throw CLIError("\(location.path): \(reason.explanation)")
        }
        print("\(location.path): valid (\(store.dataset.organisations.count) organisations, \(store.dataset.scorecards.count) scorecards).")
    }
}
