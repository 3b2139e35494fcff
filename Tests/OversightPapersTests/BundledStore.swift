import BundledData
import Foundation
import OversightDomain
import OversightStore
import OversightTestSupport

/// The dataset that ships with oversight (NHS England's published NOF figures), read as any store is.
enum BundledStore {
    static let dataset: Dataset = {
        guard let directory = BundledData.storeDirectory(),
              let bytes = FileManager.default.contents(atPath: directory.appendingPathComponent(StoreLayout.snapshotName).path) else {
            fatalError("the bundled store is missing from the build")
        }
        let scratch = ScratchDirectory("bundled-papers")
        let path = scratch.appending("store")
        do {
            try Store.create(path, snapshot: Array(bytes))
            let store = try Store.open(path, options: StoreOptions(readOnly: true))
            defer { store.close() }
            return store.dataset
        } catch {
            fatalError("the bundled store does not open: \(error)")
        }
    }()

    static let nof = FrameworkID("nof-2025-26")
    static let today = CalendarDate.ymd(2026, 12, 7)
}
