import OversightConsole
import OversightDomain
import Testing

/// Every screen at 80×24, 132×43 and 60×16, and in monochrome (with the style layer that shows
/// where bold, reverse and underline carry the meaning colour would).
@Suite struct ScreenSnapshots {
    static let sizes = [Size(width: 80, height: 24), Size(width: 132, height: 43), Size(width: 60, height: 16)]

    /// How each screen is reached from the overview, by keys.
    static let screens: [(name: String, keys: [Key])] = [
        ("overview", []),
        ("footprints", [.enter]),
        ("footprints-stp", [.enter, .character("e")]),
        ("footprint", [.enter, .enter]),
        ("scorecard", [.enter, .enter, .enter]),
        ("metric", [.enter, .enter, .enter, .enter]),
        ("interventions", [.enter, .enter, .enter, .character("i")]),
        ("intervention", [.enter, .enter, .enter, .character("i"), .enter]),
        ("interventions-england", [.character("i")]),
        ("help", [.function(1)]),
        ("filter", [.enter, .character("/"), .character("q"), .character("1")]),
        ("go-to", [.character(":"), .character("r"), .character("a"), .character("b")]),
        ("confirm-quit", [.escape]),
    ]

    @Test(arguments: sizes)
    func everyScreen(at size: Size) {
        for screen in ScreenSnapshots.screens {
            let state = ConsoleFixture.state(size).pressing(screen.keys)
            Snapshot.check(view(state, size: size), name: "\(screen.name)-\(size.width)x\(size.height)")
        }
    }

    @Test func everyScreenInMonochrome() {
        let size = Size(width: 80, height: 24)
        for screen in ScreenSnapshots.screens {
            let state = ConsoleFixture.state(size).pressing(screen.keys)
            Snapshot.check(view(state, size: size), name: "\(screen.name)-80x24-mono", theme: .monochrome, withStyles: true)
        }
    }

    @Test func asciiFallback() {
        let size = Size(width: 80, height: 24)
        for name in ["scorecard", "metric", "footprints"] {
            let keys = ScreenSnapshots.screens.first { $0.name == name }!.keys
            Snapshot.check(view(ConsoleFixture.state(size).pressing(keys), size: size, glyphs: .ascii), name: "\(name)-80x24-ascii")
        }
    }

    @Test func wideScorecardHasASidePanel() {
        let size = Size(width: 160, height: 48)
        let keys = ScreenSnapshots.screens.first { $0.name == "scorecard" }!.keys
        Snapshot.check(view(ConsoleFixture.state(size).pressing(keys), size: size), name: "scorecard-160x48")
    }

    @Test func readOnlyHidesEditHints() {
        let size = Size(width: 80, height: 24)
        let state = ConsoleFixture.state(size, readOnly: "read-only (--read-only)")
        Snapshot.check(view(state, size: size), name: "overview-80x24-read-only")
    }

    @Test(arguments: [Size(width: 40, height: 12), Size(width: 59, height: 24), Size(width: 80, height: 15), Size(width: 10, height: 3)])
    func tooSmall(_ size: Size) {
        Snapshot.check(view(ConsoleFixture.state(size), size: size), name: "too-small-\(size.width)x\(size.height)")
    }
}
