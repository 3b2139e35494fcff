import ArgumentParser
import Glibc

/// `oversight`: the console for people who oversee the English NHS, and the commands scripts use.
@main
struct Oversight: ParsableCommand {
    static let version = "0.1.0"

    // Every command here names itself (`commandName:`): left out, swift-argument-parser derives the
    // name with `String(describing:)`, and its runtime conformance lookups for 70-odd command types
    // cost about 60 M instructions (15–20 ms) at every start, the console's included (issue 16).
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
            NoteCommand.self, Decide.self, DecisionCommand.self, InterventionCommand.self, ActionCommand.self,
            Segment.self, Reconcile.self, Import.self, MeetingCommand.self, ExportCommand.self, ExportStore.self,
        ],
        defaultSubcommand: OpenConsole.self
    )

    /// ArgumentParser's own `main`, with three things before and after it: a file-size limit
    /// (`ulimit -f`) must fail a write with EFBIG, which the store handles like a full disk, not kill
    /// the process mid-write (SIGXFSZ's default) and leave the terminal in the console's screen;
    /// arguments that are not UTF-8 are refused, never silently changed; and every message,
    /// the parser's included, goes out through the one cleaning gate.
    static func main() {
        signal(SIGXFSZ, SIG_IGN)
        let invalid = TerminalOutput.invalidArguments()
        if !invalid.isEmpty {
            for argument in invalid {
                printError("Argument \(argument.index) is not valid UTF-8 (“\(argument.shown)”, where � marks the bytes that are not). Nothing was done. Set your terminal or script to UTF-8 (LANG=en_GB.UTF-8, say) and type it again.")
            }
            Glibc.exit(1)
        }
        do {
            var command = try parseAsRoot(nil)
            try command.run()
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if !message.isEmpty {
                if code == .success { print(message) } else { printError(message) }
            }
            Glibc.exit(code.rawValue)
        }
        Glibc.exit(0)
    }
}
