import Foundation
import OversightStore
import OversightTestSupport
import Testing

/// Found while measuring (issue 16): `Store.create` given a relative path made its directories from
/// the filesystem's root ("/rel/store") and then reported that nothing was changed. Run as a child
/// process in a scratch directory, since a test must not change the test runner's own directory.
@Suite struct RelativeStorePathTests {
    let scratch = ScratchDirectory("relative-store-path")

    @Test func aRelativePathIsCreatedWhereTheProcessStands() throws {
        let name = "rel-\(UUID().uuidString.prefix(8))"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: BuiltBinary.path("store-torture"))
        process.arguments = ["create", "--store", name + "/store"]
        process.currentDirectoryURL = URL(fileURLWithPath: scratch.path)
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        process.waitUntilExit()
        let said = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 0, "\(said)")
        #expect(FileManager.default.fileExists(atPath: scratch.appending(name + "/store/snapshot.json")), "made where it was asked")
        #expect(!FileManager.default.fileExists(atPath: "/" + name), "nothing made at the root")
        let store = try Store.open(scratch.appending(name + "/store"), options: StoreOptions(readOnly: true))
        #expect(!store.dataset.organisations.isEmpty)
    }
}
