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
}
