import ArgumentParser
import OversightDomain
import OversightStore

struct Decide: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Record a segment decision for an organisation, framework and period.",
        discussion: "Example: oversight decide RX1 --framework nof-2025-26 --period 2025-26-Q1 --segment 3 --rationale \"Agreed at the regional board\""
    )

    @OptionGroup var storeOptions: StoreOptionsGroup
    @Argument(help: "The organisation's ODS code.") var org: String
    @Option(help: "The framework id (e.g. nof-2025-26, sof-2021-22).") var framework: String
    @Option(help: "The period, e.g. 2025-26-Q1.") var period: String
    @Option(help: "The segment decided.") var segment: Int
    @Option(help: "Why.") var rationale: String
    @Option(help: "Who decided (default: you).") var decidedBy: String?
    @Option(help: "When (YYYY-MM-DD; default: today).") var date: String?
    @OptionGroup var meetingLink: MeetingLinkOptions

    func run() throws {
        let session = try EditSession(storeOptions)
        let store = session.store
        let organisation = try requireOrganisation(org, in: store.dataset)
        guard let definition = store.dataset.framework(FrameworkID(framework)) else {
            let known = store.dataset.frameworks.map(\.id.rawValue).joined(separator: ", ")
            throw CLIError("No framework \(framework). Known frameworks: \(known).")
        }
        let id = ScorecardID(org: organisation.code, framework: definition.id, period: try parsePeriod(period))
        let computed = computedSegment(for: id, in: store.dataset)
        let link = try meetingLink.link(in: store.dataset)
        // Decided at a meeting: on the meeting's day unless told otherwise.
        let day = try date.map { try parseDate($0, field: "--date") } ?? link.flatMap { store.dataset.meeting($0.meeting)?.date } ?? store.today
        let decision = SegmentDecision(
            segment: segment, basis: computed == segment ? .confirmed : .set, computed: computed,
            rationale: cleanText(rationale, field: "the rationale"),
            decidedBy: cleanText(decidedBy ?? store.user, field: "decided by", multiline: false),
            date: day, provenance: .recorded, meeting: link)
        try session.commit(.decideSegment(id, decision))
    }
}
