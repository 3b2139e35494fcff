import ArgumentParser
import OversightStore

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create a store from the bundled national dataset.",
        discussion: "Refuses to touch a directory that already holds files."
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
