import ArgumentParser
import OversightStore

struct Undo: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "undo", abstract: "Take back the most recent edit (also one made in an earlier session).")

    @OptionGroup var storeOptions: StoreOptionsGroup

    func run() throws {
        let session = try EditSession(storeOptions)
        do {
            let entry = try session.store.undo()
            print("Undone: \(entry.label) (entry \(entry.seq)).")
        } catch StoreError.nothingToUndo {
            throw CLIError("Nothing to undo.")
        } catch {
            throw CLIError("\(error)")
        }
        session.store.close(compacting: false)
    }
}

struct Redo: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "redo", abstract: "Do again the edit most recently undone.")

    @OptionGroup var storeOptions: StoreOptionsGroup

    func run() throws {
        let session = try EditSession(storeOptions)
        do {
            let entry = try session.store.redo()
            print("Redone: \(entry.label) (entry \(entry.seq)).")
        } catch StoreError.nothingToRedo {
            throw CLIError("Nothing to redo.")
        } catch {
            throw CLIError("\(error)")
        }
        session.store.close(compacting: false)
    }
}
