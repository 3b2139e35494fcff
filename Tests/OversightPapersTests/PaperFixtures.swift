import Foundation
import OversightDomain
import OversightPapers
import Testing

/// The papers the golden files hold, each from the bundled store (and, for the meeting papers, a meeting
/// recorded on it in the test: a decision, an action, a note and an amendment).
enum PaperFixtures {
    static let data = BundledStore.dataset
    static let today = BundledStore.today
    static let nof = data.framework(BundledStore.nof)!

    static let meetingID = MeetingID("m-golden")
    static let created = Timestamp.parse("2026-04-20T10:15:00Z")!

    /// The bundled store with one meeting held on it: two items from the data, a topic, records at each.
    static let withMeeting: Dataset = {
        let meeting = Meeting(id: meetingID, title: "North East and Yorkshire oversight, April", kind: .regionalOversight, date: .ymd(2026, 4, 20),
                              startMinutes: 600, attendees: ["Regional director (chair)", "Director of finance", "Board secretary"],
                              apologies: ["Medical director"],
                              items: [AgendaItem(id: "i-1", subject: .organisation("RGD"), reason: "In segment 4; moved 3 → 4", presenter: "Director of strategy", minutes: 20),
                                      AgendaItem(id: "i-2", subject: .organisation("RY6"), reason: "Near a boundary", minutes: 10),
                                      AgendaItem(id: "i-3", subject: .topic("Winter plan & <lessons>"), reason: "Standing item", minutes: 15)],
                              created: created)
        let edits: [Edit] = [
            .addMeeting(meeting),
            .decideSegment(ScorecardID(org: "RGD", framework: BundledStore.nof, period: .quarter(2025, 4)),
                           SegmentDecision(segment: 4, basis: .confirmed, computed: 4, rationale: "Confirmed: access and workforce scores, \"no override\".",
                                           decidedBy: "Regional director", date: .ymd(2026, 4, 20), provenance: .recorded, meeting: MeetingLink(meeting: meetingID, item: "i-1"))),
            .addAction(Action(id: "a-golden-1", subject: .organisation("RGD"), text: "Bring a recovery plan for sickness absence, with milestones",
                              owner: "Chief people officer", due: .ymd(2026, 6, 30), created: created, meeting: MeetingLink(meeting: meetingID, item: "i-1"))),
            .addAction(Action(id: "a-golden-2", subject: .organisation("RY6"), text: "Report, quarterly", owner: "Director of finance", due: .ymd(2026, 5, 1),
                              created: created, meeting: MeetingLink(meeting: meetingID, item: "i-2"))),
            .addNote(Note(id: "n-golden", subject: .organisation("RY6"), text: "Average 2.57, on the cut-point; =IMPORTXML(\"x\") must stay text.",
                          author: "Board secretary", created: created, meeting: MeetingLink(meeting: meetingID, item: "i-2"))),
            .approveMinutes(meetingID, by: "Regional director", at: Timestamp.parse("2026-05-18T14:00:00Z")!),
            .amendMinutes(meetingID, MinutesAmendment(text: "Item 2: the director of finance presented, not the chair.", by: "Board secretary",
                                                      at: Timestamp.parse("2026-05-19T09:30:00Z")!)),
        ]
        var data = BundledStore.dataset
        for edit in edits { data = try! edit.apply(to: data).0 }
        return data
    }()

    /// Each paper by the name of its golden files.
    static let papers: [(String, Paper)] = {
        let d = withMeeting
        let meeting = d.meeting(meetingID)!
        return [
            ("scorecard-RGD-2025-26-Q4", ScorecardPaper.make(d.organisation("RGD")!, framework: nof, period: .quarter(2025, 4), in: d, today: today)),
            ("scorecard-RR8-2025-26-Q1", ScorecardPaper.make(d.organisation("RR8")!, framework: nof, period: .quarter(2025, 1), in: d, today: today)),
            ("scorecard-RR8-2025-26-Q3-unpublished", ScorecardPaper.make(d.organisation("RR8")!, framework: nof, period: .quarter(2025, 3), in: d, today: today)),
            ("footprint-QWO-2025-26-Q4", LogPapers.footprint(d.footprint("QWO")!, framework: nof, period: .quarter(2025, 4), in: d)),
            ("league-non-acute-Y63-2025-26-Q4", LogPapers.league(.nonAcute, region: d.region("Y63"), framework: nof, period: .quarter(2025, 4), in: d)),
            ("agenda", MeetingPapers.agenda(meeting, in: d)),
            ("minutes", MeetingPapers.minutes(meeting, in: d)),
            ("actions", LogPapers.actions(LogPapers.ActionFilter(), in: d, today: today)),
            ("decisions-QWO", LogPapers.decisions(org: nil, ics: "QWO", period: nil, in: d, today: today)),
        ]
    }()

    static func render(_ paper: Paper, _ format: String) -> String {
        switch format {
        case "md": return MarkdownRenderer.render(paper)
        case "csv": return CSVRenderer.render(paper)
        default: return HTMLRenderer.render(paper, generated: PaperFooter.text(today))
        }
    }

    static let goldenFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("__Golden__")
    static var updating: Bool { ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" }
}
