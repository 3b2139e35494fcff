import Foundation
import OversightDomain
import OversightStore
import OversightTestSupport
import Testing

/// A meeting run from the command line on the bundled (published) store: created, filled from the suggested
/// agenda, recorded at, approved, amended and exported, every step through the journal.
@Suite("Meetings and board papers on the command line")
struct MeetingCommandSlowTests {
    let scratch = ScratchDirectory("meeting-cli")
    var store: String { scratch.appending("store") }

    init() throws {
        let made = try BuiltBinary.run(["init", "--store", scratch.appending("store")], environment: ["XDG_DATA_HOME": scratch.appending("xdg")])
        precondition(made.status == 0, made.stderr)
    }

    func oversight(_ arguments: String...) throws -> BuiltBinary.Result {
        try BuiltBinary.run(arguments + ["--store", store, "--user", "secretary"], environment: ["XDG_DATA_HOME": scratch.appending("xdg")])
    }

    func dataset() throws -> Dataset {
        let opened = try Store.open(store, options: StoreOptions(readOnly: true))
        defer { opened.close() }
        return opened.dataset
    }

    @Test("a whole meeting: suggested agenda kept into it, a decision and an action at an item, approval, amendment, papers written")
    func wholeMeeting() throws {
        let made = try oversight("meeting", "new", "--title", "NEY oversight", "--kind", "regional-oversight", "--date", "2026-04-20",
                                 "--time", "10:00", "--attendee", "Chair", "--apology", "Finance lead")
        #expect(made.status == 0, "\(made.stderr)")
        let id = try #require(made.stdout.split(separator: "\n").first { $0.hasPrefix("Meeting id: ") }?.dropFirst(12)).description

        let listed = try oversight("meeting", "suggest", "--ics", "QWO", "--period", "2025-26-Q4")
        #expect(listed.stdout.contains("1. Leeds and York Partnership NHS Foundation Trust (RGD), segment 4, rank 48="))
        #expect(listed.stdout.contains("Segment 3 → 4 since 2025/26 Q3: the average score worsened, 2.57 to 2.60"))
        let kept = try oversight("meeting", "suggest", "--ics", "QWO", "--period", "2025-26-Q4", "--into", id, "--keep", "1,2")
        #expect(kept.status == 0, "\(kept.stderr)")
        #expect(kept.stdout.contains("Saved: Add 2 agenda items"))
        #expect(try dataset().meeting(MeetingID(id))?.items.count == 2)
        #expect(try dataset().meeting(MeetingID(id))?.items.first?.reason.contains("In segment 4") == true)

        let decided = try oversight("decide", "RGD", "--framework", "nof-2025-26", "--period", "2025-26-Q4", "--segment", "4",
                                    "--rationale", "Confirmed", "--meeting", id, "--item", "1")
        #expect(decided.status == 0, "\(decided.stderr)")
        let action = try oversight("action", "add", "RGD", "Recovery plan", "--owner", "CEO", "--due", "2027-06-30", "--meeting", String(id.prefix(14)), "--item", "i-1")
        #expect(action.status == 0, "\(action.stderr)")
        let badItem = try oversight("note", "add", "RGD", "x", "--meeting", id, "--item", "9")
        #expect(badItem.status != 0 && badItem.stderr.contains("has no agenda item 9"))

        let data = try dataset()
        let decision = try #require(data.scorecard(ScorecardID(org: "RGD", framework: "nof-2025-26", period: .quarter(2025, 4)))?.decision)
        #expect(decision.meeting == MeetingLink(meeting: MeetingID(id), item: "i-1"))
        #expect(decision.date == .ymd(2026, 4, 20), "decided at the meeting: on its day")

        #expect(try oversight("meeting", "approve", id, "--by", "Chair").status == 0)
        let late = try oversight("meeting", "item", "add", id, "topic:Late item")
        #expect(late.status != 0 && late.stderr.contains("approved"))
        #expect(try oversight("meeting", "amend", id, "Item 1 presented by the director of strategy").status == 0)

        let minutes = scratch.appending("minutes.md")
        let written = try oversight("export", "minutes", id, "--format", "md", "-o", minutes)
        #expect(written.status == 0, "\(written.stderr)")
        let text = try String(contentsOfFile: minutes, encoding: .utf8)
        #expect(text.contains("**Minutes:** approved by Chair"))
        #expect(text.contains("Decision: RGD segment 4 for 2025/26 Q4"))
        #expect(text.contains("Action for CEO, due 30 Jun 2027 (open): Recovery plan"))
        #expect(text.contains("Amendments after approval"))
        let attributes = try FileManager.default.attributesOfItem(atPath: minutes)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)

        let again = try oversight("export", "minutes", id, "-o", minutes)
        #expect(again.status != 0 && again.stderr.contains("already exists") && again.stderr.contains("--force"))
        #expect(try String(contentsOfFile: minutes, encoding: .utf8) == text, "the refused export left the file as it was")
        #expect(try oversight("export", "minutes", id, "--format", "csv", "-o", minutes, "--force").status == 0)
        #expect(try String(contentsOfFile: minutes, encoding: .utf8).hasPrefix("Item,Subject,Kind,Code,Name"))

        let html = scratch.appending("RGD.html")
        #expect(try oversight("export", "scorecard", "RGD", "--period", "2025-26-Q4", "--format", "html", "-o", html).status == 0)
        let page = try String(contentsOfFile: html, encoding: .utf8)
        #expect(page.contains("<svg") && page.contains("Leeds and York Partnership NHS Foundation Trust"))
        let nowhere = try oversight("export", "league", "--peer-group", "acute", "-o", scratch.appending("no/such/folder/league.md"))
        #expect(nowhere.status != 0 && nowhere.stderr.contains("does not exist"))

        let listed2 = try oversight("meeting", "list", "--all")
        #expect(listed2.stdout.contains("2026-04-20 10:00  \(id)  Regional oversight: NEY oversight  (2 items, minutes approved)"))
        // Every step was one journal entry: undo takes back the amendment, then the approval.
        #expect(try oversight("undo").stdout.contains("Undone: Amend the approved minutes"))
        #expect(try oversight("undo").stdout.contains("Undone: Approve the minutes"))
        #expect(try dataset().meeting(MeetingID(id))?.isApproved == false)
    }

    @Test("bad meeting input is refused with what to do, and nothing is saved")
    func badInput() throws {
        let kind = try oversight("meeting", "new", "--title", "X", "--kind", "committee", "--date", "2026-04-20")
        #expect(kind.status != 0 && kind.stderr.contains("board, icb-oversight, regional-oversight, quality-committee"))
        let time = try oversight("meeting", "new", "--title", "X", "--kind", "board", "--date", "2026-04-20", "--time", "25:00")
        #expect(time.status != 0 && time.stderr.contains("10:00 or 14:30"))
        let date = try oversight("meeting", "new", "--title", "X", "--kind", "board", "--date", "2026-04")
        #expect(date.status != 0 && date.stderr.contains("full date"))
        let none = try oversight("meeting", "show", "m-nothing")
        #expect(none.status != 0 && none.stderr.contains("oversight meeting list --all"))
        #expect(try dataset().meetings.isEmpty)
    }
}
