/// A key as the terminal read it, with when it arrived: milliseconds on the terminal's monotonic
/// clock, or nil when that is not known (scripted input).
public struct TimedKey: Hashable, Sendable {
    public var key: Key
    public var at: Int64?

    public init(_ key: Key, at: Int64? = nil) {
        self.key = key
        self.at = at
    }
}

/// Tells typing from commands by its pace, so that text is never read as commands. Two things
/// looked the same to the console and undid recorded work:
///
/// - a **burst**: keys closer together than fingers press them (a paste in a terminal without
///   bracketed paste, a program typing). Two or more keys with a printable character among them
///   are text: typed as a paste into a text field, and set aside anywhere else. Holding a key down
///   (the same key repeated) is not a burst of text, so holding `j` still scrolls.
/// - **run-on typing after a save**: someone still typing the note they have just saved. After a
///   save, text keys that follow the previous key faster than a deliberate pause (`Pace.settle`)
///   are set aside; a pause, or a key that is not text (Esc, an arrow, an F-key), makes keys
///   commands again. Esc then does only that, since it was pressed to stop.
///
/// The guard is pure: the terminal stamps each key, and tests inject the stamps. Both thresholds
/// are values here, compared with the gaps the terminal measured between keys.
public struct TypingGuard: Sendable {
    public struct Pace: Hashable, Sendable {
        /// Keys closer than this came from a paste or a program. Measured: tmux delivers a whole
        /// `send-keys` string in one read (gap 0) and separate commands 2–10 ms apart; a person's keys
        /// are some 30 ms apart at the fastest (a key held down repeats every 30–40 ms).
        public var burst: Int64
        /// After a save, text keys closer than this to the previous key are still the typing that
        /// saved. People pause between words for well under a second and before a command for longer.
        public var settle: Int64

        public init(burst: Int64 = 10, settle: Int64 = 1_000) {
            self.burst = burst
            self.settle = settle
        }
    }

    /// Keys grouped by pace: one key to consider on its own, or a burst that was text.
    public enum Group: Hashable, Sendable {
        case key(TimedKey)
        /// A burst with text in it, as text: line breaks for Enter, unknown sequences as they came
        /// (so that cleaning a paste counts them).
        case burst(String)
    }

    /// What to do with a key considered on its own.
    public enum Admission: Hashable, Sendable {
        case act
        /// Typing that ran on after a save: everything set aside since the save, as text.
        case setAside(String)
        /// The deliberate key that ends the wait after a save: it does nothing else.
        case ready
    }

    public var pace: Pace
    /// When the last key of the previous read arrived (for a burst split across reads).
    private var lastReadAt: Int64?
    /// When the previous key or burst acted on arrived (for the pause after a save).
    private var previousKeyAt: Int64?
    /// The previous group was a burst, so a key hard behind it continues it.
    private var inBurst = false
    /// A save has just closed a form: text keys wait for a pause or a deliberate key.
    public private(set) var settling = false
    /// What was set aside since the save.
    private var runOn = ""

    public init(pace: Pace = Pace()) {
        self.pace = pace
    }

    /// A form saved: until a pause or a deliberate key, text keys are taken for more typing.
    public mutating func saved() {
        settling = true
        runOn = ""
    }

    /// Groups keys that arrived together. A key closer than `Pace.burst` to the one before joins its
    /// group; a group of two or more keys (or one continuing a burst from the last read) with a
    /// printable character in it, not just one key repeated, is a burst of text.
    public mutating func group(_ keys: [TimedKey]) -> [Group] {
        var groups: [Group] = []
        var run: [TimedKey] = []
        // The first key is hard behind a burst from the previous read.
        var continuing = inBurst && keys.first.map { closeTogether(lastReadAt, $0.at) } == true
        for key in keys {
            if let previous = run.last, !closeTogether(previous.at, key.at) {
                groups += sorted(run, continuing: continuing)
                run = []
                continuing = false
            }
            run.append(key)
        }
        groups += sorted(run, continuing: continuing)
        if let last = keys.last(where: { $0.at != nil }) { lastReadAt = last.at }
        return groups
    }

    private func closeTogether(_ a: Int64?, _ b: Int64?) -> Bool {
        guard let a, let b else { return false }
        return b - a < pace.burst
    }

    /// A run of keys that came close together: a burst of text, or keys to consider one by one.
    private mutating func sorted(_ run: [TimedKey], continuing: Bool) -> [Group] {
        guard !run.isEmpty else { return [] }
        if run.count > 1 || continuing, TypingGuard.isText(run.map(\.key)) {
            inBurst = true
            if let last = run.last(where: { $0.at != nil }) { previousKeyAt = last.at }
            return [.burst(run.compactMap { $0.key.burstText }.joined())]
        }
        inBurst = false
        return run.map(Group.key)
    }

    /// A burst of text where no text is being typed: set aside, with whatever ran on since a save.
    public mutating func setAside(_ text: String) -> String {
        guard settling else { return text }
        runOn += text
        return runOn
    }

    /// A key on its own. After a save, until a pause or a deliberate key, text keys are set aside
    /// (Backspace edits what was set aside, since it is still typing); with no time known, or in a
    /// text field again (the save was refused), keys act.
    public mutating func admit(_ key: TimedKey, typing: Bool) -> Admission {
        let previous = previousKeyAt
        if key.at != nil { previousKeyAt = key.at }
        guard settling else { return .act }
        guard !typing, let at = key.at, let previous, at - previous < pace.settle else {
            settling = false
            return .act
        }
        if key.key == .backspace {
            if !runOn.isEmpty { runOn.removeLast() }
            return .setAside(runOn)
        }
        if key.key.runsOn, let text = key.key.burstText {
            runOn += text
            return .setAside(runOn)
        }
        settling = false
        return key.key == .escape ? .ready : .act
    }

    /// Text among the keys, and not one key held down.
    static func isText(_ keys: [Key]) -> Bool {
        guard keys.contains(where: \.isText) else { return false }
        return keys.count == 1 || Set(keys).count > 1
    }
}

extension Key {
    /// A key that types: a printable character, or a paste.
    var isText: Bool {
        switch self {
        case .character, .paste: return true
        default: return false
        }
    }

    /// A key that is more of the same typing after a save: text, and Enter or Ctrl-J (a new line, as in the note).
    var runsOn: Bool {
        switch self {
        case .character, .paste, .enter, .control("j"): return true
        default: return false
        }
    }

    /// What the key was in a burst of text: its text, or an unknown sequence as it came.
    var burstText: String? {
        if case .unknown(let sequence) = self { return sequence }
        return asText
    }
}
