import BundledData
import Foundation
import OversightDomain
import OversightStore
import OversightTestSupport

/// The dataset that ships with oversight, read as any store is (a scratch copy, opened read-only).
enum BundledFixture {
    static let dataset: Dataset? = {
        guard let directory = BundledData.storeDirectory(),
              let bytes = FileManager.default.contents(atPath: directory.appendingPathComponent(StoreLayout.snapshotName).path) else { return nil }
        let scratch = ScratchDirectory("bundled-console")
        let path = scratch.appending("store")
        guard (try? Store.create(path, snapshot: Array(bytes))) != nil,
              let store = try? Store.open(path, options: StoreOptions(readOnly: true)) else { return nil }
        defer { store.close() }
        return store.dataset
    }()
}
