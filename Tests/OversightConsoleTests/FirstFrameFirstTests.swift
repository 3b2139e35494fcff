import BundledData
import Foundation
import OversightConsole
import OversightDomain
import OversightStore
import OversightTerminal
import OversightTestSupport
import Testing

/// The console's first frame is drawn from the period it opens on, read before the rest of the
/// snapshot (`StoreOptions.opening`); the rest is read before any key is handled. Nothing a user
/// sees may differ for it: the first frame, and every frame after a key, are those of a console
/// that read everything first.
@Suite struct FirstFrameFirstTests {
    let scratch = ScratchDirectory("console-first-frame")
    static let today = CalendarDate.ymd(2026, 12, 7)

    func bundledStore() throws -> String {
        let directory = try #require(BundledData.storeDirectory())
        let bytes = try #require(FileManager.default.contents(atPath: directory.appendingPathComponent(StoreLayout.snapshotName).path))
        let path = scratch.appending("store")
        try Store.create(path, snapshot: Array(bytes))
        return path
    }

    func frames(_ path: String, partly: Bool, keys: [Key]) throws -> (frames: [Grid], wasPartlyRead: Bool) {
        var options = StoreOptions(readOnly: true, user: "secretary", clock: SampleStore.tickingClock(from: 1_796_000_000))
        if partly { options.opening = { _, periods, published in Landscape.openingPeriods(among: periods, published: published, today: FirstFrameFirstTests.today) } }
        // The whole console reads the store as before indexes: the index set aside while it opens.
        let index = path + "/" + StoreLayout.snapshotIndexName
        if !partly { try FileManager.default.moveItem(atPath: index, toPath: index + ".aside") }
        defer { if !partly { try? FileManager.default.moveItem(atPath: index + ".aside", toPath: index) } }
        let store = try Store.open(path, options: options)
        let partlyRead = store.isPartlyRead
        let terminal = HeadlessTerminal(size: Size(width: 80, height: 24), script: keys.map { [.key($0)] })
        let session = ConsoleSession(store: store, terminal: terminal, today: FirstFrameFirstTests.today)
        _ = session.run()
        return (terminal.frames, partlyRead)
    }

    @Test("on the bundled data, the first frame and the frames after keys are those of a console that read everything first",
          arguments: [[Key](), [.enter], [.enter, .enter], [.character("p"), .character("p")]])
    func sameFrames(keys: [Key]) throws {
        let path = try bundledStore()
        let whole = try frames(path, partly: false, keys: keys)
        let parts = try frames(path, partly: true, keys: keys)
        #expect(parts.wasPartlyRead && !whole.wasPartlyRead)
        #expect(parts.frames.first?.text == whole.frames.first?.text, "the first frame differs")
        #expect(parts.frames.first == whole.frames.first, "the first frame's styles differ")
        #expect(parts.frames.last?.text == whole.frames.last?.text, "the frame after \(keys) differs")
        #expect(parts.frames.last == whole.frames.last, "the styles after \(keys) differ")
    }

    @Test("the periods read first are the one the console opens on, the one before it and the rest of its year where figures were published")
    func openingPeriods() {
        let today = FirstFrameFirstTests.today
        let quarters = (1...4).map { Period.quarter(2025, $0) } + [Period.quarter(2027, 1)]
        let year = Set((1...4).map { Period.quarter(2025, $0) })
        #expect(Landscape.openingPeriods(among: quarters, published: Set(quarters), today: today) == year)
        // Nothing published in the year (a store of the console's own figures): the two quarters movement needs.
        #expect(Landscape.openingPeriods(among: quarters, published: [], today: today) == [.quarter(2025, 3), .quarter(2025, 4)])
        #expect(Landscape.openingPeriods(among: quarters, published: [.quarter(2025, 1)], today: today)
                == [.quarter(2025, 1), .quarter(2025, 3), .quarter(2025, 4)])
        let twoYears = [Period.quarter(2024, 3), .quarter(2024, 4), .quarter(2025, 1), .quarter(2025, 2)]
        #expect(Landscape.openingPeriods(among: twoYears, published: Set(twoYears), today: today) == [.quarter(2025, 1), .quarter(2025, 2)])
        #expect(Landscape.openingPeriods(among: Array(twoYears.prefix(3)), published: Set(twoYears), today: today) == [.quarter(2024, 4), .quarter(2025, 1)])
        #expect(Landscape.openingPeriods(among: [.quarter(2025, 1)], published: [], today: today) == [.quarter(2025, 1)])
        #expect(Landscape.openingPeriods(among: [], published: [], today: today).isEmpty)
    }
}
