import Foundation
import OversightDomain
@testable import OversightStore
import OversightTestSupport
import Testing

/// snapshot-index.json lets an open read the period it is asked for first and the rest later
/// (`StoreOptions.opening`, `Store.finishOpening`). Whatever the index says, the records a store
/// gives as `dataset` are those an open of the whole snapshot gives; an index that is missing,
/// damaged, out of date or wrong is only slower.
@Suite("Snapshot index: the first period first, the rest the same")
struct SnapshotIndexTests {
    let scratch = ScratchDirectory()

    /// 40 organisations with 8 quarters each, plus the sample's own scorecards.
    static let latest = Period.quarter(2020, 4)
    static func opening(_ framework: FrameworkID, _ periods: [Period], _ published: Set<Period>) -> Set<Period> {
        periods.contains(latest) ? [latest] : Set(periods.suffix(1))
    }

    func options(readOnly: Bool = false, opening: Bool = true) -> StoreOptions {
        var options = SampleStore.options(readOnly: readOnly)
        if opening { options.opening = SnapshotIndexTests.opening }
        return options
    }

    /// A store with scorecards in many periods, and a journal: notes, and a decision on a scorecard of an
    /// early period (so replay needs a period the first frame does not).
    func deepStore(entries: Int = 6) throws -> String {
        let path = scratch.appending("deep")
        try Store.create(path, snapshot: SampleStore.snapshotBytes(ScaledDataset.make(organisations: 40, quarters: 8)))
        let store = try Store.open(path, options: SampleStore.options())
        for n in 1...entries { try store.commit(SampleStore.addNote(n)) }
        let early = try #require(store.dataset.scorecards.first { $0.period == .quarter(2019, 1) && store.dataset.framework($0.framework)?.segmentRange != nil })
        try store.commit(.decideSegment(early.id, SegmentDecision(segment: 3, basis: .set, rationale: "Early decision", decidedBy: "Board",
                                                                  date: .ymd(2019, 7, 1), provenance: .recorded)))
        store.close()
        return path
    }

    /// The store read as it was before indexes: the index set aside while it opens (read-only, so nothing writes one).
    func openWhole(_ path: String) throws -> Store {
        let index = path + "/snapshot-index.json"
        let aside = scratch.appending("index-aside")
        let had = FileManager.default.fileExists(atPath: index)
        if had { try FileManager.default.moveItem(atPath: index, toPath: aside) }
        defer { if had { try? FileManager.default.moveItem(atPath: aside, toPath: index) } }
        return try Store.open(path, options: options(readOnly: true, opening: false))
    }

    /// The store's index, as written.
    func writtenIndex(_ path: String) throws -> SnapshotIndex? {
        SnapshotIndex.decode(Array(try Data(contentsOf: URL(fileURLWithPath: path + "/snapshot-index.json"))))
    }

    /// The store opened read-only by the console's choice of periods, with `index` in place of its own.
    func openReading(_ path: String, by index: SnapshotIndex) throws -> Store {
        try Data(index.encoded()).write(to: URL(fileURLWithPath: path + "/snapshot-index.json"))
        return try Store.open(path, options: options(readOnly: true))
    }

    func expectSame(_ a: Store, _ b: Store, _ comment: Comment? = nil) {
        #expect(a.dataset == b.dataset, comment)
        #expect(a.lastSeq == b.lastSeq && a.readOnlyReason == b.readOnlyReason && a.damage == b.damage, comment)
        #expect(a.nextUndo == b.nextUndo && a.nextRedo == b.nextRedo, comment)
        #expect(a.history == b.history, comment)
    }

