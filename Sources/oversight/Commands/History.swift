import ArgumentParser
import OversightDomain
import OversightStore

struct History: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the journal: when, who, what, and what has been undone or redone."
    )

    @OptionGroup var storeOptions: StoreOptionsGroup

    @Option(help: "Show only the most recent N entries.")
    var limit: Int?

    @Option(help: ArgumentHelp("Only entries about this organisation (ODS code).", valueName: "code"))
    var org: String?

    /// Lists what can be read; on a damaged store it then says what is wrong and exits 1, so that
    /// neither a person nor a script takes a partial history for the whole one.
    func run() throws {
        let store: any RecordStore = try storeOptions.location().open(storeOptions.storeOptions(readOnly: true))
        var items = store.history
        if let org { items = items.filter { $0.organisations(in: store.dataset).contains(OrgCode(org.uppercased())) } }
        if let limit { items = Array(items.suffix(max(0, limit))) }
        if items.isEmpty {
            print(store.damage == nil ? "The journal is empty: no edits have been recorded in this store." : "No entries could be read.")
        } else {
            let status = HistoryStatus(store.history)
            print("  seq  when (UTC)         who           what")
            for item in items {
                let seq = String(item.seq).leftPadded(5)
                let who = String(item.user.prefix(12)).padded(12)
                print("\(seq)  \(item.ts.display.padded(17))  \(who)  \(status.describe(item))")
            }
        }
        for notice in store.notices { printError(notice) }
        if let damage = store.damage {
            throw CLIError("This history may be incomplete: the store is damaged. \(damage.explanation)")
        }
    }
}

extension String {
    func padded(_ width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
    func leftPadded(_ width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
}
