import OversightConsole
import OversightDomain
import OversightStore
import OversightTestSupport
import Testing

/// Every form, question and recording list as it looks at 80×24 (and 60×16, and in monochrome with
/// the style layer), in `__Snapshots__` beside the other screens.
@Suite struct RecordingSnapshots {
    static let scorecard: [Key] = [.enter, .enter, .enter]

    /// How each screen is reached, by keys from the recording fixture's overview.
    static let screens: [(name: String, keys: [Key])] = [
        ("form-decide", scorecard + [.character("d")]),
        ("form-decide-refused", scorecard + [.character("d"), .character("5"), .tab, .control("u"), .tab, .tab, .control("u")]
            + "2026-02-30".map { Key.character($0) } + [.enter]),
        ("form-add-intervention", scorecard + [.character("I"), .down, .tab, .tab, .tab, .tab]
            + "Elective waits over 65 weeks; finances off plan".map { Key.character($0) }),
        ("form-close-intervention", [.character(":"), .character("R"), .character("A"), .character("A"), .character("G"), .enter,
                                     .character("i"), .character("x"), .tab] + "Exit criteria met".map { Key.character($0) }),
        ("question-close-intervention", [.character(":"), .character("R"), .character("A"), .character("A"), .character("G"), .enter,
                                         .character("i"), .character("x"), .tab] + "Exit criteria met".map { Key.character($0) } + [.function(2)]),
        ("form-log-event", [.character(":"), .character("R"), .character("A"), .character("A"), .character("G"), .enter,
                            .character("i"), .enter, .character("v"), .tab] + "Review meeting: half the exit criteria met".map { Key.character($0) }),
        ("form-note-pasted", scorecard + [.character("n"), .paste("Board agreed £2m for Zoë's plan;\u{1B}[2J 国民保健 noted\nSecond line")]),
        ("form-change-note", scorecard + [.character("N"), .character("E")]),
        ("question-delete-note", scorecard + [.character("N"), .delete]),
        ("form-add-action-nationwide", [.character("A"), .character("a")]),
        ("form-complete-action", [.character("A"), .character("x")]),
        ("form-change-action", [.character("A"), .character("E")]),
        ("form-change-action-refused", [.character("A"), .down, .character("E"), .tab, .tab, .control("u")]
            + "1/11/2026".map { Key.character($0) } + [.function(2)]),
        ("form-action-progress", [.character("A"), .character("v")] + "Draft received; board to review".map { Key.character($0) }),
        ("question-delete-action", [.character("A"), .character("D")]),
        ("question-discard-form", scorecard + [.character("n"), .character("x"), .escape]),
        ("form-keys", scorecard + [.character("n"), .function(1)]),
        ("notes", scorecard + [.character("N")]),
        ("actions-england", [.character("A")]),
        ("actions-organisation", [.character(":"), .character("R"), .character("A"), .character("A"), .character("B"), .enter, .character("A")]),
        ("decisions", scorecard + [.character("K")]),
        ("history", [.character("H")]),
        ("history-organisation", [.character(":"), .character("R"), .character("A"), .character("A"), .character("B"), .enter, .character("H")]),
    ]

    @Test(arguments: [Size(width: 80, height: 24), Size(width: 60, height: 16)])
    func everyRecordingScreen(at size: Size) {
        for screen in RecordingSnapshots.screens {
            let state = RecordingFixture.state(size).pressing(screen.keys)
            Snapshot.check(view(state, size: size), name: "\(screen.name)-\(size.width)x\(size.height)")
        }
    }

    @Test func everyRecordingScreenInMonochrome() {
        let size = Size(width: 80, height: 24)
        for screen in RecordingSnapshots.screens {
            let state = RecordingFixture.state(size).pressing(screen.keys)
            Snapshot.check(view(state, size: size), name: "\(screen.name)-80x24-mono", theme: .monochrome, withStyles: true)
        }
    }

    @Test func aFormInASCII() {
        let size = Size(width: 80, height: 24)
        let keys = RecordingSnapshots.screens.first { $0.name == "form-note-pasted" }!.keys
        Snapshot.check(view(RecordingFixture.state(size).pressing(keys), size: size, glyphs: .ascii), name: "form-note-pasted-80x24-ascii")
    }

    @Test func anEditKeyOnAReadOnlyStoreExplains() {
        let size = Size(width: 80, height: 24)
        let state = AppState(dataset: RecordingFixture.dataset, today: ConsoleFixture.today, size: size,
                             store: .init(readOnly: ReadOnlyReason.lockedByAnotherProcess(pid: 4242).short,
                                          explanation: ReadOnlyReason.lockedByAnotherProcess(pid: 4242).explanation)).fulfilled()
            .pressing(RecordingSnapshots.scorecard + [.character("d")])
        Snapshot.check(view(state, size: size), name: "scorecard-read-only-refusal-80x24")
    }
}
