import OversightConsole
import OversightDomain
import Testing

/// NHS England's published figures as the console shows them, on the bundled store: the overview saying
/// what the quarter covers, an acute trust's scorecard (opened on the latest quarter published for acute
/// trusts), a mental health trust's quarter with its move since the last, a metric with its source, the
/// league tables and a peer group with nothing published, and the recomputation beside the published figures.
@Suite struct PublishedSnapshots {
    static let sizes = [Size(width: 80, height: 24), Size(width: 132, height: 43), Size(width: 60, height: 16)]

    static func goTo(_ code: String) -> [Key] { [.character(":")] + code.map { Key.character($0) } + [.enter] }

    /// How each screen is reached from the overview, by keys.
    static let screens: [(name: String, keys: [Key])] = [
        ("published-overview", []),
        ("published-scorecard-acute", goTo("RM3")),
        ("published-scorecard-moved", goTo("RQY") + [.character("p"), .character("p")]),
        ("published-metric", goTo("RM3") + [.enter]),
        ("published-league-acute", goTo("RM3") + [.character("L")]),
        ("published-league-ambulance", [.character("L"), .character("t"), .character("t")]),
        ("published-computation", goTo("RM3") + [.character("c")]),
    ]

    static func state(_ size: Size) throws -> AppState {
        let dataset = try #require(BundledFixture.dataset, "the bundled store opens")
        return LeagueFixture.state(size, dataset: dataset)
    }

    @Test(arguments: sizes)
    func everyScreen(at size: Size) throws {
        for screen in PublishedSnapshots.screens {
            Snapshot.check(view(try Self.state(size).pressing(screen.keys), size: size), name: "\(screen.name)-\(size.width)x\(size.height)")
        }
    }

    @Test func monochromeAndASCII() throws {
        let size = Size(width: 80, height: 24)
        for name in ["published-scorecard-acute", "published-league-acute"] {
            let keys = PublishedSnapshots.screens.first { $0.name == name }!.keys
            Snapshot.check(view(try Self.state(size).pressing(keys), size: size), name: "\(name)-80x24-mono", theme: .monochrome, withStyles: true)
            Snapshot.check(view(try Self.state(size).pressing(keys), size: size, glyphs: .ascii), name: "\(name)-80x24-ascii")
        }
    }

    @Test("the headline's numbers are never cut: segment, rank of N, average, at every size")
    func headlineWhole() throws {
        for size in Self.sizes {
            let grid = view(try Self.state(size).pressing(Self.goTo("RM3")), size: size)
            let headline = try #require((0..<size.height).map(grid.line).first { $0.contains("Segment ") }, "\(size)")
            #expect(headline.contains(" 4 ") && headline.contains("116 of 134") && headline.contains("2.81"), "\(size): \(headline)")
            #expect(!headline.contains("…"), "\(size): \(headline)")
        }
    }

    @Test("an acute trust opened on a quarter with only mental health figures moves to Q1, and says so")
    func followsItsPeerGroup() throws {
        let state = try Self.state(Size(width: 80, height: 24))
        #expect(state.viewpoint.period == .quarter(2025, 4), "the latest quarter with any published figures")
        #expect(state.message?.text.contains("61 of") == true, "the opening quarter says what it covers: \(state.message?.text ?? "")")
        let acute = state.pressing(Self.goTo("RM3"))
        #expect(acute.viewpoint.period == .quarter(2025, 1))
        #expect(acute.message?.text.contains("the latest with NHS England's acute figures") == true, "\(acute.message?.text ?? "")")
        // A quarter the user chose is kept, and the scorecard says nothing is published for it.
        let chosen = state.pressing([.character("p")] + Self.goTo("RM3"))
        #expect(chosen.viewpoint.period == .quarter(2025, 3))
        let grid = view(chosen, size: Size(width: 80, height: 24))
        #expect((0..<24).map(grid.line).contains { $0.contains("No published data for 2025/26 Q3") })
    }
}
