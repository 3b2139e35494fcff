import OversightConsole
import OversightDomain
import OversightTestSupport
import Testing

/// The rules every form keeps, checked form by form: it opens from its key, Esc closes it at once
/// when nothing was typed and asks when something was, its key on a read-only store says why
/// instead, and after its save undo and redo are one key away with the cursor on what changed.
@Suite struct EveryFormTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        /// Keys from the overview that open the form.
        var open: [Key]
        /// Keys that fill it in well enough to save.
        var fill: [Key]
        var testDescription: String { name }
    }

    static func text(_ s: String) -> [Key] { s.map { Key.character($0) } }
    static let scorecard: [Key] = [.enter, .enter, .enter]
    static let raag: [Key] = [.character(":")] + text("RAAG") + [.enter, .character("i")]

    static let cases: [Case] = [
        Case(name: "segment decision", open: scorecard + [.character("d")], fill: [.tab] + text("Agreed")),
        Case(name: "add intervention", open: scorecard + [.character("I")], fill: [.tab, .tab, .tab, .tab] + text("Waits")),
        Case(name: "change intervention", open: raag + [.character("E")], fill: [.tab, .tab, .tab, .tab, .control("u")] + text("Finances")),
        Case(name: "close intervention", open: raag + [.character("x")], fill: [.tab] + text("Exit criteria met")),
        Case(name: "log event", open: raag + [.character("v")], fill: [.tab] + text("Review")),
        Case(name: "add note", open: scorecard + [.character("n")], fill: text("Discussed")),
        Case(name: "change note", open: scorecard + [.character("N"), .character("E"), .control("u")], fill: text("Agreed")),
        Case(name: "add action", open: scorecard + [.character("a")], fill: text("Write") + [.tab] + text("Secretary")),
        Case(name: "mark action done", open: [.character("A"), .character("x")], fill: [.control("u")] + text("2026-11-19")),
    ]

    var start: AppState { RecordingFixture.state() }

    @Test(arguments: cases)
    func escClosesAtOnceWhenUntouchedAndAsksOnceSomethingIsTyped(_ form: Case) {
        let opened = start.pressing(form.open)
        #expect(opened.mode.kind == .form, "\(form.name) did not open: \(opened.message?.text ?? "")")
        let closed = opened.pressing(.escape)
        if form.name == "change note" {
            #expect(closed.mode.kind == .confirming, "Ctrl-U already changed the text, so Esc asks")
        } else {
            #expect(closed.mode.kind == .browsing && closed.form == nil, "\(form.name): an untouched form closes at once")
        }
        let asked = opened.pressing(form.fill).pressing(.escape)
        #expect(asked.mode.kind == .confirming && asked.question?.onYes == .discardForm, "\(form.name): asks before throwing typing away")
    }

    @Test(arguments: cases)
    func onAReadOnlyStoreItsKeySaysWhy(_ form: Case) {
        let readOnly = AppState(dataset: RecordingFixture.dataset, today: ConsoleFixture.today, size: Size(width: 80, height: 24),
                                store: .init(readOnly: "read-only: journal damaged",
                                             explanation: "The journal is damaged at line 7 (byte 1234): bad frame. Run `oversight repair` to set the damaged part aside in quarantine/.")).fulfilled()
        // Only the keys up to the one that opens the form: a key after it (change note's Ctrl-U, which clears the text in
        // the form) would, with no form open, say that it is not offered here.
        let (refused, effects) = readOnly.effects(form.open.filter { $0 != .control("u") })
        #expect(effects.isEmpty && refused.form == nil)
        #expect(refused.message?.text == "Nothing can be recorded: the journal is damaged at line 7 (byte 1234): bad frame. Run `oversight repair` to set the damaged part aside in quarantine/.",
                "\(form.name)")
    }

    @Test(arguments: cases)
    func afterTheSaveUndoAndRedoAreOneKeyAwayWithTheCursorOnWhatChanged(_ form: Case) throws {
        var (state, effects) = start.pressing(form.open).pressing(form.fill).effects(.function(2))
        if state.mode.kind == .confirming { (state, effects) = state.effects(.character("y")) }
        guard case .commit(let edit)? = effects.first else {
            Issue.record("\(form.name) saved nothing: \(state.form?.fields.compactMap(\.error) ?? []) \(state.form?.notice?.text ?? "")")
            return
        }
        let (data, change) = try edit.apply(to: state.landscape.dataset)
        let record = try #require(change.records.first)
        let target = FocusTarget(record.key, image: record.after ?? record.before, in: data)
        let saved = state.reloaded(data, store: .init(lastSaved: ConsoleFixture.now), message: .init("Saved"), focus: target,
                                   changed: change.records.map(\.key))
        #expect(saved.mode.kind == .browsing && saved.form == nil, "\(form.name): the form closes once saved")
        #expect(saved.top.screen.place(of: target, saved.context) != nil, "\(form.name): the screen shows what changed")
        #expect(saved.effects(.character("u")).1 == [.undo])
        #expect(saved.effects(.control("r")).1 == [.redo])
    }
}
