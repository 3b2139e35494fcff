import ArgumentParser
import Foundation
import OversightDomain
import OversightPapers
import OversightStore

struct MeetingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "meeting",
        abstract: "Keep a meeting: its agenda, attendees and apologies, and its minutes' approval.",
        discussion: """
        Record decisions, notes, actions and interventions at a meeting with --meeting ID (and --item N) on \
        `decide`, `note add`, `action add` and `intervention add`. Approved minutes do not change; correct them \
        with `meeting amend`.
        """,
        subcommands: [New.self, List.self, Show.self, Edit.self, Delete.self, ItemCommand.self, Approve.self, Amend.self, Suggest.self]
    )

    struct New: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "new",
            abstract: "Create a meeting.",
            discussion: "Example: oversight meeting new --title \"Regional oversight, January\" --kind regional-oversight --date 2026-01-15 --time 10:00 --attendee \"Chair\" --apology \"Finance lead\""
        )
        @OptionGroup var storeOptions: StoreOptionsGroup
        @Option(help: "The meeting's title.") var title: String
        @Option(help: "board, icb-oversight, regional-oversight or quality-committee.") var kind: String
        @Option(help: "The day, YYYY-MM-DD.") var date: String
        @Option(help: "The start, HH:MM (local time).") var time: String = "10:00"
        @Option(name: .customLong("attendee"), help: "Someone attending (repeat for each).") var attendees: [String] = []
        @Option(name: .customLong("apology"), help: "Someone sending apologies (repeat for each).") var apologies: [String] = []

        func run() throws {
            let session = try EditSession(storeOptions)
            let store = session.store
            let meeting = Meeting(
                id: MeetingID(store.makeID("m")), title: cleanText(title, field: "the title", multiline: false), kind: try parseMeetingKind(kind),
                date: try parseFullDate(date, field: "--date"), startMinutes: try parseClock(time),
                attendees: attendees.map { cleanText($0, field: "an attendee", multiline: false) },
                apologies: apologies.map { cleanText($0, field: "an apology", multiline: false) }, created: store.now)
            try session.commit(.addMeeting(meeting))
            print("Meeting id: \(meeting.id)")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List meetings: upcoming first (soonest first), then past ones (latest first).")
        @OptionGroup var storeOptions: StoreOptionsGroup
        @Flag(help: "Include past meetings (by default only upcoming ones and the last three).") var all = false
        @Option(help: "Only this kind: board, icb-oversight, regional-oversight, quality-committee.") var kind: String?
        @Option(help: "Only meetings whose title, attendees or agenda subjects contain this text.") var search: String?

        func run() throws {
            let store = try storeOptions.location().open(storeOptions.storeOptions(readOnly: true))
            let kind = try self.kind.map(parseMeetingKind)
            let rows = MeetingList(store.dataset, today: store.today, kind: kind, search: search)
            let past = all ? rows.past : Array(rows.past.prefix(3))
            guard !rows.upcoming.isEmpty || !past.isEmpty else {
                print(store.dataset.meetings.isEmpty ? "No meetings yet. Create one with `oversight meeting new`." : "No meetings match.")
                return
            }
            func line(_ m: Meeting) -> String {
                "\(m.date.iso) \(m.startText)  \(m.id)  \(m.kind.label): \(m.title)  (\(m.items.count) item\(m.items.count == 1 ? "" : "s"), minutes \(m.isApproved ? "approved" : "draft"))"
            }
            if !rows.upcoming.isEmpty {
                print("Upcoming")
                rows.upcoming.forEach { print("  " + line($0)) }
            }
            if !past.isEmpty {
                print(all || rows.past.count <= 3 ? "Past" : "Past (latest 3 of \(rows.past.count); --all for every one)")
                past.forEach { print("  " + line($0)) }
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a meeting: agenda with slots, and its minutes as recorded so far.")
        @OptionGroup var storeOptions: StoreOptionsGroup
        @Argument(help: "The meeting's id (or the start of it).") var id: String

        func run() throws {
            let store = try storeOptions.location().open(storeOptions.storeOptions(readOnly: true))
            let meeting = try requireMeeting(id, in: store.dataset)
            print(MarkdownRenderer.render(MeetingPapers.minutes(meeting, in: store.dataset)), terminator: "")
        }
    }

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "edit", abstract: "Change a meeting's title, kind, date, time, attendees or apologies.")
        @OptionGroup var storeOptions: StoreOptionsGroup
        @Argument(help: "The meeting's id.") var id: String
        @Option(help: "A new title.") var title: String?
        @Option(help: "A new kind.") var kind: String?
        @Option(help: "A new day, YYYY-MM-DD.") var date: String?
        @Option(help: "A new start, HH:MM.") var time: String?
        @Option(name: .customLong("attendee"), help: "Replaces the attendees (repeat for each).") var attendees: [String] = []
        @Option(name: .customLong("apology"), help: "Replaces the apologies (repeat for each).") var apologies: [String] = []
        @Flag(help: "Clear the apologies.") var noApologies = false

        func run() throws {
            let session = try EditSession(storeOptions)
            var meeting = try requireMeeting(id, in: session.store.dataset)
            if let title { meeting.title = cleanText(title, field: "the title", multiline: false) }
            if let kind { meeting.kind = try parseMeetingKind(kind) }
            if let date { meeting.date = try parseFullDate(date, field: "--date") }
            if let time { meeting.startMinutes = try parseClock(time) }
            if !attendees.isEmpty { meeting.attendees = attendees.map { cleanText($0, field: "an attendee", multiline: false) } }
            if !apologies.isEmpty { meeting.apologies = apologies.map { cleanText($0, field: "an apology", multiline: false) } }
            if noApologies { meeting.apologies = [] }
            try session.commit(.editMeeting(meeting))
        }
    }

    struct Delete: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "delete", abstract: "Delete a meeting nothing was recorded at (undo brings it back).")
        @OptionGroup var storeOptions: StoreOptionsGroup
        @Argument(help: "The meeting's id.") var id: String

        func run() throws {
            let session = try EditSession(storeOptions)
            try session.commit(.deleteMeeting(try requireMeeting(id, in: session.store.dataset).id))
        }
    }

    struct Approve: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "approve", abstract: "Approve a meeting's minutes; from then on they change only by amendment.")
        @OptionGroup var storeOptions: StoreOptionsGroup
        @Argument(help: "The meeting's id.") var id: String
        @Option(help: "Who approved them (default: you).") var by: String?

        func run() throws {
            let session = try EditSession(storeOptions)
            let store = session.store
            let meeting = try requireMeeting(id, in: store.dataset)
            try session.commit(.approveMinutes(meeting.id, by: cleanText(by ?? store.user, field: "--by", multiline: false), at: store.now))
        }
    }

    struct Amend: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "amend", abstract: "Add a correction to approved minutes (shown as an amendment).")
        @OptionGroup var storeOptions: StoreOptionsGroup
        @Argument(help: "The meeting's id.") var id: String
        @Argument(help: "The correction.") var text: String
        @Option(help: "Who made it (default: you).") var by: String?

        func run() throws {
            let session = try EditSession(storeOptions)
            let store = session.store
            let meeting = try requireMeeting(id, in: store.dataset)
            let amendment = MinutesAmendment(text: cleanText(text, field: "the amendment"),
                                             by: cleanText(by ?? store.user, field: "--by", multiline: false), at: store.now)
            try session.commit(.amendMinutes(meeting.id, amendment))
        }
    }
}

