import Foundation
import OversightConsole
import OversightDomain
import OversightStore

/// Opens the console on a store in the real terminal and runs it; the terminal is restored
/// whichever way the session ends (quit, signal, end of input, or an error thrown).
public enum Console {
    public struct Options: Sendable {
        public var monochrome: Bool
        public var ascii: Bool
        public var today: CalendarDate?

        public init(monochrome: Bool = false, ascii: Bool = false, today: CalendarDate? = nil) {
            self.monochrome = monochrome
            self.ascii = ascii
            self.today = today
        }
    }

    /// NO_COLOR set to anything non-empty asks for no colour (no-color.org).
    public static func wantsMonochrome(environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        !(environment["NO_COLOR"] ?? "").isEmpty
    }

    /// Runs the console; returns the exit status (0, or 128 + a signal's number).
    /// `reopen` opens the store again read-only: given, a read-only console follows the saves
    /// another process makes to it.
    public static func run(store: Store, options: Options, reopen: (() throws -> Store)? = nil) throws -> Int32 {
        // A file-size limit (ulimit -f) must fail a write with EFBIG, which the store refuses like
        // a full disk, not kill the console mid-write with the terminal still in its screen.
        signal(SIGXFSZ, SIG_IGN)
        let log = ConsoleLog()
        log.write("opening \(store.layout.directory)\(store.isReadOnly ? " (read-only)" : "")")
        let terminal = try NcursesTerminal(options: .init(monochrome: options.monochrome || wantsMonochrome(), ascii: options.ascii),
                                           log: log)
        defer { terminal.restore() }
        // Today on the user's clock: between midnight and 1 am in summer, UTC still says yesterday.
        let now = StoreOptions.systemClock()
        let today = options.today ?? now.shifted(by: LocalTime.current.offset(now)).date
        let session = ConsoleSession(store: store, terminal: terminal, today: today, log: log,
                                     drafts: DraftFile(store: store.layout.directory), reopen: reopen)
        let ending = session.run()
        log.write("closing: \(ending)")
        return ending.exitStatus
    }
}
