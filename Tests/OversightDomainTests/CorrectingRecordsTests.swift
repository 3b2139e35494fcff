import Foundation
import OversightDomain
import OversightTestSupport
import Testing

/// Issue 14: what was recorded can be corrected (an action's owner, text and due date; its progress; deleting
/// it) and a new segment decision keeps the one it replaced; what each entry recorded can be read back.
@Suite("Correcting recorded actions and decisions")
struct CorrectingRecordsTests {
    static let data = SampleDataset.make()
    /// 9 October 2025, 08:53 UTC.
    static let now = Timestamp(secondsSince1970: 1_760_000_000)
    static let action = Action(id: "a-1", subject: .organisation(SampleDataset.acute), text: "Send the recovery plan",
                               owner: "Finance director", due: .ymd(2025, 11, 1), created: now)
    static var withAction: Dataset { try! Edit.addAction(action).apply(to: data).0 }

    @Test("an action's text, owner and due date change in one undoable edit, stamped with when")
    func editAction() throws {
        let later = Self.now.shifted(by: 86_400)
        let edit = Edit.editAction("a-1", text: "Send the revised plan", owner: "Chief executive", due: .ymd(2025, 12, 15), at: later)
        let (after, change) = try edit.apply(to: Self.withAction)
        let changed = try #require(after.action("a-1"))
        #expect(changed.text == "Send the revised plan" && changed.owner == "Chief executive" && changed.due == .ymd(2025, 12, 15))
        #expect(changed.edited == later)
        #expect(try after.applying(change.inverted()) == Self.withAction)
        #expect(edit.label(in: Self.withAction) == "Change action for Finance director on RAA")
    }

    @Test("a due date that has passed is refused, on a new action and when a due date is changed, beside the due field")
    func pastDueRefused() {
        var late = Self.action
        late.due = .ymd(2025, 10, 8)
        #expect(throws: EditError(field: "due", "8 Oct 2025 has passed (today is 9 Oct 2025); type a date from today on, or leave it blank")) {
            try Edit.addAction(late).apply(to: Self.data)
        }
        #expect(throws: EditError.self) {
            try Edit.editAction("a-1", text: Self.action.text, owner: Self.action.owner, due: .ymd(2025, 1, 1), at: Self.now).apply(to: Self.withAction)
        }
        // Due today is not past; nor is the month still running when only the month is known.
        late.due = .ymd(2025, 10, 9)
        #expect((try? Edit.addAction(late).apply(to: Self.data)) != nil)
        late.due = try! CalendarDate(year: 2025, month: 10)
        #expect((try? Edit.addAction(late).apply(to: Self.data)) != nil)
    }

    @Test("an overdue action keeps its date when only its owner changes, and nothing changed is refused")
    func overdueOwnerChange() throws {
        let months = Self.now.shifted(by: 86_400 * 90)
        let (after, _) = try Edit.editAction("a-1", text: Self.action.text, owner: "Chief nurse", due: Self.action.due, at: months)
            .apply(to: Self.withAction)
        #expect(after.action("a-1")?.owner == "Chief nurse")
        #expect(after.action("a-1")?.isOverdue(on: months.date) == true)
        #expect(throws: EditError("nothing was changed")) {
            try Edit.editAction("a-1", text: Self.action.text, owner: Self.action.owner, due: Self.action.due, at: months).apply(to: Self.withAction)
        }
        #expect(throws: EditError(field: "owner", "must not be empty")) {
            try Edit.editAction("a-1", text: Self.action.text, owner: " ", due: nil, at: months).apply(to: Self.withAction)
        }
    }

    @Test("progress updates are dated lines kept in date order, not before the action was agreed nor after today")
    func progress() throws {
        func update(_ id: String, _ day: Int, _ text: String) -> ActionUpdate {
            ActionUpdate(id: id, date: .ymd(2025, 10, day), text: text, by: "secretary", recorded: Self.now.shifted(by: 86_400 * 20))
        }
        var data = Self.withAction
        for item in [update("u-1", 20, "Draft seen"), update("u-2", 12, "Finance committee asked"), update("u-3", 20, "Board date set")] {
            data = try Edit.addActionUpdate("a-1", item).apply(to: data).0
        }
        #expect(data.action("a-1")?.updates.map(\.id) == ["u-2", "u-1", "u-3"])
        #expect(throws: EditError.self) { try Edit.addActionUpdate("a-1", update("u-4", 1, "Before it was agreed")).apply(to: data) }
        let future = ActionUpdate(id: "u-5", date: .ymd(2026, 1, 1), text: "Ahead", by: "secretary", recorded: Self.now)
        #expect(throws: EditError.self) { try Edit.addActionUpdate("a-1", future).apply(to: data) }
        #expect(throws: EditError(field: "text", "must not be empty")) { try Edit.addActionUpdate("a-1", update("u-6", 12, "  ")).apply(to: data) }
    }

    @Test("deleting an action takes it out, and undo brings it back whole with its progress")
    func delete() throws {
        let progressed = try Edit.addActionUpdate("a-1", ActionUpdate(id: "u-1", date: .ymd(2025, 10, 9), text: "Started", by: "s", recorded: Self.now))
            .apply(to: Self.withAction).0
        let (after, change) = try Edit.deleteAction("a-1").apply(to: progressed)
        #expect(after.action("a-1") == nil)
        #expect(try after.applying(change.inverted()).action("a-1")?.updates.count == 1)
        #expect(throws: EditError("no action a-2")) { try Edit.deleteAction("a-2").apply(to: progressed) }
    }

    @Test("a second decision for the same trust, framework and period keeps the first, listed newest first")
    func decisionsKept() throws {
        let id = ScorecardID(org: SampleDataset.acute, framework: SampleDataset.nof, period: SampleDataset.q2)
        func decision(_ segment: Int, _ why: String, _ day: Int) -> SegmentDecision {
            SegmentDecision(segment: segment, basis: .set, computed: 3, rationale: why, decidedBy: "Regional board", date: .ymd(2025, 10, day),
                            provenance: .recorded)
        }
        let (once, first) = try Edit.decideSegment(id, decision(4, "Finances", 1)).apply(to: Self.data)
        #expect(first.replacedDecision == nil)
        let (twice, second) = try Edit.decideSegment(id, decision(3, "Typed 4 by mistake", 2)).apply(to: once)
        let card = try #require(twice.scorecard(id))
        #expect(card.decision?.segment == 3)
        #expect(card.earlierDecisions.map(\.rationale) == ["Finances"])
        #expect(card.allDecisions.map(\.segment) == [3, 4])
        #expect(second.replacedDecision?.rationale == "Finances")
        #expect(try twice.applying(second.inverted()) == once, "undo takes the new decision back and the earlier one stands again")
        #expect(second.recorded == ["Segment 3 (set, computed 3) by Regional board on 2025-10-02 · rationale: Typed 4 by mistake"])
    }

    @Test("what an entry recorded reads back in words: a note's text, an action's owner and due date, progress")
    func recordedWords() throws {
        let (_, note) = try Edit.addNote(SampleDataset.note()).apply(to: Self.data)
        #expect(note.recorded.first?.hasPrefix("Note: ") == true)
        let (_, added) = try Edit.addAction(Self.action).apply(to: Self.data)
        #expect(added.recorded == ["Action: Send the recovery plan · owner Finance director · due 2025-11-01"])
        let (_, progress) = try Edit.addActionUpdate("a-1", ActionUpdate(id: "u", date: .ymd(2025, 10, 9), text: "Draft\nseen", by: "sec",
                                                                          recorded: Self.now)).apply(to: Self.withAction)
        #expect(progress.recorded == ["Progress 2025-10-09 by sec: Draft / seen"])
    }

    @Test("a store written before updates and earlier decisions existed reads unchanged, and writes them only when there are some")
    func oldFormatReads() throws {
        let old = #"{"id":"a-1","subject":"org:RAA","text":"Send","owner":"FD","due":"2025-11-01","status":"open","created":"2025-10-09T08:53:20Z","provenance":{"kind":"recorded"}}"#
        let action = try JSONDecoder().decode(Action.self, from: Data(old.utf8))
        #expect(action.updates.isEmpty && action.edited == nil)
        let written = String(decoding: try JSONEncoder().encode(action), as: UTF8.self)
        #expect(!written.contains("updates") && !written.contains("edited"))
        let card = #"{"org":"RAA","framework":"nof-test","period":"2025-26-Q1","provenance":{"kind":"recorded"}}"#
        let scorecard = try JSONDecoder().decode(Scorecard.self, from: Data(card.utf8))
        #expect(scorecard.earlierDecisions.isEmpty)
        #expect(!String(decoding: try JSONEncoder().encode(scorecard), as: UTF8.self).contains("earlierDecisions"))
    }
}

