import Foundation
import OversightConsole
import OversightDomain
import OversightStore
import OversightTerminal
import OversightTestSupport
import Testing

/// After the meeting, in the console: `m` reads the minutes as they stand, `A` approves them (asked first),
/// `K` from the overview is the decision log across trusts, and `w` writes the screen as a board paper,
/// keeping a list's filter and sort, through the session to a real file that is never replaced without a yes.
@Suite struct MeetingPapersConsoleTests {
    let scratch = ScratchDirectory("console-papers")

    /// The meeting fixture with a decision taken at its second item.
    static func dataset() throws -> Dataset {
        var data = try MeetingScreenTests.dataset()
        let framework = SyntheticDataset.framework
        let decision = SegmentDecision(segment: 4, basis: .confirmed, computed: 4, rationale: "Recovery plan not yet credible", decidedBy: "Chair",
                                       date: .ymd(2026, 12, 3), provenance: .recorded, meeting: MeetingLink(meeting: "m-next", item: "i-2"))
        data = try Edit.decideSegment(ScorecardID(org: "RAAA", framework: framework, period: .quarter(2026, 2)), decision).apply(to: data).0
        return data
    }

    @Test func mShowsTheMinutesAndAApprovesThemAfterAsking() throws {
        let agenda = ConsoleFixture.state(dataset: try Self.dataset()).pressing(.character("M"), .enter)
        let minutes = agenda.pressing(.character("m"))
        #expect(minutes.crumbKinds == ["overview", "meetings", "meeting", "minutes"])
        let text = minutes.top.table.rows.compactMap { row -> String? in
            if case .text(let line, _)? = row.cells.first { return line } else { return nil }
        }
        #expect(text.first == "MINUTES: REGIONAL OVERSIGHT, DECEMBER")
        #expect(text.contains("Minutes: draft"))
        #expect(text.contains { $0.hasPrefix("• Decision: RAAA segment 4") && $0.contains("Recovery plan not yet credible") }, "\(text)")
        let screen = view(minutes, size: Size(width: 80, height: 24)).text
        #expect(screen.contains("MINUTES: REGIONAL OVERSIGHT, DECEMBER"))
        #expect(screen.contains("A Approve"), "the hint bar offers approval:\n\(screen)")

        let asked = minutes.pressing(.character("A"))
        #expect(asked.form?.title == "Approve the minutes")
        #expect(asked.field("by")?.text == "Chair", "the chair (the first attending) approves, not whoever is at the keyboard")
        #expect(asked.form?.context.contains { $0.contains("after today") } == true, "a meeting still to come is pointed out")
        let (_, effects) = asked.effects(.function(2))
        guard case .commit(.approveMinutes(let id, let by, _))? = effects.first else { Issue.record("no approval: \(effects)"); return }
        #expect(id == "m-next" && by == "Chair")
        #expect(asked.effects(.escape).1.isEmpty, "Esc leaves them in draft")

        var approved = try Self.dataset()
        approved = try Edit.approveMinutes("m-next", by: "Chair", at: Timestamp(secondsSince1970: 1_796_000_000)).apply(to: approved).0
        let again = ConsoleFixture.state(dataset: approved).pressing(.character("M"), .enter, .character("m"), .character("A"))
        #expect(again.form == nil)
        #expect(again.message?.text.contains("a correction is an amendment") == true)
        let recording = ConsoleFixture.state(dataset: approved).pressing(.character("M"), .enter, .down, .character("n"))
        #expect(recording.form == nil, "nothing more can be tied to approved minutes, said before anything is typed")
        #expect(recording.message?.text.hasPrefix("The minutes of “Regional oversight, December” are approved") == true)
    }

