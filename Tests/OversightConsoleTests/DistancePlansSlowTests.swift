import OversightConsole
import OversightDomain
import OversightTestSupport
import Testing

/// Every suggested plan checked by applying it and recomputing the peer group, on the screens'
/// landscape and the whole bundled dataset: slow (tens of seconds), so named for `--skip SlowTests`.
@Suite struct DistancePlansSlowTests {
    /// Every trust the view offers a reachable plan for, in the screens' landscape (deficits and
    /// all), the demonstration store and the bundled published data: applied and recomputed, it
    /// reaches the quartile aimed for. The bundled store offers fewer plans (a trust's published
    /// quarter often lacks the metrics a plan would move), hence its lower floor.
    @Test(arguments: ["screens", "demo", "bundled"])
    func everySuggestedPlanReallyMovesTheTrust(_ which: String) throws {
        let dataset = switch which {
        case "screens": LeagueFixture.screens
        case "demo": DemoDataset.standard
        default: try #require(BundledFixture.dataset, "the bundled store opens")
        }
        var state = AppState(dataset: dataset, today: ConsoleFixture.today, size: Size(width: 80, height: 24)).fulfilled()
        let (framework, period) = (try #require(state.viewpoint.framework), try #require(state.viewpoint.period))
        let key = FrameworkPeriod(framework, period)
        let result = try #require(state.landscape.segmentation(framework, period))
        var checked = 0
        for computation in result.organisations where computation.distance != nil {
            let org = computation.org
            let distance = try #require(Derivation.confirmedDistance(org, dataset, key, result: result))
            state.supply(Derived(distances: [key: [org: distance]]))
            guard distance.reachable else { continue }
            let screen = DistanceScreen(org: org)
            #expect(screen.table(state.context).rows.map(\.key) == distance.improvements.map(\.metric.rawValue),
                    "the screen lists the plan it was given for \(org)")
            let after = try Segmentation.compute(DistanceViewTests.applying(distance, to: org, in: dataset, framework: framework, period: period),
                                                 framework: framework, period: period)
            let quartile = try #require(after.organisation(org)?.quartile)
            #expect(quartile <= distance.toQuartile, "\(org): quartile \(distance.fromQuartile) aimed for \(distance.toQuartile), got \(quartile)")
            checked += 1
        }
        let floor = ["screens": 10, "demo": 100, "bundled": 40][which] ?? 0
        #expect(checked >= floor, "enough trusts were checked: \(checked)")
    }
}
