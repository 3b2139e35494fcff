import ArgumentParser
import OversightDomain
import OversightStore

struct ActionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "action",
        abstract: "Add an action (owner, due date) or mark one done.",
        subcommands: [Add.self, Complete.self, List.self]
    )

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add an action on an organisation, footprint or meeting.")
        @OptionGroup var storeOptions: StoreOptionsGroup
        @Argument(help: "What it is about: an ODS code, footprint:ID or meeting:NAME.") var subject: String
        @Argument(help: "What is to be done.") var text: String
        @Option(help: "Who is to do it.") var owner: String
        @Option(help: "Due date, YYYY-MM-DD.") var due: String?

        func run() throws {
            let session = try EditSession(storeOptions)
            let store = session.store
            let action = Action(id: ActionID(store.makeID("a")), subject: try resolveSubject(subject, in: store.dataset),
                                text: cleanText(text, field: "the action"), owner: cleanText(owner, field: "the owner", multiline: false),
                                due: try due.map { try parseDate($0, field: "--due") }, created: store.now)
            try session.commit(.addAction(action))
            print("Action id: \(action.id)")
        }
    }

    struct Complete: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Mark an action done.")
        @OptionGroup var storeOptions: StoreOptionsGroup
        @Argument(help: "The action's id.") var id: String
        @Option(help: "When it was done, YYYY-MM-DD (default: today).") var on: String?

        func run() throws {
            let session = try EditSession(storeOptions)
            try session.commit(.completeAction(ActionID(id), on: try on.map { try parseDate($0, field: "--on") } ?? session.store.today))
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List actions, open ones first, overdue ones flagged.")
        @OptionGroup var storeOptions: StoreOptionsGroup
        @Flag(help: "Include done actions.") var all = false

        func run() throws {
            let store: any RecordStore = try storeOptions.location().open(storeOptions.storeOptions(readOnly: true))
            let today = store.today
            let actions = store.dataset.actions.filter { all || $0.status == .open }
                .sorted { ($0.status.rawValue, $0.due?.dayNumber ?? .max) < ($1.status.rawValue, $1.due?.dayNumber ?? .max) }
            guard !actions.isEmpty else {
                print(all ? "No actions recorded." : "No open actions.")
                return
            }
            for action in actions {
                let flag = action.isOverdue(on: today) ? "OVERDUE " : (action.status == .done ? "done    " : "open    ")
                let due = action.due.map { "due \($0.display)" } ?? "no due date"
                print("\(flag) \(action.id)  \(action.subject)  \(action.owner), \(due): \(action.text)")
            }
        }
    }
}
