import OversightDomain
import OversightTestSupport
import Testing

@Suite("Meetings: agenda edits, minutes and what is recorded at them")
struct MeetingEditTests {
    static let now = Timestamp(secondsSince1970: 1_760_000_000)

    static func meeting(_ id: MeetingID = "m-1") -> Meeting {
        Meeting(id: id, title: "Regional oversight, July", kind: .regionalOversight, date: .ymd(2025, 7, 15), startMinutes: 600,
                attendees: ["Chair", "Regional director"], apologies: ["Finance lead"],
                items: [AgendaItem(id: "i-1", subject: .organisation(SampleDataset.acute), reason: "Segment 4", presenter: "Director", minutes: 20),
                        AgendaItem(id: "i-2", subject: .footprint(SampleDataset.ics), reason: "System finances", minutes: 15),
                        AgendaItem(id: "i-3", subject: .topic("Winter plan"), reason: "Standing item", minutes: 10)],
                created: now)
    }

    /// Applies edits in turn, failing the test on the first refusal.
    static func applying(_ edits: [Edit], to start: Dataset) throws -> (Dataset, [Change]) {
        var data = start
        var changes: [Change] = []
        for edit in edits {
            let (next, change) = try edit.apply(to: data)
            data = next
            changes.append(change)
        }
        return (data, changes)
    }

    static func refusal(_ edit: Edit, in data: Dataset) -> String? {
        do { _ = try edit.change(against: data); return nil } catch { return error.description }
    }

    @Test("create, edit, reorder, add and remove items, each undone in turn, give back the dataset exactly")
    func editsUndoInTurn() throws {
        let start = SampleDataset.make()
        var retitled = Self.meeting()
        retitled.title = "Regional oversight, July (rescheduled)"
        retitled.startMinutes = 570
        let edits: [Edit] = [
            .addMeeting(Self.meeting()),
            .editMeeting(retitled),
            .moveAgendaItem("m-1", "i-3", to: 0),
            .addAgendaItem("m-1", AgendaItem(id: "i-4", subject: .organisation(SampleDataset.mentalHealth), reason: "Near a boundary"), at: 1),
            .editAgendaItem("m-1", AgendaItem(id: "i-4", subject: .organisation(SampleDataset.mentalHealth), reason: "Near a boundary", presenter: "Medical director", minutes: 5)),
            .removeAgendaItem("m-1", "i-2"),
        ]
        let (end, changes) = try Self.applying(edits, to: start)
        let meeting = try #require(end.meeting("m-1"))
        #expect(meeting.items.map(\.id) == ["i-3", "i-4", "i-1"])
        #expect(meeting.title == "Regional oversight, July (rescheduled)")
        #expect(meeting.slots().map(\.start) == [570, 580, 585])
        #expect(meeting.items[1].presenter == "Medical director")
        var data = end
        for change in changes.reversed() { data = try data.applying(change.inverted()) }
        #expect(data == start)
    }

    @Test("approved minutes refuse every edit but an amendment, and records made at them stay as they are")
    func approvedMinutesAreReadOnly() throws {
        let note = Note(id: "n-m", subject: .organisation(SampleDataset.acute), text: "Discussed", author: "secretary", created: Self.now,
                        meeting: MeetingLink(meeting: "m-1", item: "i-1"))
        let (approved, _) = try Self.applying([
            .addMeeting(Self.meeting()), .addNote(note), .approveMinutes("m-1", by: "Chair", at: Self.now),
        ], to: SampleDataset.make())
        #expect(approved.meeting("m-1")?.isApproved == true)
        #expect(approved.records(at: "m-1").map(\.kind) == [.note])

        let refused: [Edit] = [
            .editMeeting({ var m = approved.meeting("m-1")!; m.title = "Changed"; return m }()),
            .moveAgendaItem("m-1", "i-3", to: 0),
            .addAgendaItem("m-1", AgendaItem(id: "i-9", subject: .topic("Late item"), reason: ""), at: nil),
            .removeAgendaItem("m-1", "i-3"),
            .approveMinutes("m-1", by: "Chair", at: Self.now),
            .deleteMeeting("m-1"),
            .editNote("n-m", text: "Rewritten", at: Self.now),
            .deleteNote("n-m"),
            .addAction(Action(id: "a-late", subject: .organisation(SampleDataset.acute), text: "Late", owner: "Someone", due: nil,
                              created: Self.now, meeting: MeetingLink(meeting: "m-1"))),
        ]
        for edit in refused {
            let message = try #require(Self.refusal(edit, in: approved), "\(edit.name) was accepted on approved minutes")
            #expect(message.contains("approved"), "\(edit.name): \(message)")
        }

        let (amended, change) = try Edit.amendMinutes("m-1", MinutesAmendment(text: "Item 1: the chair left at 10:40.", by: "Secretary", at: Self.now))
            .apply(to: approved)
        #expect(amended.meeting("m-1")?.amendments.count == 1)
        #expect(try amended.applying(change.inverted()) == approved)
    }

    @Test("an amendment is refused on draft minutes, which are changed directly instead")
    func amendmentNeedsApproval() throws {
        let (data, _) = try Self.applying([.addMeeting(Self.meeting())], to: SampleDataset.make())
        let message = Self.refusal(.amendMinutes("m-1", MinutesAmendment(text: "x", by: "y", at: Self.now)), in: data)
        #expect(message?.contains("draft") == true)
    }

    @Test("a record tied to a meeting must name a meeting and item that exist")
    func linksAreChecked() throws {
        let (data, _) = try Self.applying([.addMeeting(Self.meeting())], to: SampleDataset.make())
        func action(_ link: MeetingLink) -> Edit {
            .addAction(Action(id: "a-x", subject: .organisation(SampleDataset.acute), text: "Plan", owner: "CEO", due: nil, created: Self.now, meeting: link))
        }
        #expect(Self.refusal(action(MeetingLink(meeting: "m-none")), in: data)?.contains("no meeting m-none") == true)
        #expect(Self.refusal(action(MeetingLink(meeting: "m-1", item: "i-none")), in: data)?.contains("no agenda item i-none") == true)
        #expect(Self.refusal(action(MeetingLink(meeting: "m-1", item: "i-2")), in: data) == nil)
        // An item with something recorded at it is kept, so the minutes keep it.
        let (linked, _) = try action(MeetingLink(meeting: "m-1", item: "i-2")).apply(to: data)
        #expect(Self.refusal(.removeAgendaItem("m-1", "i-2"), in: linked)?.contains("made at this item") == true)
        #expect(Self.refusal(.deleteMeeting("m-1"), in: linked) != nil)
        #expect(Self.refusal(.deleteMeeting("m-1"), in: data) == nil)
    }

    @Test("bad meeting input is refused with the field named")
    func badInput() throws {
        var noTitle = Self.meeting()
        noTitle.title = "  "
        #expect(Self.refusal(.addMeeting(noTitle), in: SampleDataset.make())?.hasPrefix("title") == true)
        var both = Self.meeting()
        both.apologies = ["Chair"]
        #expect(Self.refusal(.addMeeting(both), in: SampleDataset.make())?.contains("both") == true)
        var unknown = Self.meeting()
        unknown.items[0].subject = .organisation("ZZZ")
        #expect(Self.refusal(.addMeeting(unknown), in: SampleDataset.make())?.contains("ZZZ") == true)
        #expect(Meeting.parseClock("9:30") == 570)
        #expect(Meeting.parseClock("24:00") == nil)
        #expect(Meeting.parseClock("10.00") == nil)
    }
}
