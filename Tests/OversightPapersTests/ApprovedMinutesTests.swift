import OversightDomain
import OversightPapers
import Testing

/// Approved minutes are the true record of the meeting: an action done after approval reads as it stood then,
/// with what happened since beside it, not as if the meeting had minuted it done.
@Suite struct ApprovedMinutesTests {
    @Test
    func anActionDoneAfterApprovalReadsAsItStoodThen() throws {
        let done = try Edit.completeAction("a-golden-1", on: .ymd(2026, 6, 2)).apply(to: PaperFixtures.withMeeting).0
        let meeting = try #require(done.meeting(PaperFixtures.meetingID))
        let text = MarkdownRenderer.render(MeetingPapers.minutes(meeting, in: done))
        #expect(text.contains("Action for Chief people officer, due 30 Jun 2026 (open at approval; done 2 Jun 2026)"), "\(text)")
        #expect(CSVRenderer.render(MeetingPapers.minutes(meeting, in: done)).contains("open at approval; done 2 Jun 2026"))
    }
}
