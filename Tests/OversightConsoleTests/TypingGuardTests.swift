import OversightConsole
import Testing

/// The pace rule that tells typing from commands, with the key times injected (the terminal stamps
/// real keys; no test here reads a clock).
@Suite struct TypingGuardTests {
    func keys(_ text: String, from start: Int64, every gap: Int64) -> [TimedKey] {
        text.enumerated().map { TimedKey(.character($1), at: start + Int64($0) * gap) }
    }

    @Test func keysReadTogetherWithTextAmongThemAreOneBurstOfText() {
        var guardian = TypingGuard()
        #expect(guardian.group(keys("update from the trust", from: 0, every: 0)) == [.burst("update from the trust")])
        var lines = TypingGuard()
        let pasted = keys("one", from: 100, every: 1) + [TimedKey(.enter, at: 103)] + keys("two", from: 104, every: 1)
        #expect(lines.group(pasted) == [.burst("one\ntwo")], "a line break in a paste is text, not Enter")
    }

    @Test func keysAPersonPressesAreConsideredOneByOne() {
        var guardian = TypingGuard()
        let typed = keys("jjkd", from: 0, every: 40)
        #expect(guardian.group(typed) == typed.map(TypingGuard.Group.key))
    }

    @Test func aKeyHeldDownIsNotTextSoItStillScrolls() {
        var guardian = TypingGuard()
        let held = keys("jjjjjj", from: 0, every: 3)
        #expect(guardian.group(held) == held.map(TypingGuard.Group.key))
        let arrows = [TimedKey(.down, at: 0), TimedKey(.down, at: 1), TimedKey(.escape, at: 2)]
        #expect(guardian.group(arrows) == arrows.map(TypingGuard.Group.key), "keys without text are never set aside")
    }

    @Test func theThresholdIsTheValueGiven() {
        var strict = TypingGuard(pace: .init(burst: 50, settle: 1_000))
        #expect(strict.group(keys("ud", from: 0, every: 40)) == [.burst("ud")])
        var loose = TypingGuard(pace: .init(burst: 30, settle: 1_000))
        #expect(loose.group(keys("ud", from: 0, every: 40)).count == 2)
    }

    /// A paste split over two reads: the second read continues the burst, even one key of it.
    @Test func aBurstSplitAcrossReadsStaysText() {
        var guardian = TypingGuard()
        #expect(guardian.group(keys("upd", from: 0, every: 0)) == [.burst("upd")])
        #expect(guardian.group([TimedKey(.character("a"), at: 4)]) == [.burst("a")])
        #expect(guardian.group([TimedKey(.character("u"), at: 300)]) == [.key(TimedKey(.character("u"), at: 300))])
    }

    @Test func unknownSequencesInABurstStayAsTheyCameForTheCleanerToCount() {
        var guardian = TypingGuard()
        let burst = [TimedKey(.character("a"), at: 0), TimedKey(.unknown("\u{1B}[2J"), at: 0), TimedKey(.character("b"), at: 0)]
        #expect(guardian.group(burst) == [.burst("a\u{1B}[2Jb")])
    }

    /// Typing run on after a save: "update from the trust" after Enter saved a note undid it, moved the period back and
    /// opened a decision form. After a save, text keys at typing pace are set aside until a pause or a deliberate key.
    @Test func afterASaveTypingAtPaceIsSetAsideUntilAPause() {
        var guardian = TypingGuard()
        #expect(guardian.admit(TimedKey(.function(2), at: 0), typing: true) == .act)
        guardian.saved()
        #expect(guardian.admit(TimedKey(.character("u"), at: 180), typing: false) == .setAside("u"))
        #expect(guardian.admit(TimedKey(.character("p"), at: 350), typing: false) == .setAside("up"))
        #expect(guardian.admit(TimedKey(.character("x"), at: 500), typing: false) == .setAside("upx"))
        #expect(guardian.admit(TimedKey(.backspace, at: 700), typing: false) == .setAside("up"), "Backspace is still typing")
        #expect(guardian.admit(TimedKey(.enter, at: 900), typing: false) == .setAside("up\n"))
        #expect(guardian.settling)
        #expect(guardian.admit(TimedKey(.character("u"), at: 2_000), typing: false) == .act, "a pause makes keys commands again")
        #expect(!guardian.settling)
        #expect(guardian.admit(TimedKey(.character("u"), at: 2_100), typing: false) == .act)
    }

    @Test func afterASaveEscEndsTheWaitAndDoesNothingElseWhileOtherDeliberateKeysAct() {
        var guardian = TypingGuard()
        _ = guardian.admit(TimedKey(.function(2), at: 0), typing: true)
        guardian.saved()
        #expect(guardian.admit(TimedKey(.escape, at: 100), typing: false) == .ready)
        #expect(guardian.admit(TimedKey(.character("u"), at: 150), typing: false) == .act)
        guardian.saved()
        #expect(guardian.admit(TimedKey(.down, at: 200), typing: false) == .act, "an arrow is deliberate")
        #expect(guardian.admit(TimedKey(.character("j"), at: 250), typing: false) == .act)
    }

    @Test func keysWithNoTimeAndKeysIntoAFieldAlwaysAct() {
        var guardian = TypingGuard()
        guardian.saved()
        #expect(guardian.admit(TimedKey(.character("u")), typing: false) == .act, "scripted keys carry no time")
        guardian.saved()
        _ = guardian.admit(TimedKey(.character("a"), at: 0), typing: false)
        guardian.saved()
        #expect(guardian.admit(TimedKey(.character("b"), at: 10), typing: true) == .act, "a refused save leaves the form open: typing goes on")
    }

    @Test func aBurstAfterASaveJoinsWhatWasSetAside() {
        var guardian = TypingGuard()
        _ = guardian.admit(TimedKey(.function(2), at: 0), typing: true)
        guardian.saved()
        #expect(guardian.admit(TimedKey(.character("u"), at: 100), typing: false) == .setAside("u"))
        #expect(guardian.setAside("pdate") == "update")
    }
}
