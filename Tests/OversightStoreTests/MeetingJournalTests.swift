import Foundation
import OversightDomain
import OversightStore
import OversightTestSupport
import Testing

@Suite("Meetings in the journal: every agenda edit an entry, undo across restarts and compaction")
struct MeetingJournalTests {
    static let meeting = Meeting(id: "m-j", title: "Board, July", kind: .board, date: .ymd(2025, 7, 15), startMinutes: 600,
                                 attendees: ["Chair"], items: [AgendaItem(id: "i-1", subject: .organisation(SampleDataset.acute), reason: "Segment 4")],
                                 created: Timestamp(secondsSince1970: 1_750_000_000))

    @Test("meeting edits and a note at an item survive reopen and compaction; undo takes them back one by one")
    func journaled() throws {
        let scratch = ScratchDirectory()
        let path = SampleStore.create(in: scratch)
        let note = Note(id: "n-m", subject: .organisation(SampleDataset.acute), text: "Discussed", author: "secretary",
                        created: Timestamp(secondsSince1970: 1_750_000_100), meeting: MeetingLink(meeting: "m-j", item: "i-1"))
        do {
            let store = try Store.open(path, options: SampleStore.options())
            try store.commit(.addMeeting(Self.meeting))
            try store.commit(.addAgendaItem("m-j", AgendaItem(id: "i-2", subject: .topic("Finance"), reason: ""), at: 0))
            try store.commit(.addNote(note))
            try store.commit(.approveMinutes("m-j", by: "Chair", at: Timestamp(secondsSince1970: 1_750_000_200)))
            store.close(compacting: false)
        }
        do {
            let store = try Store.open(path, options: SampleStore.options())
            let meeting = try #require(store.dataset.meeting("m-j"))
            #expect(meeting.items.map(\.id) == ["i-2", "i-1"])
            #expect(meeting.isApproved)
            #expect(store.dataset.note("n-m")?.meeting == MeetingLink(meeting: "m-j", item: "i-1"))
            store.close(compacting: true)
        }
        do {
            let store = try Store.open(path, options: SampleStore.options())
            #expect(store.dataset.meeting("m-j")?.isApproved == true, "after compaction, from the snapshot")
            #expect(try store.undo().label.contains("Approve the minutes"))
            #expect(try store.undo().label.contains("Add note"))
            #expect(try store.undo().label.contains("Add agenda item"))
            #expect(try store.undo().label.contains("Add meeting"))
            #expect(store.dataset.meetings.isEmpty && store.dataset.notes.isEmpty)
            store.close(compacting: false)
        }
    }
}
