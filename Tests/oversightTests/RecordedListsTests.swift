import Foundation
import OversightDomain
import OversightStore
import OversightTestSupport
import Testing

/// Issue 14, from scripts: actions corrected, given progress and deleted; a new decision keeps the one it
/// replaced and says so; `note list`, `decision list`, `action list` and `history` filtered and written as a
/// table, one CSV table or JSON with real numbers; periods and dates refused with what to type instead.
/// Every test runs the real binary on a real store.
@Suite("Recorded things corrected and read back from the command line")
struct RecordedListsTests {
    let scratch = ScratchDirectory("lists")
    let store: String

    init() {
        store = SampleStore.create(in: scratch)
    }

    func oversight(_ arguments: String...) throws -> BuiltBinary.Result {
        try BuiltBinary.run(arguments + ["--store", store], environment: ["XDG_DATA_HOME": scratch.appending("xdg")])
    }

    /// The id a command printed after "Action id: ".
    func actionID(_ result: BuiltBinary.Result) throws -> String {
        String(try #require(result.stdout.split(separator: "\n").first { $0.hasPrefix("Action id: ") }?.dropFirst(11)))
    }

    func json(_ result: BuiltBinary.Result) throws -> [[String: Any]] {
        try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]], "not a JSON array: \(result.stdout)")
    }

    /// An action agreed in October 2025 and due in November 2025, through the store with its fixed clock: overdue today.
    func addOverdueAction() throws {
        let store = try Store.open(self.store, options: SampleStore.options())
        try store.commit(.addAction(Action(id: "a-old", subject: .organisation(SampleDataset.mentalHealth), text: "Agree the staffing plan",
                                           owner: "Chief nurse", due: .ymd(2025, 11, 1), created: store.now)))
        store.close()
    }

    @Test("an action's owner and due date change, progress is added, and delete asks (or needs --yes) and undo brings it back")
    func correctAnAction() throws {
        let added = try oversight("action", "add", "RAA", "Send the recovery plan", "--owner", "Finance director", "--due", "15/12/2030")
        #expect(added.status == 0, "stderr: \(added.stderr)")
        let id = try actionID(added)
        let edited = try oversight("action", "edit", id, "--owner", "Chief executive", "--due", "2031-01-31")
        #expect(edited.status == 0, "stderr: \(edited.stderr)")
        #expect(edited.stdout.contains("Saved: Change action for Finance director on RAA"))
        let progress = try oversight("action", "update", id, "Draft received", "--date", "2025-10-09")
        #expect(progress.status != 0 && progress.stderr.contains("before the action was agreed"), "stderr: \(progress.stderr)")
        #expect(try oversight("action", "update", id, "Draft received").status == 0)
        let listed = try json(try oversight("action", "list", "--format", "json"))
        #expect(listed.count == 1)
        #expect(listed.first?["owner"] as? String == "Chief executive")
        #expect(listed.first?["due"] as? String == "2031-01-31")
        #expect(listed.first?["updates"] as? Int == 1, "a count is a JSON number")
        #expect((listed.first?["latest_update"] as? String)?.hasSuffix(": Draft received") == true)
        let unasked = try oversight("action", "delete", id)
        #expect(unasked.status != 0 && unasked.stderr.contains("Add --yes"), "nobody at a terminal: nothing deleted")
        #expect(try oversight("action", "delete", id, "--yes").status == 0)
        #expect(try oversight("action", "list").stdout.contains("No open actions."))
        #expect(try oversight("undo").stdout.contains("Undone: Delete action"))
        #expect(try oversight("action", "list").stdout.contains("Chief executive"))
    }

    @Test("a due date that has passed is refused with what to type; the console's day-first dates are taken")
    func pastDue() throws {
        let refused = try oversight("action", "add", "RAA", "Chase", "--owner", "Me", "--due", "01/01/2020")
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("1 Jan 2020 has passed") && refused.stderr.contains("type a date from today on"))
        let american = try oversight("action", "add", "RAA", "Chase", "--owner", "Me", "--due", "12/15/2030")
        #expect(american.status != 0 && american.stderr.contains("dates are day first"), "stderr: \(american.stderr)")
    }

    @Test("overdue actions are found by --overdue and --status, by organisation, and flagged in every format")
    func overdueFilters() throws {
        try addOverdueAction()
        #expect(try oversight("action", "add", "RAA", "Later", "--owner", "Me", "--due", "2031-01-01").status == 0)
        let overdue = try json(try oversight("action", "list", "--overdue", "--format", "json"))
        #expect(overdue.map { $0["id"] as? String } == ["a-old"])
        #expect(overdue.first?["overdue"] as? Bool == true && overdue.first?["status"] as? String == "overdue")
        #expect(overdue.first?["about_name"] as? String == "Northshire Mental Health NHS Trust" || overdue.first?["about_name"] != nil)
        #expect(try json(try oversight("action", "list", "--status", "overdue", "--format", "json")).count == 1)
        #expect(try json(try oversight("action", "list", "--org", "RAA", "--format", "json")).map { $0["owner"] as? String } == ["Me"])
        let csv = try oversight("action", "list", "--format", "csv").stdout.split(separator: "\n")
        #expect(csv.first == "id,status,overdue,due,owner,about,about_name,agreed,completed,updates,latest_update,text", "one header row")
        #expect(csv.count == 3)
        let table = try oversight("action", "list").stdout
        #expect(table.contains("overdue") && table.contains("Chief nurse"))
        let unknown = try oversight("action", "list", "--org", "ZZZ")
        #expect(unknown.status != 0 && unknown.stderr.contains("No organisation with ODS code ZZZ"))
    }

    @Test("a second decision for the same trust, framework and period says it replaces the first, which stays listed")
    func decisionsKept() throws {
        let first = try oversight("decide", "RAA", "--framework", "nof-test", "--period", "2025-26-Q1", "--segment", "3",
                                  "--rationale", "Agreed at the regional board", "--date", "2025-07-15", "--user", "Board secretary")
        #expect(first.status == 0, "stderr: \(first.stderr)")
        #expect(!first.stdout.contains("replaces"))
        let second = try oversight("decide", "RAA", "--framework", "nof-test", "--period", "2025-26-Q1", "--segment", "4",
                                   "--rationale", "Finances worse than reported", "--decided-by", "Regional board", "--date", "16/07/2025")
        #expect(second.status == 0, "stderr: \(second.stderr)")
        #expect(second.stdout.contains("This replaces the decision of 15 Jul 2025 by Board secretary (segment 3), which stays on record"))
        let csv = try oversight("decision", "list", "--org", "RAA", "--format", "csv").stdout.split(separator: "\n").map(String.init)
        #expect(csv.first == "org,org_name,framework,framework_name,period,segment,basis,computed,status,decided_by,date,rationale")
        #expect(csv.dropFirst().map { $0.split(separator: ",")[8] } == ["current", "replaced"])
        #expect(csv[1].hasPrefix("RAA,Riverside Hospitals NHS Foundation Trust,nof-test,"), "names beside codes")
        let replaced = try json(try oversight("decision", "list", "--status", "replaced", "--format", "json"))
        #expect(replaced.count == 1 && replaced.first?["segment"] as? Int == 3 && replaced.first?["rationale"] as? String == "Agreed at the regional board")
        let table = try oversight("decision", "list").stdout
        #expect(table.contains("Finances worse than reported") && table.contains("replaced"))
        #expect(!table.contains("Mandated support for finances"), "the public record's decisions only with --all")
        let every = try json(try oversight("decision", "list", "--all", "--org", "RAA", "--format", "json"))
        #expect(every.count == 3 && every.contains { $0["basis"] as? String == "published" && $0["decided_by"] as? String == "NHS England" })
    }

    @Test("history shows what each entry recorded, filtered by organisation, day and status, as a table, CSV or JSON")
    func history() throws {
        #expect(try oversight("note", "add", "RAA", "Elective recovery plan received").status == 0)
        #expect(try oversight("decide", "RBB", "--framework", "nof-test", "--period", "2025-26-Q1", "--segment", "2",
                              "--rationale", "Improving on access").status == 0)
        #expect(try oversight("action", "add", "RAA", "Send the plan", "--owner", "Finance director", "--due", "2030-12-15").status == 0)
        #expect(try oversight("undo").status == 0)
        let table = try oversight("history").stdout
        #expect(table.contains("Note: Elective recovery plan received"))
        #expect(table.contains("rationale: Improving on access"))
        #expect(table.contains("owner Finance director · due 2030-12-15"))
        let entries = try json(try oversight("history", "--format", "json"))
        #expect(entries.map { $0["seq"] as? Int } == [1, 2, 3, 4], "seq is a JSON number")
        #expect(entries.last?["of"] as? Int == 3)
        #expect(try json(try oversight("history", "--org", "RBB", "--format", "json")).map { $0["seq"] as? Int } == [2])
        #expect(try json(try oversight("history", "--status", "undone", "--format", "json")).map { $0["seq"] as? Int } == [3])
        #expect(try json(try oversight("history", "--until", "2000-01-01", "--format", "json")).isEmpty)
        let csv = try oversight("history", "--format", "csv").stdout
        #expect(csv.hasPrefix("seq,when,who,kind,of,status,cmd,label,recorded\n"))
        let backwards = try oversight("history", "--since", "2026-01-02", "--until", "2026-01-01")
        #expect(backwards.status != 0 && backwards.stderr.contains("is before --since"))
    }

    @Test("notes are listed newest first with their whole text, by organisation and day")
    func notes() throws {
        #expect(try oversight("note", "add", "RAA", "First line\nSecond line").status == 0)
        #expect(try oversight("note", "add", "RBB", "About the other trust").status == 0)
        let notes = try json(try oversight("note", "list", "--org", "RAA", "--format", "json"))
        #expect(notes.count == 1 && notes.first?["text"] as? String == "First line\nSecond line")
        #expect(notes.first?["about_name"] as? String == "Riverside Hospitals NHS Foundation Trust")
        #expect(try oversight("note", "list", "--until", "2000-01-01").stdout.contains("No notes match."))
    }

    @Test("periods outside a framework's life, more than a quarter ahead, or a year for a quarter are refused saying what to type")
    func periodsRefused() throws {
        func decide(_ period: String) throws -> BuiltBinary.Result {
            try oversight("decide", "RAA", "--framework", "nof-test", "--period", period, "--segment", "3", "--rationale", "x")
        }
        let ahead = try decide("2031-32-Q1")
        #expect(ahead.status != 0 && ahead.stderr.contains("more than a quarter ahead") && ahead.stderr.contains("the latest that can be recorded is"))
        let year = try decide("2025-26")
        #expect(year.status != 0 && year.stderr.contains("type a quarter, like 2025-26-Q1"))
        let before = try decide("2019-20-Q1")
        #expect(before.status != 0 && before.stderr.contains("was not in force in 2019/20 Q1; its periods run from 2025-26-Q1"))
        let far = try oversight("intervention", "add", "RAA", "--type", "enforcement-undertakings", "--start", "2036-01-01", "--reason", "x")
        #expect(far.status != 0 && far.stderr.contains("more than a year ahead"), "stderr: \(far.stderr)")
        let dayFirst = try oversight("intervention", "add", "RAA", "--type", "enforcement-undertakings", "--start", "1/6/2025", "--reason", "x")
        #expect(dayFirst.status == 0, "stderr: \(dayFirst.stderr)")
        let store = try Store.open(self.store, options: SampleStore.options(readOnly: true))
        #expect(store.lastSeq == 1, "only the good intervention was journaled")
        #expect(store.dataset.interventions.contains { $0.start == .ymd(2025, 6, 1) && $0.reason == "x" })
    }
}