    @Test("create writes the index; an open by it reads one period first (the journal's decision on an early one held), then everything as a whole open does")
    func firstPeriodThenTheRest() throws {
        let path = try deepStore()
        #expect(FileManager.default.fileExists(atPath: path + "/snapshot-index.json"))
        let whole = try openWhole(path)
        let parts = try Store.open(path, options: options(readOnly: true))
        #expect(parts.isPartlyRead)
        let first = Set(parts.openingDataset.scorecards.map(\.period))
        #expect(first.contains(SnapshotIndexTests.latest) && !first.contains(.quarter(2019, 1)) && !first.contains(.quarter(2019, 2)),
                "read first: \(first)")
        #expect(parts.openingDataset.scorecards.count < whole.dataset.scorecards.count / 3)
        #expect(parts.finishOpening().count > 0)
        #expect(!parts.isPartlyRead)
        expectSame(parts, whole)
        // A command reads every period at once, still by the index (the undo window and log left as bytes until asked for).
        let all = try Store.open(path, options: options(readOnly: true, opening: false))
        #expect(!all.isPartlyRead)
        expectSame(all, whole)
    }

    @Test("compaction writes a new index; undo reaches back into the window it indexed, and the history reads whole")
    func compactionAndTheUndoWindow() throws {
        let path = try deepStore()
        let writer = try Store.open(path, options: options())
        try writer.compact()
        writer.close()
        let index = try #require(try writtenIndex(path))
        #expect(index.windowEntries.map(\.seq) == Array(1...7))
        let whole = try openWhole(path)
        let parts = try Store.open(path, options: options())
        #expect(parts.isPartlyRead)
        #expect(parts.nextUndo == whole.nextUndo && parts.history == whole.history)
        // Undo goes through the records, so it reads the rest first.
        let undone = try parts.undo()
        #expect(undone.of == 7 && !parts.isPartlyRead)
        #expect(parts.dataset.scorecards.count == whole.dataset.scorecards.count)
    }

    @Test("an index that is missing, damaged, made for another snapshot or cut short reads the snapshot whole, and a writer writes it again",
          arguments: ["missing", "damaged", "stale", "cut"])
    func unusableIndex(kind: String) throws {
        let path = try deepStore()
        let indexPath = path + "/snapshot-index.json"
        let good = try Data(contentsOf: URL(fileURLWithPath: indexPath))
        switch kind {
        case "missing": try FileManager.default.removeItem(atPath: indexPath)
        case "damaged":
            var bytes = [UInt8](good)
            bytes[bytes.count / 2] ^= 0x01
            try Data(bytes).write(to: URL(fileURLWithPath: indexPath))
        case "stale":
            let other = scratch.appending("other")
            try Store.create(other, snapshot: SampleStore.snapshotBytes(ScaledDataset.make(organisations: 41, quarters: 8)))
            try FileManager.default.removeItem(atPath: indexPath)
            try FileManager.default.copyItem(atPath: other + "/snapshot-index.json", toPath: indexPath)
        default: try good.prefix(good.count - 9).write(to: URL(fileURLWithPath: indexPath))
        }
        let whole = try openWhole(path)
        let reader = try Store.open(path, options: options(readOnly: true))
        #expect(!reader.isPartlyRead, "\(kind) index used")
        expectSame(reader, whole)
        // A reader never writes; the writer puts a good index back.
        #expect((try? Data(contentsOf: URL(fileURLWithPath: indexPath))) != good)
        try Store.open(path, options: options()).close()
        #expect(try Data(contentsOf: URL(fileURLWithPath: indexPath)) == good)
        #expect(try Store.open(path, options: options(readOnly: true)).isPartlyRead)
    }

    @Test("an index whose frame checks but which puts scorecards under the wrong periods, or leaves one out, changes nothing shown")
    func wrongIndex() throws {
        let path = try deepStore()
        let good = try #require(try writtenIndex(path))
        let whole = try openWhole(path)

        // Periods swapped between groups: the journal's early decision finds its scorecard all the same.
        var swapped = good
        let keys = swapped.groups.map(\.key)
        for i in swapped.groups.indices { swapped.groups[i].key = keys[(i + 1) % keys.count] }
        let misled = try openReading(path, by: swapped)
        expectSame(misled, whole, "periods swapped")

        // One scorecard left out: the elements no longer cover the array, so the index is not used.
        var short = good
        short.groups[0].cards.removeLast()
        let reader = try openReading(path, by: short)
        #expect(!reader.isPartlyRead)
        expectSame(reader, whole, "one left out")
    }

    @Test("the notes and actions are read apart from the document, after the first frame; an index without them is still used, and one that swaps them costs a whole read")
    func notesAndActionsApart() throws {
        let path = try deepStore()
        let writer = try Store.open(path, options: options())
        try writer.commit(.addAction(Action(id: "a-apart", subject: .organisation(SampleDataset.acute), text: "Bring the plan", owner: "Chief executive",
                                            due: .ymd(2031, 3, 1), created: Timestamp(secondsSince1970: 1_750_000_500))))
        try writer.compact()
        writer.close()
        let good = try #require(try writtenIndex(path))
        let records = try #require(good.records, "the index lists data.notes and data.actions")
        let whole = try openWhole(path)
        #expect(whole.dataset.notes.count == 6 && whole.dataset.actions.count == 1)

        let parts = try Store.open(path, options: options(readOnly: true))
        #expect(parts.isPartlyRead)
        // They wait with the later periods (no first frame shows them), then read as the rest is.
        #expect(parts.openingDataset.notes.isEmpty && parts.openingDataset.actions.isEmpty)
        expectSame(parts, whole, "notes and actions apart")
        // A command, reading every period at once, reads them at once.
        let all = try Store.open(path, options: options(readOnly: true, opening: false))
        #expect(all.openingDataset.notes == whole.dataset.notes && all.openingDataset.actions == whole.dataset.actions)

        var older = good
        older.records = nil
        let before = try openReading(path, by: older)
        #expect(before.isPartlyRead)
        expectSame(before, whole, "an index written before records were listed")

        // Swapped, they are found out when they are read, and read from the whole snapshot instead.
        var swapped = good
        swapped.records = .init(notes: records.actions, actions: records.notes)
        let misled = try openReading(path, by: swapped)
        #expect(misled.isPartlyRead)
        expectSame(misled, whole, "notes and actions swapped")
    }

    @Test("the index marks the periods holding published figures and the open passes them on; a journal change to published figures not read yet reads everything at once")
    func publishedPeriods() throws {
        var data = ScaledDataset.make(organisations: 40, quarters: 8)
        let early = try #require(data.scorecards.firstIndex { $0.period == .quarter(2019, 2) && data.framework($0.framework)?.segmentRange != nil })
        data.scorecards[early].published = PublishedAssessment(release: "nof-test:000000000000", trustType: "Acute trust")
        let id = data.scorecards[early].id
        let path = scratch.appending("published")
        try Store.create(path, snapshot: SampleStore.snapshotBytes(data))
        let index = try #require(try writtenIndex(path))
        let expected = Set(data.scorecards.filter { $0.published != nil }.map { SnapshotIndex.GroupKey($0.id) })
        #expect(expected.contains(SnapshotIndex.GroupKey(id)))
        #expect(Set(index.groups.filter(\.published).map(\.key)) == expected)

        final class Seen: @unchecked Sendable { var published: [FrameworkID: Set<Period>] = [:] }
        let seen = Seen()
        var watching = options(readOnly: true)
        watching.opening = { framework, periods, published in
            seen.published[framework] = published
            return SnapshotIndexTests.opening(framework, periods, published)
        }
        let reader = try Store.open(path, options: watching)
        #expect(reader.isPartlyRead)
        #expect(seen.published[id.framework]?.contains(.quarter(2019, 2)) == true)
        #expect(seen.published[id.framework]?.contains(SnapshotIndexTests.latest) == false)

        // A decision on the published scorecard, left in the journal: its images hold published figures.
        let writer = try Store.open(path, options: options())
        try writer.commit(.decideSegment(id, SegmentDecision(segment: 2, basis: .set, rationale: "As published", decidedBy: "Board",
                                                             date: .ymd(2019, 10, 1), provenance: .recorded)))
        writer.close(compacting: false)
        let whole = try openWhole(path)
        let parts = try Store.open(path, options: options(readOnly: true))
        #expect(!parts.isPartlyRead, "a held change to published figures reads everything")
        expectSame(parts, whole, "published figures changed in the journal")
    }

    @Test("a journal's new notes and actions, and its changes to those in the snapshot, wait with them and are applied when they are read")
    func notesAndActionsWait() throws {
        let path = try deepStore()
        let writer = try Store.open(path, options: options())
        try writer.commit(.addAction(Action(id: "a-wait", subject: .organisation(SampleDataset.acute), text: "Bring the plan", owner: "Chief executive",
                                            due: .ymd(2031, 3, 1), created: Timestamp(secondsSince1970: 1_750_000_500))))
        try writer.compact()
        let action = try #require(writer.dataset.actions.first)
        try writer.commit(.completeAction(action.id, on: .ymd(2031, 2, 1)))
        try writer.commit(.deleteNote(try #require(writer.dataset.notes.first).id))
        try writer.commit(SampleStore.addNote(7))
        writer.close()
        let whole = try openWhole(path)
        #expect(whole.dataset.notes.count == 6 && whole.dataset.actions.first?.status != action.status)
        let parts = try Store.open(path, options: options(readOnly: true))
        #expect(parts.isPartlyRead && parts.openingDataset.notes.isEmpty && parts.openingDataset.actions.isEmpty)
        let read = parts.finishOpening()
        #expect(read.contains(.note(whole.dataset.notes[0].id)) && read.contains(.action(action.id)) && read.count > whole.dataset.notes.count)
        expectSame(parts, whole, "the journal's note and action changes held")
    }

    @Test("a scorecard of a period read later, or a note, that does not read makes the store read-only when it is reached, as a whole open does",
          arguments: ["scorecard", "note"])
    func damageInALaterPeriod(record: String) throws {
        let path = try deepStore()
        if record == "note" {
            // The notes into the snapshot, out of the journal.
            let writer = try Store.open(path, options: options())
            try writer.compact()
            writer.close()
        }
        let snapshotPath = path + "/snapshot.json"
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: snapshotPath)))
        let index = try #require(try writtenIndex(path))
        // Break one scorecard of an early period, or the first note, with a field no oversight writes,
        // and frame the snapshot again (a valid checksum).
        let payloadStart = try Frame.payloadRange(in: bytes[0..<(bytes.count - 1)]).lowerBound
        var payload = Array(bytes[payloadStart..<(bytes.count - 2)])
        let brace: Int
        if record == "scorecard" {
            brace = try #require(index.groups.first { $0.key.period == .quarter(2019, 2) }).cards[0].lowerBound
        } else {
            let notes = try #require(index.records).notes
            brace = try #require(payload[notes].firstIndex(of: UInt8(ascii: "{")))
        }
        #expect(payload[brace] == UInt8(ascii: "{"))
        payload.replaceSubrange((brace + 1)..<(brace + 1), with: Array(#""zz" : 1,"#.utf8))
        try Data(Frame.encode(payload)).write(to: URL(fileURLWithPath: snapshotPath))
        // The index no longer matches this snapshot's frame, so make it again for the damaged bytes, as if a bug had written them.
        let newBytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: snapshotPath)))
        let newPayload = try Frame.payloadRange(in: newBytes[0..<(newBytes.count - 1)])
        var shifted = index
        shifted.snapshotCRC = CRC32C.checksum(newBytes[newPayload])
        shifted.snapshotLength = newPayload.count
        let grow = #""zz" : 1,"#.utf8.count
        func move(_ r: Range<Int>) -> Range<Int> {
            r.lowerBound > brace ? (r.lowerBound + grow)..<(r.upperBound + grow) : (r.upperBound > brace ? r.lowerBound..<(r.upperBound + grow) : r)
        }
        shifted.scorecards = move(shifted.scorecards)
        shifted.window = move(shifted.window)
        shifted.log = move(shifted.log)
        for g in shifted.groups.indices { shifted.groups[g].cards = shifted.groups[g].cards.map(move) }
        shifted.windowEntries = shifted.windowEntries.map { .init(seq: $0.seq, range: move($0.range)) }
        shifted.records = shifted.records.map { .init(notes: move($0.notes), actions: move($0.actions)) }
        try Data(shifted.encoded()).write(to: URL(fileURLWithPath: path + "/snapshot-index.json"))

        let whole = try openWhole(path)
        #expect(whole.damage != nil)
        let parts = try Store.open(path, options: options())
        #expect(parts.isPartlyRead && !parts.isReadOnly)
        _ = parts.dataset
        #expect(parts.isReadOnly)
        #expect(parts.damage.map { "\($0)" }?.contains("does not read") == true, "\(String(describing: parts.damage))")
        #expect(throws: StoreError.self) { try parts.commit(SampleStore.addNote(99)) }
    }
}
