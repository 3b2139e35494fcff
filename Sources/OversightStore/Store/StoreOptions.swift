import Foundation
import OversightDomain

/// How to open a store.
public struct StoreOptions {
    /// Open without the ability to edit, never changing a byte.
    public var readOnly: Bool
    /// Whether opening for writing may tidy up after a crash: set a torn last line aside, remove
    /// the store's scratch files, make loose modes private, compact an overgrown journal. `repair`
    /// opens with this off: it takes the lock but changes nothing before the user answers.
    public var recover: Bool
    /// Who journal entries name (`--user`, else the login name).
    public var user: String
    public var fileSystem: FileSystem
    public var clock: () -> Timestamp
    /// Compact when the journal passes either size.
    public var compactAfterEntries: Int
    public var compactAfterBytes: Int
    /// No single journal entry may be larger (store.md's 1 MiB, raised for whole-period imports, then to 16 MiB
    /// for NHS England's published files: re-importing a re-issued acute and mental health file pair replaces every
    /// figure, and the entry holds each scorecard before and after, 3.8 MiB for Q1 acute with Q1–Q4 mental health;
    /// a whole year of all three trust types re-issued is about 9 MiB).
    public var maxEntryBytes: Int
    /// A deliberately broken compaction that rewrites snapshot.json in place, for the negative
    /// controls of the crash tests only: they must catch it, or they prove nothing.
    public var unsafeInPlaceSnapshot: Bool
    /// A deliberately broken commit that reports an edit saved without fdatasync'ing the journal,
    /// for the negative control of the power-loss test: only a simulated power cut can catch it
    /// (a killed process leaves the unsynced bytes in the page cache).
    public var unsafeSkipJournalSync: Bool
    /// Which periods of each framework to read before the rest, when the snapshot's index lets an
    /// open read it in parts (nil: all of it at once, as every command does). The console asks for
    /// the period it opens on, so that its first frame does not wait for years of history
    /// (`Store.openingDataset`); the rest is read when `dataset` is first asked for. It is given a
    /// framework's periods in order, and those of them holding figures NHS England published.
    public var opening: Opening?
    public typealias Opening = (_ framework: FrameworkID, _ periods: [Period], _ published: Set<Period>) -> Set<Period>
    /// A snapshot at least this large, wanted all at once, is read in pieces (`PiecewiseSnapshot`).
    /// Tests lower it to read small stores that way; the bench raises it to compare a whole read.
    public var piecewiseAbove = PiecewiseSnapshot.threshold

    public init(readOnly: Bool = false, recover: Bool = true, user: String = StoreOptions.loginName(), fileSystem: FileSystem = POSIXFileSystem(),
                clock: @escaping () -> Timestamp = StoreOptions.systemClock, compactAfterEntries: Int = 2_000,
                compactAfterBytes: Int = 1 << 20, maxEntryBytes: Int = 16 << 20, unsafeInPlaceSnapshot: Bool = false,
                unsafeSkipJournalSync: Bool = false, opening: Opening? = nil) {
        self.readOnly = readOnly
        self.recover = recover
        self.user = user
        self.fileSystem = fileSystem
        self.clock = clock
        self.compactAfterEntries = compactAfterEntries
        self.compactAfterBytes = compactAfterBytes
        self.maxEntryBytes = maxEntryBytes
        self.unsafeInPlaceSnapshot = unsafeInPlaceSnapshot
        self.unsafeSkipJournalSync = unsafeSkipJournalSync
        self.opening = opening
    }

    public static func systemClock() -> Timestamp {
        Timestamp(secondsSince1970: Int64(Date().timeIntervalSince1970.rounded(.down)))
    }

    /// A user name as journal entries record it: one line, no control characters or escape
    /// sequences (a name from `--user` or $USER reaches `history` and every screen), at most 200
    /// characters like every other one-line text; "unknown" when nothing is left.
    public static func recordable(user: String) -> String {
        let cleaned = TextSanitiser.clean(user, multiline: false).text.trimmingCharacters(in: .whitespaces)
        return cleaned.isEmpty ? "unknown" : String(cleaned.prefix(200))
    }

    /// The login name, else $USER or $LOGNAME, else the account's name, else "unknown".
    public static func loginName() -> String {
        if let name = getlogin().map({ String(cString: $0) }), !name.isEmpty { return name }
        let env = ProcessInfo.processInfo.environment
        if let name = env["USER"] ?? env["LOGNAME"], !name.isEmpty { return name }
        // Under tmux, cron or a container there may be no login session and no $USER.
        if let entry = getpwuid(getuid()), let name = entry.pointee.pw_name.map({ String(cString: $0) }), !name.isEmpty {
            return name
        }
        return "unknown"
    }
}
