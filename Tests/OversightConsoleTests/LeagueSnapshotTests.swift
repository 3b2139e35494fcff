import OversightConsole
import OversightDomain
import Testing

/// The league table, the computation and the distance view at 80×24, 132×43 and 60×16, in
/// monochrome (with the style layer) and in ASCII, on the screens' landscape with deficits.
@Suite struct LeagueSnapshots {
    static let sizes = [Size(width: 80, height: 24), Size(width: 132, height: 43), Size(width: 60, height: 16)]

    /// How each screen is reached from the overview, by keys.
    static let screens: [(name: String, keys: [Key])] = [
        ("league", [.character("L")]),
        ("league-ambulance", [.character("L"), .character("t"), .character("t")]),
        ("computation", goTo("RAAC") + [.character("c")]),
        ("distance", goTo("RAAA") + [.character("m")]),
        // RAAC's score is in the best quartile, but the deficit override holds it in segment 3.
        ("distance-best-quartile", goTo("RAAC") + [.character("m")]),
    ]

    static func goTo(_ code: String) -> [Key] { [.character(":")] + code.map { Key.character($0) } + [.enter] }

    static func state(_ size: Size) -> AppState { LeagueFixture.state(size, dataset: LeagueFixture.screens) }

    @Test(arguments: sizes)
    func everyScreen(at size: Size) {
        for screen in LeagueSnapshots.screens {
            Snapshot.check(view(LeagueSnapshots.state(size).pressing(screen.keys), size: size), name: "\(screen.name)-\(size.width)x\(size.height)")
        }
    }

    @Test func everyScreenInMonochrome() {
        let size = Size(width: 80, height: 24)
        for screen in LeagueSnapshots.screens {
            Snapshot.check(view(LeagueSnapshots.state(size).pressing(screen.keys), size: size), name: "\(screen.name)-80x24-mono",
                           theme: .monochrome, withStyles: true)
        }
    }

    @Test func asciiFallback() {
        let size = Size(width: 80, height: 24)
        for name in ["league", "computation"] {
            let keys = LeagueSnapshots.screens.first { $0.name == name }!.keys
            Snapshot.check(view(LeagueSnapshots.state(size).pressing(keys), size: size, glyphs: .ascii), name: "\(name)-80x24-ascii")
        }
    }
}
