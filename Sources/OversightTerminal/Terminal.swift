import OversightConsole

/// What the console needs from a terminal: its size, a way to paint a grid, and the next input.
/// The ncurses backend talks to a real terminal; the headless one keeps the grid for tests.
public protocol Terminal: AnyObject {
    var size: Size { get }
    /// Whether UTF-8 can be shown; if not, the ASCII glyphs are used.
    var glyphs: Glyphs { get }
    var theme: Theme { get }
    /// Paints a grid and parks the hardware cursor where the grid says.
    func draw(_ grid: Grid)
    /// Waits (using no CPU) until there is input, a resize or a signal; returns what arrived.
    func nextEvents() -> [TerminalEvent]
    /// The same, but gives up after `milliseconds` with `[.idle]` (nil: waits as long as it takes),
    /// so that a console following another's saves can look at the store while nobody types.
    func nextEvents(wakingAfter milliseconds: Int?) -> [TerminalEvent]
}

extension Terminal {
    /// A terminal that cannot wait with a limit never wakes idle (scripted input has no time).
    public func nextEvents(wakingAfter milliseconds: Int?) -> [TerminalEvent] { nextEvents() }
}

public enum TerminalEvent: Hashable, Sendable {
    /// A key, with when it arrived (milliseconds on a monotonic clock; nil in scripts), which tells
    /// a paste or run-on typing from commands (`TypingGuard`).
    case key(Key, at: Int64? = nil)
    case resize(Size)
    /// SIGINT, SIGTERM or SIGHUP arrived: restore the terminal and leave.
    case signal(Int32)
    /// The terminal went away (hang-up, closed input).
    case endOfInput
    /// Nothing arrived in the time the session asked to wait (`nextEvents(wakingAfter:)`).
    case idle
}
