import Foundation
import OversightDomain
@testable import OversightStore
import OversightTestSupport
import Testing

/// The import in a real store: one journal entry holding the release records, undone whole, re-opened
/// clean; a file imported twice; a later release replacing a quarter with both releases kept; an older
/// one refused; and the entry-size limit against a whole cumulative file replaced with before-images.
@Suite("NOF import: into a store", .needsPublishedFiles)
struct NOFImportStoreTests {
    let scratch = ScratchDirectory("nof-store")

    /// The cumulative file cut to its first `quarters` quarters: an earlier release of the same series.
    func firstQuarters(_ quarters: Int, folder: String) throws -> NOFFile {
        let keep = (1...quarters).map { "Q\($0) 2025/26" }
        return try NOFFixtures.variant(PublishedFiles.mentalHealthQ1toQ4, in: scratch, folder: folder) { bytes in
            try NOFFixtures.editTable(&bytes) { table in
                let quarter = table.column("Quarter")!
                table.filterRows { keep.contains($0[quarter]) }
            }
        }
    }

    @Test("one import is one journal entry holding the release records; undo takes it all back; redo and re-open give it again")
    func commitUndoRedo() throws {
        let store = try NOFFixtures.store(in: scratch)
        let before = store.dataset
        let plan = try NOFFixtures.plan(PublishedFiles.all.map { try NOFFixtures.file($0) }, into: store.dataset)
        let entry = try store.commit(plan.edit)
        #expect(store.lastSeq == 1)
        #expect(entry.cmd == "published.import")
        let releases = entry.change.records.compactMap { record -> PublishedRelease? in
            if case .release(let release)? = record.after { return release }
            return nil
        }
        #expect(releases.map(\.fileName) == PublishedFiles.all)
        #expect(releases.map(\.sha256) == plan.batch.releases.map(\.sha256))
        #expect(entry.label.contains("195 trusts, 378 trust-quarters, 3 trusts added"))
        #expect(store.dataset.releases.count == 3)
        #expect(store.dataset.scorecards.filter { $0.published != nil }.count == 378)
        #expect(store.dataset.organisation("TAD") != nil)

        let imported = store.dataset
        try store.undo()
        #expect(store.dataset == before, "undo takes back every release, trust and figure")
        try store.redo()
        #expect(store.dataset == imported)
        store.close()

        let reopened = try Store.open(scratch.appending("store"), options: SampleStore.options())
        #expect(reopened.damage == nil, "the imported store validates clean: \(String(describing: reopened.damage))")
        #expect(reopened.dataset == imported)
        try reopened.undo()
        #expect(reopened.dataset == before, "undone after a restart too")
        reopened.close()
    }

    @Test("a recorded segment decision survives the import of its trust-quarter")
    func decisionsKept() throws {
        let store = try NOFFixtures.store(in: scratch)
        let id = ScorecardID(org: "RM3", framework: "nof-2025-26", period: .quarter(2025, 1))
        let decision = SegmentDecision(segment: 4, basis: .confirmed, rationale: "Agreed at the regional board", decidedBy: "Region",
                                       date: .ymd(2025, 9, 10), provenance: .recorded)
        try store.commit(.decideSegment(id, decision))
        try store.commit(try NOFFixtures.plan([try NOFFixtures.file(PublishedFiles.acuteQ1)], into: store.dataset).edit)
        #expect(store.dataset.scorecard(id)?.decision == decision)
        #expect(store.dataset.scorecard(id)?.published?.rank == 116)
        store.close()
    }

    @Test("the cumulative file imported twice: the second time says so and changes nothing")
    func importedTwice() throws {
        let store = try NOFFixtures.store(in: scratch)
        let cumulative = try NOFFixtures.file(PublishedFiles.mentalHealthQ1toQ4)
        try store.commit(try NOFFixtures.plan([cumulative], into: store.dataset).edit)
        let after = store.dataset
        let error = try #require(NOFFixtures.failure([cumulative], into: store.dataset))
        #expect(error.message.contains("imported already"))
        #expect(error.message.contains("release nof-2025-26:435ae98ca66f"))
        #expect(store.dataset == after && store.lastSeq == 1)
        // The domain refuses it too, whoever builds the edit.
        let stale = try NOFFixtures.plan([cumulative])
        #expect(throws: StoreError.self) { try store.commit(stale.edit) }
        #expect(store.lastSeq == 1)
        store.close()
    }

