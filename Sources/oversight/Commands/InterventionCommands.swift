import ArgumentParser
import OversightDomain
import OversightStore

struct InterventionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "intervention",
        abstract: "Add, close or log an event on an intervention.",
        subcommands: [Add.self, Close.self, Event.self]
    )

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Add an intervention to an organisation's history.")
        @OptionGroup var storeOptions: StoreOptionsGroup
        @Argument(help: "The organisation's ODS code.") var org: String
        @Option(help: "The intervention type id (see the catalogue in docs/data-format.md), e.g. recovery-support-programme.") var type: String
        @Option(help: "Start date, 2026-12-15 or 15/12/2026 (or 2026-12; no more than a year ahead).") var start: String
        @Option(help: "Why it was applied.") var reason: String
        @Option(help: "What must be true for it to end.") var exitCriteria: String = ""
        @Option(help: "Who applied it (default: the catalogue's).") var appliedBy: String?
        @OptionGroup var meetingLink: MeetingLinkOptions

        func run() throws {
            let session = try EditSession(storeOptions)
            let store = session.store
            let organisation = try requireOrganisation(org, in: store.dataset)
            guard let kind = store.dataset.interventionType(InterventionTypeID(type)) else {
                let known = store.dataset.interventionTypes.map(\.id.rawValue).joined(separator: ", ")
                throw CLIError("No intervention type \(type). Known types: \(known).")
            }
            let starts = try parseDate(start, field: "--start")
            if let problem = Intervention.startProblem(starts, today: store.today) { throw CLIError("--start: \(problem). Nothing was saved.") }
            let item = Intervention(
                id: InterventionID(store.makeID("int")), org: organisation.code, type: kind.id,
                appliedBy: cleanText(appliedBy ?? kind.appliedBy, field: "applied by", multiline: false),
                start: starts, status: .active,
                reason: cleanText(reason, field: "the reason"), exitCriteria: cleanText(exitCriteria, field: "the exit criteria"),
                provenance: .recorded, meeting: try meetingLink.link(in: store.dataset))
            try session.commit(.addIntervention(item))
            print("Intervention id: \(item.id)")
        }
    }

    struct Close: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "close", abstract: "Close an intervention with its end date and outcome.")
        @OptionGroup var storeOptions: StoreOptionsGroup
        @Argument(help: "The intervention's id.") var id: String
        @Option(help: "End date, 2026-12-15 or 15/12/2026.") var end: String
        @Option(help: "How it ended.") var outcome: String

        func run() throws {
            let session = try EditSession(storeOptions)
            try session.commit(.closeIntervention(InterventionID(id), end: try parseDate(end, field: "--end"),
                                                  outcome: cleanText(outcome, field: "the outcome")))
        }
    }

    struct Event: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "event", abstract: "Log a dated event on an intervention.")
        @OptionGroup var storeOptions: StoreOptionsGroup
        @Argument(help: "The intervention's id.") var id: String
        @Argument(help: "What happened.") var text: String
        @Option(help: "When, 2026-12-15 or 15/12/2026 (default: today).") var date: String?
        @OptionGroup var meetingLink: MeetingLinkOptions

        func run() throws {
            let session = try EditSession(storeOptions)
            let store = session.store
            let event = InterventionEvent(id: InterventionEventID(store.makeID("ev")),
                                          date: try date.map { try parseDate($0, field: "--date") } ?? store.today,
                                          text: cleanText(text, field: "the event"), recordedBy: store.user, provenance: .recorded,
                                          meeting: try meetingLink.link(in: store.dataset))
            try session.commit(.addInterventionEvent(InterventionID(id), event))
        }
    }
}
