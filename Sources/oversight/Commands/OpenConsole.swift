import ArgumentParser
import OversightDomain
import OversightStore

/// The default command: the console. Until the console lands, a summary of the store.
struct OpenConsole: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "console",
        abstract: "Open the console on the store (the default when no command is given)."
    )

    @OptionGroup var storeOptions: StoreOptionsGroup

    @Flag(name: .long, help: "Open without the ability to edit.")
    var readOnly = false

    func run() throws {
        let store = try storeOptions.location().open(storeOptions.storeOptions(readOnly: readOnly))
        let data = store.dataset
        for notice in store.notices { printError(notice) }
        print("Store \(store.layout.directory)")
        print("  \(data.footprints(of: .stp2016).count) STP footprints (2016), \(data.footprints(of: .ics2022).count) ICSs (2022)")
        print("  \(data.organisations.filter(\.isProvider).count) trusts, \(data.organisations.filter { $0.kind == .icb }.count) ICBs")
        print("  \(data.scorecards.count) scorecards, \(data.interventions.count) interventions, \(data.notes.count) notes, \(data.actions.count) actions")
        if let reason = store.readOnlyReason { print("  \(reason.short)") }
        print("The console is coming; for now, `oversight validate` checks the store.")
    }
}
