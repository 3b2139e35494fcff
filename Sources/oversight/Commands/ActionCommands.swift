import ArgumentParser
import Glibc
import OversightDomain
import OversightStore

struct ActionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "action",
        abstract: "Add, change, report progress on, complete, delete or list actions.",
        subcommands: [Add.self, Edit.self, Update.self, Complete.self, Delete.self, List.self]
    )

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Add an action on an organisation, footprint or meeting.")
        @OptionGroup var storeOptions: StoreOptionsGroup
        @Argument(help: "What it is about: an ODS code, footprint:ID or meeting:NAME.") var subject: String
        @Argument(help: "What is to be done.") var text: String
        @Option(help: "Who is to do it.") var owner: String
        @Option(help: "Due date, 2026-12-15 or 15/12/2026 (not one that has passed).") var due: String?
        @OptionGroup var meetingLink: MeetingLinkOptions

        func run() throws {
            let session = try EditSession(storeOptions)
            let store = session.store
            let action = Action(id: ActionID(store.makeID("a")), subject: try resolveSubject(subject, in: store.dataset),
                                text: cleanText(text, field: "the action"), owner: cleanText(owner, field: "the owner", multiline: false),
                                due: try due.map { try parseDate($0, field: "--due") }, created: store.now,
                                meeting: try meetingLink.link(in: store.dataset))
            try session.commit(.addAction(action))
            print("Action id: \(action.id)")
        }
    }

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "edit",
            abstract: "Change an action's text, owner or due date (what is not given stays as it is).",
            discussion: "Example: oversight action edit a-20261207… --owner \"Chief nurse\" --due 31/01/2027"
        )
        @OptionGroup var storeOptions: StoreOptionsGroup
        @Argument(help: "The action's id (see `oversight action list`).") var id: String
        @Option(help: "The new text.") var text: String?
        @Option(help: "The new owner.") var owner: String?
        @Option(help: "The new due date (not one that has passed).") var due: String?
        @Flag(help: "Take the due date away.") var noDue = false

        func validate() throws {
            if due != nil && noDue { throw ValidationError("Give --due or --no-due, not both.") }
            if text == nil && owner == nil && due == nil && !noDue {
                throw ValidationError("Say what to change: --text, --owner, --due or --no-due.")
            }
        }

        func run() throws {
            let session = try EditSession(storeOptions)
            let store = session.store
            let action = try requireAction(id, in: store.dataset)
            let newDue = noDue ? nil : try due.map { try parseDate($0, field: "--due") } ?? action.due
            try session.commit(.editAction(action.id, text: text.map { cleanText($0, field: "the action") } ?? action.text,
                                           owner: owner.map { cleanText($0, field: "the owner", multiline: false) } ?? action.owner,
                                           due: newDue, at: store.now))
        }
    }

    struct Update: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "update", abstract: "Add a dated line of progress to an action.")
        @OptionGroup var storeOptions: StoreOptionsGroup
        @Argument(help: "The action's id.") var id: String
        @Argument(help: "The progress made.") var text: String
        @Option(help: "The day it is about (default: today).") var date: String?

        func run() throws {
            let session = try EditSession(storeOptions)
            let store = session.store
            let action = try requireAction(id, in: store.dataset)
            let update = ActionUpdate(id: store.makeID("u"), date: try date.map { try parseDate($0, field: "--date") } ?? store.today,
                                      text: cleanText(text, field: "the update"), by: store.user, recorded: store.now)
            try session.commit(.addActionUpdate(action.id, update))
        }
    }

    struct Complete: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "complete", abstract: "Mark an action done.")
        @OptionGroup var storeOptions: StoreOptionsGroup
        @Argument(help: "The action's id.") var id: String
        @Option(help: "When it was done, 2026-12-15 or 15/12/2026 (default: today).") var on: String?

        func run() throws {
            let session = try EditSession(storeOptions)
            try session.commit(.completeAction(ActionID(id), on: try on.map { try parseDate($0, field: "--on") } ?? session.store.today))
        }
    }

    struct Delete: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "delete",
            abstract: "Delete an action (asks first; undo brings it back).",
            discussion: "From a script, where nobody can answer, --yes says yes; without it nothing is deleted."
        )
        @OptionGroup var storeOptions: StoreOptionsGroup
        @Argument(help: "The action's id.") var id: String
        @Flag(help: "Delete without asking.") var yes = false

        func run() throws {
            let session = try EditSession(storeOptions)
            let action = try requireAction(id, in: session.store.dataset)
            if !yes {
                guard isatty(0) == 1 else {
                    throw CLIError("Not deleted: nobody is at a terminal to answer. Add --yes to delete \(action.id) (undo brings it back).")
                }
                let due = action.due.map { ", due \($0.display)" } ?? ""
                guard ask("Delete the action “\(action.text)” (\(action.owner)\(due))? Undo brings it back.") else {
                    print("Nothing was deleted.")
                    return
                }
            }
            try session.commit(.deleteAction(action.id))
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List actions: open ones first, overdue ones flagged.",
            discussion: "--since and --until choose by the day an action was agreed. Done actions are listed with --all or --status done."
        )
        @OptionGroup var storeOptions: StoreOptionsGroup
        @OptionGroup var filters: ListFilters
        @Option(help: "open, overdue or done.") var status: ActionStatusFilter?
        @Flag(help: "Only open actions past their due date (as --status overdue).") var overdue = false
        @Flag(help: "Include done actions.") var all = false

        enum ActionStatusFilter: String, ExpressibleByArgument, CaseIterable { case open, overdue, done }

        func run() throws {
            let store = try filters.open(storeOptions)
            let data = store.dataset
            let today = store.today
            let org = try filters.organisation(in: data)
            let days = try filters.days()
            let wanted: ActionStatusFilter? = overdue ? .overdue : status
            let actions = data.actions.filter { action in
                let matches: Bool
                switch wanted {
                case .open?: matches = action.status == .open
                case .overdue?: matches = action.isOverdue(on: today)
                case .done?: matches = action.status == .done
                case nil: matches = all || action.status == .open
                }
                return matches && subject(action.subject, is: org) && days.contains(action.created.date.dayNumber)
            }.sorted { ($0.status.rawValue, $0.due?.dayNumber ?? .max, $0.id) < ($1.status.rawValue, $1.due?.dayNumber ?? .max, $1.id) }
            let report = ListReport(
                columns: ["id", "status", "overdue", "due", "owner", "about", "about_name", "agreed", "completed", "updates", "latest_update", "text"],
                rows: actions.map { action in
                    let latest = action.updates.last.map { "\($0.date.iso): \($0.text)" }
                    return [.text(action.id.rawValue), .text(action.isOverdue(on: today) ? "overdue" : action.status.rawValue),
                            .flag(action.isOverdue(on: today)), action.due.map { .text($0.iso) } ?? .none, .text(action.owner)]
                        + subjectColumns(action.subject, in: data)
                        + [.text(action.created.date.iso), action.completed.map { .text($0.iso) } ?? .none, .number(action.updates.count),
                           latest.map { .text($0) } ?? .none, .text(action.text)]
                },
                tableOmits: ["overdue", "about_name", "completed", "latest_update"])
            if report.rows.isEmpty && filters.format == .table {
                print(wanted == nil && !all ? "No open actions." : "No actions match.")
            } else {
                report.write(filters.format)
                sayWhenEmpty(report, "actions")
            }
        }
    }
}

/// An action by id, or a message saying where ids are listed.
func requireAction(_ id: String, in data: Dataset) throws -> Action {
    if let action = data.action(ActionID(id)) { return action }
    throw CLIError("No action \(id). `oversight action list --all` lists every action with its id.")
}
