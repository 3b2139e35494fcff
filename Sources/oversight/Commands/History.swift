import ArgumentParser
import OversightDomain
import OversightStore

struct History: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "List the journal: when, who, what each entry recorded, and what has been undone or redone.",
        discussion: """
        Each entry shows what it recorded (a note's text, a decision's segment and rationale, an action's owner \
        and due date). --since and --until choose by the day an entry was saved (UTC); --status done (in force), \
        undone, undo or redo.
        """
    )

    @OptionGroup var storeOptions: StoreOptionsGroup
    @OptionGroup var filters: ListFilters

    @Option(help: "Show only the most recent N entries (after the other filters).")
    var limit: Int?

    @Option(help: "done (in force), undone (taken back), undo or redo (the entries that took back or did again).")
    var status: EntryStatus?

    enum EntryStatus: String, ExpressibleByArgument, CaseIterable { case done, undone, undo, redo }

    /// Lists what can be read; on a damaged store it then says what is wrong and exits 1, so that
    /// neither a person nor a script takes a partial history for the whole one.
    func run() throws {
        let store: any RecordStore = try storeOptions.location().open(storeOptions.storeOptions(readOnly: true))
        let marks = HistoryStatus(store.history)
        let days = try filters.days()
        let org = filters.org.map { code -> OrgCode in
            // A deleted or imported organisation may be in the history but not the register: take the code as typed.
            store.dataset.organisation(OrgCode(code.uppercased()))?.code ?? OrgCode(code.uppercased())
        }
        var items = store.history.filter { item in
            if let org, !item.organisations(in: store.dataset).contains(org) { return false }
            guard days.contains(item.ts.date.dayNumber) else { return false }
            switch status {
            case .done?: return item.kind == .do && !marks.isUndone(item)
            case .undone?: return marks.isUndone(item)
            case .undo?: return item.kind == .undo
            case .redo?: return item.kind == .redo
            case nil: return true
            }
        }
        if let limit { items = Array(items.suffix(max(0, limit))) }
        if filters.format == .table {
            printTable(items, marks, damaged: store.damage != nil)
        } else {
            let report = ListReport(
                columns: ["seq", "when", "who", "kind", "of", "status", "cmd", "label", "recorded"],
                rows: items.map { item in
                    [.number(item.seq), .text(item.ts.iso), .text(item.user), .text(item.kind.rawValue), item.of.map { .number($0) } ?? .none,
                     .text(marks.mark(item)), .text(item.cmd), .text(item.label),
                     item.recorded.map { .text($0.joined(separator: "\n")) } ?? .none]
                })
            report.write(filters.format)
            sayWhenEmpty(report, "journal entries")
        }
        for notice in store.notices { printError(notice) }
        if let damage = store.damage {
            throw CLIError("This history may be incomplete: the store is damaged. \(damage.explanation)")
        }
    }

    /// For a person: one line per entry, and under it, indented, what it recorded.
    private func printTable(_ items: [HistoryItem], _ marks: HistoryStatus, damaged: Bool) {
        guard !items.isEmpty else {
            let filtered = filters.org != nil || filters.since != nil || filters.until != nil || status != nil
            print(damaged ? "No entries could be read." : filtered ? "No journal entries match."
                  : "The journal is empty: no edits have been recorded in this store.")
            return
        }
        print("  seq  when (UTC)         who           what")
        for item in items {
            let seq = String(item.seq).leftPadded(5)
            let who = String(item.user.prefix(12)).padded(12)
            print("\(seq)  \(item.ts.display.padded(17))  \(who)  \(marks.describe(item))")
            for line in item.recorded ?? [] { print(String(repeating: " ", count: 40) + line) }
        }
    }
}

extension String {
    func padded(_ width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
    func leftPadded(_ width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
}