    @Test func kFromTheOverviewIsTheDecisionLogAcrossTrusts() throws {
        let log = ConsoleFixture.state(dataset: try Self.dataset()).pressing(.character("K"))
        #expect(log.crumbKinds == ["overview", "decisions"])
        #expect(log.top.table.columns.first?.titles == ["Trust"])
        let decided = try #require(log.top.table.rows.first { $0.key.hasPrefix("RAAA") })
        #expect(decided.cells.contains { if case .text("Regional oversight, December", _) = $0 { return true } else { return false } },
                "the meeting it was taken at is shown")
        let filtered = log.pressing(.character("/")).typing("december").pressing(.enter)
        #expect(filtered.visibleKeys == [decided.key], "the filter finds decisions by their meeting")
        #expect(filtered.pressing(.enter).crumbKinds == ["overview", "decisions", "scorecard"])
    }

    @Test func wAsksTheFormatAndFileAndKeepsTheListAsFiltered() throws {
        let actions = ConsoleFixture.state(dataset: try Self.dataset()).pressing(.character("A"))
        let form = actions.pressing(.character("w"))
        #expect(form.form?.title == "Write a board paper")
        #expect(form.field("file")?.text == "action-log.html")
        let markdown = form.pressing(.right)
        #expect(markdown.field("format")?.choice?.value == "md")
        #expect(markdown.field("file")?.text == "action-log.md", "the file name follows the format until typed over")

        let league = ConsoleFixture.state(dataset: try Self.dataset()).pressing(.character("L"), .character("/")).typing("RAA").pressing(.enter)
        let listed = league.visibleKeys
        #expect(!listed.isEmpty && listed.count < league.top.table.rows.count)
        let (_, effects) = league.pressing(.character("w")).effects(.function(2))
        guard case .writePaper(let order)? = effects.first, case .league(_, _, _, let codes, let how) = order.request else {
            Issue.record("no paper: \(effects)"); return
        }
        #expect(codes.map(\.rawValue) == listed)
        #expect(how.contains("filter “RAA”"))

        let empty = form.pressing(.tab, .control("u")).effects(.function(2))
        #expect(empty.1.isEmpty)
        #expect(empty.0.field("file")?.error == "Name the file to write, such as minutes.html.")
        #expect(ConsoleFixture.state().pressing(.character("w")).form == nil, "the overview has no paper")
    }

    /// Through the session to a real file: written 0600; a second write asks before replacing; no leaves it.
    @Test func theSessionWritesThePaperAndAsksBeforeReplacingAFile() throws {
        let path = scratch.appending("store")
        try Store.create(path, snapshot: SnapshotCodec.encode(SnapshotPayload(seq: 0, data: try Self.dataset())))
        let store = try Store.open(path, options: StoreOptions(readOnly: true, user: "secretary"))
        let session = ConsoleSession(store: store, terminal: HeadlessTerminal(size: Size(width: 80, height: 24)), today: ConsoleFixture.today)
        func press(_ keys: Key...) { for key in keys { _ = session.handle(.key(key)) } }
        let file = scratch.appending("minutes.md")
        press(.character("M"), .enter, .character("m"), .character("w"), .right)
        press(.tab, .control("u"))
        for character in file { _ = session.handle(.key(.character(character))) }
        press(.function(2))
        #expect(session.state.form == nil, "\(String(describing: session.state.form?.fields.map { ($0.id, $0.text, $0.error) })) \(String(describing: session.state.message))")
        let written = try String(contentsOfFile: file, encoding: .utf8)
        #expect(written.hasPrefix("# Minutes: Regional oversight, December"))
        #expect(written.contains("Recovery plan not yet credible"))
        let mode = try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(session.state.message?.text == "Wrote “Minutes: Regional oversight, December” to \(file).", "a read-only store still writes papers")

        try "kept".write(toFile: file, atomically: false, encoding: .utf8)
        press(.character("w"), .right)
        press(.tab, .control("u"))
        for character in file { _ = session.handle(.key(.character(character))) }
        press(.function(2))
        #expect(session.state.question?.text == "\(file) already exists. Replace it? y replaces it, n goes back to change the name.")
        press(.character("n"))
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "kept")
        #expect(session.state.form != nil, "no goes back to the form")
        press(.function(2), .character("y"))
        #expect(try String(contentsOfFile: file, encoding: .utf8).hasPrefix("# Minutes"))

        press(.character("w"), .tab, .control("u"))
        for character in scratch.appending("no-such-folder/minutes.html") { _ = session.handle(.key(.character(character))) }
        press(.function(2))
        #expect(session.state.form?.field("file")?.error?.contains("does not exist") == true)
    }
}