/// Issue 14: periods and dates the command line refuses, with what to type instead.
@Suite("Periods a framework can be recorded for")
struct PeriodProblemTests {
    static let data = SampleDataset.make()
    static let today = CalendarDate.ymd(2025, 10, 9)

    @Test("a quarter in the framework's life, up to one ahead of today, is accepted")
    func accepted() throws {
        let nof = try #require(Self.data.framework(SampleDataset.nof))
        #expect(nof.periodProblem(.quarter(2025, 1), today: Self.today) == nil)
        #expect(nof.periodProblem(.quarter(2025, 4), today: Self.today) == nil, "next quarter can be minuted")
    }

    @Test("outside the life, more than a quarter ahead, or a year for a quarterly framework: refused saying what to type")
    func refused() throws {
        let nof = try #require(Self.data.framework(SampleDataset.nof))
        #expect(nof.periodProblem(.quarter(2026, 1), today: Self.today)?.contains("more than a quarter ahead") == true)
        #expect(nof.periodProblem(.quarter(2099, 1), today: Self.today)?.contains("the latest that can be recorded is 2025/26 Q4") == true)
        #expect(nof.periodProblem(.quarter(2019, 1), today: Self.today)?.contains("was not in force in 2019/20 Q1; its periods run from 2025-26-Q1") == true)
        #expect(nof.periodProblem(Period(financialYear: 2025), today: Self.today)?.contains("type a quarter, like 2025-26-Q1") == true)
        let sof = try #require(Self.data.framework(SampleDataset.sof))
        #expect(sof.periodProblem(.quarter(2025, 2), today: Self.today)?.contains("was not in force") == true)
    }

    @Test("an intervention starting more than a year ahead is refused; next month is not")
    func interventionStart() {
        #expect(Intervention.startProblem(.ymd(2025, 11, 1), today: Self.today) == nil)
        #expect(Intervention.startProblem(.ymd(2030, 1, 1), today: Self.today)?.contains("more than a year ahead") == true)
    }

    @Test("a date is typed as the console takes it: ISO or day first")
    func typedDates() throws {
        #expect(try TypedDate.parse("15/12/2026") == .ymd(2026, 12, 15))
        #expect(try TypedDate.parse("2026-12-15") == .ymd(2026, 12, 15))
        #expect(throws: DateError.self) { try TypedDate.parse("12/15/2026") }
    }
}
