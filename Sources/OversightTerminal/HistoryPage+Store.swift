import OversightConsole
import OversightDomain
import OversightStore

extension HistoryPage {
    /// The store's journal summaries as the history screen lists them, marked by the store's own
    /// rules (`HistoryStatus`), each with the organisations it is about (`HistoryItem.organisations`),
    /// so that the console and `oversight history` never disagree.
    public init(_ items: [HistoryItem], in dataset: Dataset) {
        let status = HistoryStatus(items)
        self.init(items.map { item in
            Entry(seq: item.seq, time: item.ts, user: item.user, isAction: item.kind == .do, mark: status.mark(item),
                  description: status.describe(item), name: item.cmd, label: item.label, keys: item.keys,
                  organisations: item.organisations(in: dataset).sorted(), recorded: item.recorded ?? [])
        })
    }
}
