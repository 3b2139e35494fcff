import ArgumentParser

/// `oversight`: the console for people who oversee the English NHS, and the commands scripts use.
@main
struct Oversight: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "oversight",
        abstract: "Browse NHS oversight scorecards and record what the meeting decided.",
        discussion: """
        With no command, opens the console on the store (the default store is created from the \
        bundled national dataset on first run). Every edit is journaled: undo and redo work across \
        restarts, and nothing saved is lost in a crash.
        """,
        version: version,
        subcommands: [
            OpenConsole.self, Init.self, Validate.self,
            History.self, Undo.self, Redo.self, Compact.self, Repair.self,
            NoteCommand.self, Decide.self, InterventionCommand.self, ActionCommand.self,
            Segment.self, Reconcile.self, Import.self,
        ],
        defaultSubcommand: OpenConsole.self
    )
}