    @Test("a later release replaces the quarters it restates; both releases stay on record, named on each scorecard")
    func laterReleaseReplaces() throws {
        let store = try NOFFixtures.store(in: scratch)
        let q1toQ2 = try firstQuarters(2, folder: "q2-release")
        let earlier = try NOFFixtures.plan([q1toQ2], into: store.dataset)
        try store.commit(earlier.edit)
        let earlierID = earlier.batch.releases[0].id

        let later = try NOFFixtures.plan([try NOFFixtures.file(PublishedFiles.mentalHealthQ1toQ4)], into: store.dataset)
        #expect(later.replaced.count == 1)
        #expect(later.replaced.first?.releaseID == earlierID)
        #expect(later.replaced.first?.quarters == [.quarter(2025, 1), .quarter(2025, 2)])
        #expect(later.replaced.first?.scorecards == 122)
        #expect(later.replaced.first?.newer == false)
        #expect(later.added.isEmpty && later.retyped.isEmpty, "the first release added and typed them")
        try store.commit(later.edit)

        let laterID = later.batch.releases[0].id
        #expect(store.dataset.releases.map(\.id).sorted() == [earlierID, laterID].sorted())
        #expect(store.dataset.release(laterID)?.replaced == [earlierID])
        let q1 = try #require(store.dataset.scorecard(ScorecardID(org: "RQY", framework: "nof-2025-26", period: .quarter(2025, 1)))?.published)
        #expect(q1.release == laterID && q1.earlierReleases == [earlierID])
        let q4 = try #require(store.dataset.scorecard(ScorecardID(org: "RQY", framework: "nof-2025-26", period: .quarter(2025, 4)))?.published)
        #expect(q4.release == laterID && q4.earlierReleases.isEmpty, "Q4 is new in the later release")
        store.close()
    }

    @Test("an older release would replace newer figures: refused, unless --replace-newer")
    func olderRefused() throws {
        let store = try NOFFixtures.store(in: scratch)
        try store.commit(try NOFFixtures.plan([try NOFFixtures.file(PublishedFiles.mentalHealthQ1toQ4)], into: store.dataset).edit)
        let q1Only = try firstQuarters(1, folder: "q1-release")
        let error = try #require(NOFFixtures.failure([q1Only], into: store.dataset))
        #expect(error.message.contains("would replace figures from a newer release"))
        #expect(error.message.contains("which runs to 2025/26 Q4"))
        #expect(error.message.contains("--replace-newer"))
        let plan = try NOFFixtures.plan([q1Only], into: store.dataset, replaceNewer: true)
        #expect(plan.replaced.first?.newer == true)
        try store.commit(plan.edit)
        #expect(store.dataset.scorecard(ScorecardID(org: "RQY", framework: "nof-2025-26", period: .quarter(2025, 1)))?.published?.release
            == plan.batch.releases[0].id)
        store.close()
    }

    @Test("a re-issued cumulative file (a -v2) replaces every figure; its entry, before-images and all, fits the entry limit")
    func reissueFitsTheEntryLimit() throws {
        let store = try NOFFixtures.store(in: scratch)
        try store.commit(try NOFFixtures.plan(PublishedFiles.all.prefix(2).map { try NOFFixtures.file($0) }, into: store.dataset).edit)
        let reissued = try PublishedFiles.all.prefix(2).map { name in
            try NOFFixtures.variant(name, in: scratch, folder: "v2") { bytes in
                // One figure corrected in each, as a re-issue does: an average score moves in the last place.
                try NOFFixtures.editTable(&bytes) { table in
                    let quarter = table.column("Quarter")
                    let (code, value) = quarter == nil ? ("RM3", "2.82") : ("RQY", "2.3")
                    let row = table.records.indices.dropFirst().first { index in
                        (quarter.map { table.records[index][$0] == "Q2 2025/26" } ?? true)
                            && table.value(row: index, column: "Trust_code") == code && table.value(row: index, column: "Metric_ID") == "OF5002"
                    }!
                    table.set(row: row, column: "Value", to: value)
                }
            }
        }
        let plan = try NOFFixtures.plan(reissued, into: store.dataset)
        #expect(plan.replaced.reduce(0) { $0 + $1.scorecards } == 378)
        let entry = try store.commit(plan.edit)
        let bytes = try PayloadCoding.encodeEntry(entry).count
        #expect(bytes > StoreOptions().maxEntryBytes / 8, "the entry holds every scorecard twice (\(bytes / 1024) KiB)")
        #expect(bytes < StoreOptions().maxEntryBytes / 2, "with room to spare for a whole year's acute file (\(bytes / 1024) KiB)")
        #expect(store.dataset.scorecard(ScorecardID(org: "RQY", framework: "nof-2025-26", period: .quarter(2025, 2)))?.published?.averageScore == 2.3)
        #expect(store.dataset.scorecard(ScorecardID(org: "RM3", framework: "nof-2025-26", period: .quarter(2025, 1)))?.published?.averageScore == 2.82)
        store.close()
        let reopened = try Store.open(scratch.appending("store"), options: SampleStore.options(readOnly: true))
        #expect(reopened.damage == nil)
        #expect(reopened.dataset.releases.count == 4)
    }
}