struct ItemCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "item",
        abstract: "Add, change, move or remove an agenda item.",
        subcommands: [Add.self, Edit.self, Move.self, Remove.self]
    )

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Add an agenda item.",
            discussion: "SUBJECT is an ODS code (RX1), a footprint code (QHM) or topic:TEXT (topic:\"Winter plan\")."
        )
        @OptionGroup var storeOptions: StoreOptionsGroup
        @Argument(help: "The meeting's id.") var meeting: String
        @Argument(help: "What the item is about.") var subject: String
        @Option(help: "Why it is on the agenda.") var reason: String = ""
        @Option(help: "Who presents it.") var presenter: String = ""
        @Option(help: "Its slot, in minutes.") var minutes: Int = 10
        @Option(help: "Its position (1 is first; default: last).") var at: Int?

        func run() throws {
            let session = try EditSession(storeOptions)
            let data = session.store.dataset
            let found = try requireMeeting(meeting, in: data)
            let item = AgendaItem(id: found.nextItemID(), subject: try resolveAgendaSubject(subject, in: data),
                                  reason: cleanText(reason, field: "the reason"), presenter: cleanText(presenter, field: "the presenter", multiline: false),
                                  minutes: minutes)
            try session.commit(.addAgendaItem(found.id, item, at: at.map { $0 - 1 }))
            print("Item id: \(item.id)")
        }
    }

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "edit", abstract: "Change an agenda item's subject, reason, presenter or slot.")
        @OptionGroup var storeOptions: StoreOptionsGroup
        @Argument(help: "The meeting's id.") var meeting: String
        @Argument(help: "The item (i-2, or its position: 2).") var item: String
        @Option(help: "A new subject.") var subject: String?
        @Option(help: "A new reason.") var reason: String?
        @Option(help: "A new presenter.") var presenter: String?
        @Option(help: "A new slot length, in minutes.") var minutes: Int?

        func run() throws {
            let session = try EditSession(storeOptions)
            let data = session.store.dataset
            let found = try requireMeeting(meeting, in: data)
            var edited = found.item(try requireItem(item, in: found))!
            if let subject { edited.subject = try resolveAgendaSubject(subject, in: data) }
            if let reason { edited.reason = cleanText(reason, field: "the reason") }
            if let presenter { edited.presenter = cleanText(presenter, field: "the presenter", multiline: false) }
            if let minutes { edited.minutes = minutes }
            try session.commit(.editAgendaItem(found.id, edited))
        }
    }

    struct Move: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "move", abstract: "Move an agenda item to another position.")
        @OptionGroup var storeOptions: StoreOptionsGroup
        @Argument(help: "The meeting's id.") var meeting: String
        @Argument(help: "The item (i-2, or its position: 2).") var item: String
        @Option(help: "Its new position (1 is first).") var to: Int

        func run() throws {
            let session = try EditSession(storeOptions)
            let found = try requireMeeting(meeting, in: session.store.dataset)
            try session.commit(.moveAgendaItem(found.id, try requireItem(item, in: found), to: to - 1))
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "remove", abstract: "Remove an agenda item nothing was recorded at (undo brings it back).")
        @OptionGroup var storeOptions: StoreOptionsGroup
        @Argument(help: "The meeting's id.") var meeting: String
        @Argument(help: "The item (i-2, or its position: 2).") var item: String

        func run() throws {
            let session = try EditSession(storeOptions)
            let found = try requireMeeting(meeting, in: session.store.dataset)
            try session.commit(.removeAgendaItem(found.id, try requireItem(item, in: found)))
        }
    }
}

