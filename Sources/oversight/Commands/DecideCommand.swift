import ArgumentParser
import OversightDomain
import OversightStore

struct Decide: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decide",
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
    @Option(help: "When (2026-12-15 or 15/12/2026; default: today).") var date: String?
    @OptionGroup var meetingLink: MeetingLinkOptions

    func run() throws {
        let session = try EditSession(storeOptions)
        let store = session.store
        let organisation = try requireOrganisation(org, in: store.dataset)
        guard let definition = store.dataset.framework(FrameworkID(framework)) else {
            let known = store.dataset.frameworks.map(\.id.rawValue).joined(separator: ", ")
            throw CLIError("No framework \(framework). Known frameworks: \(known).")
        }
        let id = ScorecardID(org: organisation.code, framework: definition.id,
                             period: try parsePeriod(period, for: definition, today: store.today))
        let replaced = store.dataset.scorecard(id)?.decision
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
        if let replaced {
            print("This replaces the decision of \(replaced.date.display) by \(replaced.decidedBy) (segment \(replaced.segment)), which stays on record: "
                  + "`oversight decision list --org \(organisation.code)` lists every decision with its rationale.")
        }
    }
}

struct DecisionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decision",
        abstract: "List segment decisions (record one with `oversight decide`).",
        subcommands: [List.self]
    )

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List the segment decisions recorded here, with those a later decision replaced (--all: the public record's too).",
            discussion: "--since and --until choose by the day a decision was taken; --status current or replaced."
        )
        @OptionGroup var storeOptions: StoreOptionsGroup
        @OptionGroup var filters: ListFilters
        @Option(help: "Only this framework (e.g. nof-2025-26).") var framework: String?
        @Option(help: "Only this period (e.g. 2025-26-Q1).") var period: String?
        @Option(help: "current (in force) or replaced (by a later decision).") var status: DecisionStatus?
        @Flag(help: "Include decisions not recorded in this store: the public record's (published positions) and a demonstration store's illustrative ones.")
        var all = false

        enum DecisionStatus: String, ExpressibleByArgument, CaseIterable { case current, replaced }

        func run() throws {
            let store = try filters.open(storeOptions)
            let data = store.dataset
            let org = try filters.organisation(in: data)
            let days = try filters.days()
            let chosenPeriod = try period.map { try parsePeriod($0) }
            if let framework, data.framework(FrameworkID(framework)) == nil {
                throw CLIError("No framework \(framework). Known frameworks: \(data.frameworks.map(\.id.rawValue).joined(separator: ", ")).")
            }
            var rows: [(ScorecardID, Int, SegmentDecision, Bool)] = []
            for card in data.scorecards where (org == nil || card.org == org) && (framework == nil || card.framework.rawValue == framework)
                && (chosenPeriod == nil || card.period == chosenPeriod) {
                for (index, decision) in card.allDecisions.enumerated() {
                    let current = index == 0 && card.decision != nil
                    guard all || decision.provenance.kind == .recorded, days.contains(decision.date.dayNumber) else { continue }
                    if let status, (status == .current) != current { continue }
                    rows.append((card.id, index, decision, current))
                }
            }
            rows.sort { ($0.0, $0.1) < ($1.0, $1.1) } // newest first within each trust, framework and period
            let report = ListReport(
                columns: ["org", "org_name", "framework", "framework_name", "period", "segment", "basis", "computed", "status",
                          "decided_by", "date", "rationale"],
                rows: rows.map { id, _, decision, current in
                    [.text(id.org.rawValue), data.organisation(id.org).map { .text($0.name) } ?? .none, .text(id.framework.rawValue),
                     data.framework(id.framework).map { .text($0.shortName) } ?? .none, .text(id.period.id), .number(decision.segment),
                     .text(decision.basis.rawValue), decision.computed.map { .number($0) } ?? .none, .text(current ? "current" : "replaced"),
                     .text(decision.decidedBy), .text(decision.date.iso), .text(decision.rationale)]
                },
                tableOmits: ["org_name", "framework_name", "basis"])
            if report.rows.isEmpty && filters.format == .table {
                print(all ? "No segment decisions match." : "No segment decisions recorded in this store match (--all adds the public record's).")
            } else {
                report.write(filters.format)
                sayWhenEmpty(report, "decisions")
            }
        }
    }
}
