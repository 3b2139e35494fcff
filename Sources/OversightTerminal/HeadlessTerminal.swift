import OversightConsole

/// A terminal with no screen: it keeps every grid painted and plays scripted input, for tests and
/// benchmarks that run the real loop without a TTY.
public final class HeadlessTerminal: Terminal {
    public private(set) var size: Size
    public let glyphs: Glyphs
    public let theme: Theme
    public private(set) var frames: [Grid] = []
    /// Each call to `nextEvents` takes the next batch; when none are left, input has ended.
    public var script: [[TerminalEvent]]
    /// Keep only the latest frame (benchmarks paint thousands).
    public var keepsOnlyLastFrame: Bool

    public init(size: Size, glyphs: Glyphs = .unicode, theme: Theme = .standard, script: [[TerminalEvent]] = [],
                keepsOnlyLastFrame: Bool = false) {
        self.size = size
        self.glyphs = glyphs
        self.theme = theme
        self.script = script
        self.keepsOnlyLastFrame = keepsOnlyLastFrame
    }

    public func draw(_ grid: Grid) {
        if keepsOnlyLastFrame { frames = [grid] } else { frames.append(grid) }
    }

    public func nextEvents() -> [TerminalEvent] {
        guard !script.isEmpty else { return [.endOfInput] }
        let batch = script.removeFirst()
        for case .resize(let newSize) in batch { size = newSize }
        return batch
    }
}
