import ArgumentParser
import OversightStore

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create a store from the bundled national dataset.",
        discussion: "Refuses to touch a directory that already holds files (unless they are what an init cut short left). An empty directory given to it becomes the store and is made private (0700)."
    )

    @OptionGroup var storeOptions: StoreOptionsGroup

    func run() throws {
        let location = storeOptions.location()
        do {
            try Store.create(location.path, snapshot: BundledSnapshot.bytes())
        } catch let error as StoreError {
            throw CLIError(error.description)
        }
        print("Created a store at \(location.path) from the bundled dataset.")
    }
}
