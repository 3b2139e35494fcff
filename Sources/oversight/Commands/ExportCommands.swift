import ArgumentParser
import Foundation
import OversightDomain
import OversightPapers
import OversightStore

/// `oversight export …`: board papers as Markdown, CSV or self-contained HTML, from the store's records.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a board paper: a scorecard, footprint, league table, agenda, minutes, action or decision log.",
        discussion: """
        Every figure is NHS England's published one, read from the store; where nothing is published the paper says so. \
        --format md (plain text that reads well and pastes into Word), csv (one table, UTF-8, ISO dates, real numbers) or \
        html (one printable file, charts as inline SVG, no script or network). Without -o the paper goes to standard output. \
        Example: oversight export scorecard RGD --period 2025-26-Q4 --format html -o RGD.html
        """,
        subcommands: [Scorecard.self, FootprintPaper.self, League.self, Agenda.self, Minutes.self, Actions.self, Decisions.self]
    )


    struct Output: ParsableArguments {
        @Option(help: "md, csv or html.") var format: PaperFormat = .md
        @Option(name: [.customShort("o"), .long], help: ArgumentHelp("Write to this file (mode 0600) instead of standard output.", valueName: "file"))
        var output: String?
        @Flag(help: "Replace the file if it exists.") var force = false

        func emit(_ paper: Paper, today: CalendarDate) throws {
            let text = format.render(paper, today: today)
            guard let output else {
                print(text, terminator: "")
                return
            }
            let path = ExportFile.fullPath(output)
            do {
                try ExportFile.write(Array(text.utf8), to: path, overwrite: force)
            } catch {
                throw CLIError(error.message + (error.alreadyExists ? " Add --force to replace it, or choose another name." : ""))
            }
            print("Wrote \(paper.title) (\(format.rawValue)) to \(path).")
        }
    }

    struct Common: ParsableArguments {
        @OptionGroup var storeOptions: StoreOptionsGroup
        @Option(help: "The framework id.") var framework: String = "nof-2025-26"
        @Option(help: "The quarter, e.g. 2025-26-Q2 (default: the latest published).") var period: String?

        func open() throws -> any RecordStore {
            let store = try storeOptions.location().open(storeOptions.storeOptions(readOnly: true))
            for notice in store.notices { printError(notice) }
            return store
        }

        func framework(in data: Dataset) throws -> Framework {
            guard let found = data.framework(FrameworkID(framework)) else {
                throw CLIError("No framework \(framework). Known frameworks: \(data.frameworks.map(\.id.rawValue).joined(separator: ", ")).")
            }
            return found
        }

        /// The given quarter, else the latest with published figures (for a trust: its own latest).
        func quarter(_ framework: Framework, in data: Dataset, org: OrgCode? = nil, group: PeerGroup? = nil) throws -> Period {
            if let period { return try parsePeriod(period) }
            if let org, let latest = data.scorecards.filter({ $0.org == org && $0.framework == framework.id && $0.published?.segment != nil }).map(\.period).max() {
                return latest
            }
            guard let latest = PublishedLeague.latestPeriod(data, framework: framework.id, peerGroup: group) else {
                throw CLIError("Nothing is published for \(framework.shortName) in this store; give --period.")
            }
            return latest
        }
    }

    struct Scorecard: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "scorecard", abstract: "A trust's NOF position: headline, domains, metrics, trend, interventions and actions.")
        @OptionGroup var common: Common
        @Argument(help: "The trust's ODS code.") var org: String
        @OptionGroup var out: Output

        func run() throws {
            let store = try common.open()
            let data = store.dataset
            let organisation = try requireOrganisation(org, in: data)
            let framework = try common.framework(in: data)
            let period = try common.quarter(framework, in: data, org: organisation.code)
            try out.emit(ScorecardPaper.make(organisation, framework: framework, period: period, in: data, today: store.today), today: store.today)
        }
    }

    struct FootprintPaper: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "footprint", abstract: "An ICS or STP footprint's trusts with their published positions.")
        @OptionGroup var common: Common
        @Argument(help: "The footprint's code (QWO, E54000005).") var code: String
        @OptionGroup var out: Output

        func run() throws {
            let store = try common.open()
            let data = store.dataset
            guard let footprint = data.footprint(FootprintID(code.uppercased())) ?? data.footprints.first(where: { $0.odsCode?.uppercased() == code.uppercased() }) else {
                throw CLIError("No footprint \(code). Footprint ids are ODS codes for ICSs (QWO) and ONS codes for STPs (E54000005).")
            }
            let framework = try common.framework(in: data)
            let period = try common.quarter(framework, in: data)
            try out.emit(LogPapers.footprint(footprint, framework: framework, period: period, in: data), today: store.today)
        }
    }

    struct League: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "league", abstract: "A peer group's published league table, optionally one region's trusts.")
        @OptionGroup var common: Common
        @Option(help: "acute, non-acute or ambulance.") var peerGroup: String
        @Option(help: "Only this region's trusts (ODS code, e.g. Y63), keeping their national rank.") var region: String?
        @OptionGroup var out: Output

        func run() throws {
            let store = try common.open()
            let data = store.dataset
            guard let group = PeerGroup.parse(peerGroup) else { throw CLIError("--peer-group: use acute, non-acute or ambulance.") }
            let region = try self.region.map { code -> Region in
                guard let found = data.region(RegionCode(code.uppercased())) else {
                    throw CLIError("No region \(code). Regions: \(data.regions.filter { $0.era == .regions2020 }.map { "\($0.code) (\($0.name))" }.joined(separator: ", ")).")
                }
                return found
            }
            let framework = try common.framework(in: data)
            let period = try common.quarter(framework, in: data, group: group)
            try out.emit(LogPapers.league(group, region: region, framework: framework, period: period, in: data), today: store.today)
        }
    }

    struct Agenda: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "agenda", abstract: "A meeting's agenda with times, subjects, reasons and presenters.")
        @OptionGroup var storeOptions: StoreOptionsGroup
        @Argument(help: "The meeting's id (or the start of it).") var meeting: String
        @OptionGroup var out: Output

        func run() throws {
            let store = try storeOptions.location().open(storeOptions.storeOptions(readOnly: true))
            let found = try requireMeeting(meeting, in: store.dataset)
            try out.emit(MeetingPapers.agenda(found, in: store.dataset), today: store.today)
        }
    }

    struct Minutes: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "minutes", abstract: "A meeting's minutes: attendees, each item with its facts and what was recorded, amendments.")
        @OptionGroup var storeOptions: StoreOptionsGroup
        @Argument(help: "The meeting's id (or the start of it).") var meeting: String
        @OptionGroup var out: Output

        func run() throws {
            let store = try storeOptions.location().open(storeOptions.storeOptions(readOnly: true))
            let found = try requireMeeting(meeting, in: store.dataset)
            try out.emit(MeetingPapers.minutes(found, in: store.dataset), today: store.today)
        }
    }

    struct Actions: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "actions", abstract: "The action log across meetings.")
        @OptionGroup var storeOptions: StoreOptionsGroup
        @Option(help: "Only actions on this organisation (ODS code).") var org: String?
        @Option(help: "Only actions on this ICS or its trusts (footprint code).") var ics: String?
        @Option(help: "Only actions whose owner contains this text.") var owner: String?
        @Option(help: "open or done.") var status: String?
        @Flag(help: "Only overdue actions.") var overdue = false
        @OptionGroup var out: Output

        func run() throws {
            let store = try storeOptions.location().open(storeOptions.storeOptions(readOnly: true))
            let data = store.dataset
            let status = try self.status.map { text -> OversightDomain.Action.Status in
                guard let s = OversightDomain.Action.Status(rawValue: text.lowercased()) else { throw CLIError("--status: use open or done.") }
                return s
            }
            let filter = LogPapers.ActionFilter(org: try org.map { try requireOrganisation($0, in: data).code }, ics: try ics.map { try requireICS($0, in: data) },
                                                owner: owner, status: status, overdueOnly: overdue)
            try out.emit(LogPapers.actions(filter, in: data, today: store.today), today: store.today)
        }
    }

    struct Decisions: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "decisions", abstract: "The segment decision log across meetings.")
        @OptionGroup var storeOptions: StoreOptionsGroup
        @Option(help: "Only this organisation (ODS code).") var org: String?
        @Option(help: "Only this ICS's trusts (footprint code).") var ics: String?
        @Option(help: "Only decisions for this quarter, e.g. 2025-26-Q2.") var period: String?
        @OptionGroup var out: Output

        func run() throws {
            let store = try storeOptions.location().open(storeOptions.storeOptions(readOnly: true))
            let data = store.dataset
            try out.emit(LogPapers.decisions(org: try org.map { try requireOrganisation($0, in: data).code }, ics: try ics.map { try requireICS($0, in: data) },
                                             period: try period.map(parsePeriod), in: data, today: store.today), today: store.today)
        }
    }
}

func requireICS(_ code: String, in data: Dataset) throws -> FootprintID {
    guard let footprint = data.footprint(FootprintID(code.uppercased())) else {
        throw CLIError("No footprint \(code). ICS codes are ODS codes such as QWO.")
    }
    return footprint.id
}

extension PaperFormat: ExpressibleByArgument {}
