import OversightConsole
import OversightDomain
import Testing

/// What a board secretary reads first on a trust's scorecard and in help, on the bundled data at
/// the sizes a laptop or a projector gives.
@Suite struct ScorecardReadingTests {
    static func scorecard(_ code: String, _ size: Size) throws -> (AppState, Grid) {
        let dataset = try #require(BundledFixture.dataset, "the bundled store opens")
        let keys = [Key.character(":")] + code.map { Key.character($0) } + [.enter]
        let state = LeagueFixture.state(size, dataset: dataset).pressing(keys)
        return (state, view(state, size: size))
    }

    @Test("the history line ends with the quarter under review (at 60×16 it gives way to the metrics)",
          arguments: [Size(width: 80, height: 24), Size(width: 132, height: 43)])
    func historyShowsTheCurrentQuarter(size: Size) throws {
        let (state, grid) = try Self.scorecard("RXN", size)
        let period = try #require(state.viewpoint.period)
        let history = try #require((0..<size.height).map(grid.line).first { $0.contains("History ") })
        let quarter = "Q\(try #require(period.quarter))"
        let shown = history.trimmingCharacters(in: .whitespaces)
        #expect(!shown.hasSuffix("…"), "\(history)")
        #expect(shown.range(of: quarter + " ", options: .backwards) != nil, "\(history)")
        // The last chip is the period under review: nothing after it but its segment.
        let tail = shown[shown.range(of: quarter + " ", options: .backwards)!.upperBound...]
        #expect(tail.count <= 2, "\(history)")
    }

    @Test("an unconfirmed provider type says so in words, not UNVERIFIED; a published one is NHS England's own")
    func unconfirmedType() throws {
        // No NHS England file names the ambulance trusts' type, so North West Ambulance's stays a researcher's.
        let (_, ambulance) = try Self.scorecard("RX7", Size(width: 80, height: 24))
        let identity = try #require((0..<24).map(ambulance.line).first { $0.contains("RX7 ·") })
        #expect(identity.contains("Ambulance (unconfirmed)"), "\(identity)")
        #expect(!identity.contains("UNVERIFIED"))
        let (_, acute) = try Self.scorecard("RXN", Size(width: 80, height: 24))
        let published = try #require((0..<24).map(acute.line).first { $0.contains("RXN ·") })
        #expect(published.contains("Acute - Teaching") && !published.contains("unconfirmed"), "\(published)")
    }

    @Test("help shows the selected key's whole text below the list, and offers no Enter to open")
    func helpDetail() throws {
        let size = Size(width: 80, height: 24)
        let (state, _) = try Self.scorecard("RXN", size)
        let help = state.pressing(.function(1)) // the screen's own keys come first: Enter (open) leads
        let grid = view(help, size: size)
        let lines = (0..<size.height).map(grid.line)
        let detail = try #require(lines.first { $0.contains("open: Open the selected row") }, "\(lines.joined(separator: "\n"))")
        #expect(detail.contains("Enter"))
        let below = lines.drop { !$0.contains("open: Open the selected row") }.prefix(2).map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(below.joined(separator: " ").contains("go to what changed)"), "the whole help text, not the column's cut: \(below)")
        #expect(!lines[size.height - 1].contains("Enter"), "\(lines[size.height - 1])")
    }
}
