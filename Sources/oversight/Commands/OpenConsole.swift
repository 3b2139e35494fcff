import ArgumentParser
import OversightConsole
import OversightTerminal
import OversightDomain
import OversightStore

/// The default command: the console, in the terminal, on the store.
struct OpenConsole: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "console",
        abstract: "Open the console on the store (the default when no command is given).",
        discussion: """
        Keys: arrows or j/k move, Enter opens, Esc or q goes back, / filters, s sorts, : goes to an \
        organisation or footprint, ? shows every key, Q or F10 quits. NO_COLOR=1 has the same effect as --no-color.
        """
    )

    @OptionGroup var storeOptions: StoreOptionsGroup

    @Flag(name: .long, help: "Open without the ability to edit (edit keys are hidden).")
    var readOnly = false

    @Flag(name: .long, help: "Monochrome: bold, reverse and underline only (also NO_COLOR=1).")
    var noColor = false

    @Flag(name: .long, help: "Draw with ASCII only (automatic when the locale is not UTF-8).")
    var ascii = false

    func run() throws {
        let location = storeOptions.location()
        var opening = storeOptions.storeOptions(readOnly: readOnly)
        // The first frame needs the register and the period it opens on; the rest is read just after it.
        let today = opening.clock().date
        opening.opening = { _, periods, published in Landscape.openingPeriods(among: periods, published: published, today: today) }
        let store: any RecordStore = try location.open(opening)
        defer { store.close(compacting: true) }
        // A read-only console (another holds the store, or --read-only) follows the saves made to it:
        // the chair's projector keeps up with the secretary's laptop. It never creates or repairs.
        let options = storeOptions.storeOptions(readOnly: true)
        // A team store follows others itself (SharedRecordStore), read-only or not.
        let follows = !location.isTeamStore && store.readOnlyReason.map { reason in
            switch reason {
            case .requested, .lockedByAnotherProcess: return true
            default: return false
            }
        } ?? false
        let status: Int32
        do {
            status = try Console.run(store: store, options: .init(monochrome: noColor, ascii: ascii),
                                     reopen: follows ? { try Store.open(location.path, options: options) } : nil)
        } catch let error as NcursesTerminal.OpenError {
            throw CLIError(error.description)
        }
        if status != 0 { throw ExitCode(status) }
    }
}
