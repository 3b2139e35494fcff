import Foundation
import OversightDomain
import OversightPostgres
import OversightStore
import OversightTestSupport
import Synchronization
import Testing

/// Several writers committing at once, each on its own connection and thread: every acknowledged
/// edit is in the journal exactly once, every edit not saved was refused as a conflict (none
/// silently overwritten), and each copy ends equal to the server's.
@Suite("Team store: writers committing at once",
       .enabled(if: PostgresTestServer.isAvailable, "needs PostgreSQL: set OVERSIGHT_TEST_PG_URL, or install it (scripts/pg-test-cluster install)"))
struct TeamStoreConcurrencyTests {
    struct Tally: Sendable {
        var acknowledged: [Int] = []
        var conflicts = 0
        var other: [String] = []
        /// What each writer's acknowledged edits of the shared note wrote, by seq.
        var sharedTexts: [Int: String] = [:]
    }

    @Test("six writers, forty commits each, half on one shared note: acknowledged equals journal, every conflict reported")
    func writersAtOnce() throws {
        let dataset = SampleDataset.make()
        let url = try TeamStoreDatabase.create(SnapshotPayload(seq: 0, data: dataset))
        let setup = try PostgresStore.open(url, options: SampleStore.options(user: "setup"))
        try setup.commit(.addNote(SampleDataset.note("n-shared", text: "start")))
        setup.close(compacting: false)

        let writers = 6
        let rounds = 40
        let tally = Mutex(Tally())
        let done = DispatchGroup()
        for w in 0..<writers {
            done.enter()
            let thread = Thread {
                defer { done.leave() }
                let store: PostgresStore
                do {
                    store = try PostgresStore.open(url, options: SampleStore.options(user: "writer\(w)"))
                } catch {
                    tally.withLock { $0.other.append("writer\(w) could not open: \(error)") }
                    return
                }
                for round in 0..<rounds {
                    let edit: Edit
                    var sharedText: String?
                    if round % 2 == 0 {
                        edit = .addNote(SampleDataset.note("n-\(w)-\(round)", text: "writer \(w) round \(round)"))
                    } else {
                        sharedText = "writer \(w) round \(round)"
                        edit = .editNote(NoteID("n-shared"), text: sharedText!, at: store.now)
                    }
                    do {
                        let entry = try store.commit(edit)
                        tally.withLock {
                            $0.acknowledged.append(entry.seq)
                            if let sharedText { $0.sharedTexts[entry.seq] = sharedText }
                        }
                    } catch StoreError.conflict {
                        tally.withLock { $0.conflicts += 1 }
                    } catch {
                        tally.withLock { $0.other.append("writer\(w) round \(round): \(error)") }
                    }
                }
                store.close(compacting: false)
            }
            thread.start()
        }
        done.wait()

        let result = tally.withLock { $0 }
        #expect(result.other.isEmpty, "only conflicts may refuse an edit here: \(result.other.prefix(3))")
        let reader = try PostgresStore.open(url, options: SampleStore.options(readOnly: true, user: "reader"))
        defer { reader.close(compacting: false) }
        let journal = reader.history.map(\.seq)
        #expect(journal.count == result.acknowledged.count + 1, "every acknowledged edit (and the setup's) is in the journal, and nothing else")
        #expect(Set(journal) == Set(result.acknowledged + [1]), "the journal holds exactly the acknowledged entries")
        #expect(journal == Array(1...journal.count), "numbered one after another, none used twice")
        #expect(result.acknowledged.count + result.conflicts == writers * rounds, "every edit was either saved or refused as a conflict")
        #expect(result.conflicts > 0, "with six writers on one note some edits must have been stale; none may be silently overwritten")
        // The shared note holds the newest acknowledged edit of it: nothing was written over unseen.
        let newest = result.sharedTexts.max { $0.key < $1.key }?.value
        #expect(reader.dataset.note(NoteID("n-shared"))?.text == newest)
        #expect(reader.dataset.notes.count == 1 + writers * rounds / 2, "every writer's own notes were saved")
    }
}