extension MeetingCommand {
    struct Suggest: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "suggest",
            abstract: "Propose agenda items for an ICS, region or peer group and quarter, each with its reasons from the data.",
            discussion: """
            Reasons: in segment 4 or 5; segment changed since the quarter before (and why); near a boundary; open \
            interventions (with the next dated event); overdue actions; decisions pending for the quarter. Figures are \
            NHS England's published ones. With --into, the kept items (all, or --keep 1,3, or all but --drop 2) are added \
            to a meeting's agenda in one step, each keeping its reasons.
            Example: oversight meeting suggest --ics QWO --into m-2026… --drop 4
            """
        )
        @OptionGroup var storeOptions: StoreOptionsGroup
        @Option(help: "An ICS (footprint code, e.g. QWO).") var ics: String?
        @Option(help: "A region (ODS code, e.g. Y63).") var region: String?
        @Option(help: "A peer group: acute, non-acute or ambulance.") var peerGroup: String?
        @Option(help: "The framework id.") var framework: String = "nof-2025-26"
        @Option(help: "The quarter, e.g. 2025-26-Q2 (default: the latest with published figures).") var period: String?
        @Option(help: "Add the kept items to this meeting's agenda.") var into: String?
        @Option(help: "Keep only these suggestions (numbers as listed, comma-separated).") var keep: String?
        @Option(help: "Drop these suggestions (numbers as listed, comma-separated).") var drop: String?
        @Option(help: "Each kept item's slot, in minutes.") var minutes: Int = 10

        func run() throws {
            let location = storeOptions.location()
            let store = try location.open(storeOptions.storeOptions(readOnly: into == nil))
            let data = store.dataset
            let scope = try self.scope(in: data)
            let frameworkID = FrameworkID(framework)
            guard data.framework(frameworkID) != nil else { throw CLIError("No framework \(framework). Known frameworks: \(data.frameworks.map(\.id.rawValue).joined(separator: ", ")).") }
            let group: PeerGroup? = if case .peerGroup(let g) = scope { g } else { nil }
            guard let quarter = try period.map(parsePeriod) ?? PublishedLeague.latestPeriod(data, framework: frameworkID, peerGroup: group) else {
                throw CLIError("Nothing is published for \(framework); give --period.")
            }
            let suggestions = AgendaSuggestion.suggest(scope, framework: frameworkID, period: quarter, in: data, today: store.today)
            print("Suggested agenda for \(scope.label(in: data)), \(quarter.label) (published figures; today \(store.today.display))")
            guard !suggestions.isEmpty else {
                print("Nothing in the data calls for an item: no trust here is in segment 4 or 5, moved, near a boundary, under an open intervention, behind on actions or awaiting a decision.")
                return
            }
            let kept = try keptIndices(count: suggestions.count)
            for (index, item) in suggestions.enumerated() {
                let mark = into == nil ? "" : (kept.contains(index) ? "keep " : "drop ")
                let position = item.segment.map { "segment \($0)" + (item.rank.map { ", rank \($0)" } ?? "") } ?? "nothing published"
                print("\(index + 1). \(mark)\(item.name) (\(item.org)), \(position)")
                for reason in item.reasons { print("     - \(reason.text)") }
            }
            guard let into else { return }
            store.close(compacting: false)
            let session = try EditSession(storeOptions)
            let meeting = try requireMeeting(into, in: session.store.dataset)
            var items: [AgendaItem] = []
            for index in kept.sorted() {
                let suggestion = suggestions[index]
                items.append(AgendaItem(id: meeting.nextItemID(offset: items.count), subject: .organisation(suggestion.org),
                                        reason: suggestion.reasonText, minutes: minutes))
            }
            guard !items.isEmpty else { throw CLIError("Every suggestion was dropped; nothing added.") }
            try session.commit(.addAgendaItems(meeting.id, items))
        }

        func scope(in data: Dataset) throws -> AgendaScope {
            let given = [ics, region, peerGroup].compactMap { $0 }
            guard given.count == 1 else { throw CLIError("Give one of --ics CODE, --region CODE or --peer-group GROUP.") }
            if let ics {
                guard let footprint = data.footprint(FootprintID(ics.uppercased())), footprint.era == .ics2022 else {
                    throw CLIError("No ICS \(ics). ICS codes are ODS codes such as QWO; `oversight` lists them under Footprints.")
                }
                return .ics(footprint.id)
            }
            if let region {
                guard let found = data.region(RegionCode(region.uppercased())) else {
                    throw CLIError("No region \(region). Regions: \(data.regions.map { "\($0.code) (\($0.name))" }.joined(separator: ", ")).")
                }
                return .region(found.code)
            }
            guard let group = PeerGroup.parse(peerGroup!) else { throw CLIError("--peer-group: use acute, non-acute or ambulance.") }
            return .peerGroup(group)
        }

        func keptIndices(count: Int) throws -> Set<Int> {
            func numbers(_ text: String, _ flag: String) throws -> Set<Int> {
                var out = Set<Int>()
                for part in text.split(separator: ",") {
                    guard let n = Int(part.trimmingCharacters(in: .whitespaces)), (1...count).contains(n) else {
                        throw CLIError("\(flag): “\(part)” is not one of the suggestions' numbers (1 to \(count)).")
                    }
                    out.insert(n - 1)
                }
                return out
            }
            if keep != nil && drop != nil { throw CLIError("Give --keep or --drop, not both.") }
            if let keep { return try numbers(keep, "--keep") }
            let dropped = try drop.map { try numbers($0, "--drop") } ?? []
            return Set(0..<count).subtracting(dropped)
        }
    }
}
