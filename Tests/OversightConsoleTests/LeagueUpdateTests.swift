import OversightConsole
import OversightDomain
import Testing

/// The league table as values: opening it from the overview, a footprint and a scorecard, the peer
/// group and region keys, period and framework, the filter over regions and ICSs, Enter and back,
/// and `c` and `m` to the computation and the distance.
@Suite struct LeagueUpdateTests {
    let start = LeagueFixture.state()

    func goTo(_ code: String, from state: AppState? = nil) -> AppState {
        (state ?? start).pressing(.character(":")).typing(code).pressing(.enter)
    }

    @Test func lFromTheOverviewOpensEnglandsAcuteLeagueInLeagueOrder() {
        let opened = start.pressing(.character("L"))
        #expect(opened.crumbKinds == ["overview", "league"])
        let screen = opened.top.screen as? LeagueTableScreen
        #expect(screen?.peerGroup == .acute && screen?.scope == .england)
        #expect(opened.visibleKeys == ["RCC", "REE", "RBB", "RAA", "RDD"],
                "ranked by adjusted segment, then raw score: \(opened.visibleKeys)")
        #expect(opened.selectedKey == "RCC", "the cursor starts at the top of the table")
    }

    @Test func theRowsCarryRankSegmentWhatMovedItQuartileScoreAndDistance() {
        let table = start.pressing(.character("L")).top.table
        func cells(_ key: String) -> [String] {
            table.rows.first { $0.key == key }!.cells.map(\.searchText)
        }
        // Rank, code, name, segment, moved by, quartile, score, metrics, to next, near, ICS, region, likely rank (published only).
        #expect(cells("RBB") == ["3", "RBB", "Brookside Hospitals NHS Trust", "segment 3", "deficit", "1", "1.90", "4", "–", "↓ 0.00",
                                 "Riverside ICS", "London", ""], "quartile 1 moved to 3 by its deficit, on Q1")
        #expect(cells("RAA") == ["4", "RAA", "Riverside Hospitals NHS Trust", "segment 3", "", "3", "2.39", "3", "0.36", "↓ 0.00",
                                 "Riverside ICS", "London", ""], "quartile 3 on Q3; 0.36 from the median")
        #expect(cells("RDD") == ["5", "RDD", "Dale Valley Hospitals NHS Trust", "segment 5", "decision", "4", "3.70", "4", "1.31", "",
                                 "Moorland ICS", "South West", ""], "segment 5 by decision over a computed 4")
    }

    @Test func lFromAScorecardOpensItsOwnPeerGroupAtItsRow() {
        let acute = goTo("RAA").pressing(.character("L"))
        #expect(acute.crumbKinds.suffix(2) == ["scorecard", "league"])
        #expect((acute.top.screen as? LeagueTableScreen)?.peerGroup == .acute)
        #expect(acute.selectedKey == "RAA")
        let ambulance = goTo("RYY").pressing(.character("L"))
        #expect((ambulance.top.screen as? LeagueTableScreen)?.peerGroup == .ambulance)
        #expect(ambulance.selectedKey == "RYY")
    }

    @Test func lFromAFootprintListsOnlyItsTrustsWithNationalRanks() {
        let footprint = goTo("QBB")
        #expect(footprint.topKind == .footprint)
        let league = footprint.pressing(.character("L"))
        #expect((league.top.screen as? LeagueTableScreen)?.scope == .footprint("QBB"))
        #expect(league.visibleKeys == ["RCC", "RDD"])
        #expect(league.top.table.rows.map { $0.cells[0].searchText } == ["1", "5"], "ranks stay national")
    }

    @Test func tAndTabStepThroughThePeerGroupsAndShiftTStepsBack() {
        let acute = start.pressing(.character("L"))
        let nonAcute = acute.pressing(.character("t"))
        #expect((nonAcute.top.screen as? LeagueTableScreen)?.peerGroup == .nonAcute)
        #expect(nonAcute.visibleKeys == ["RMM"])
        #expect(nonAcute.stack.count == acute.stack.count, "switching replaces the table; Esc still goes back to the overview")
        let ambulance = nonAcute.pressing(.tab)
        #expect((ambulance.top.screen as? LeagueTableScreen)?.peerGroup == .ambulance)
        #expect(Set(ambulance.visibleKeys) == ["RXX", "RYY"])
        #expect((ambulance.pressing(.character("t")).top.screen as? LeagueTableScreen)?.peerGroup == .acute, "and round again")
        #expect((acute.pressing(.character("T")).top.screen as? LeagueTableScreen)?.peerGroup == .ambulance)
        #expect((acute.pressing(.backTab).top.screen as? LeagueTableScreen)?.peerGroup == .ambulance)
        #expect(ambulance.message?.text == "Ambulance league table: 2 ambulance trusts.")
    }

    @Test func rNarrowsToEachRegionInTurnThenEnglandAgain() {
        let league = start.pressing(.character("L"))
        let london = league.pressing(.character("r"))
        #expect((london.top.screen as? LeagueTableScreen)?.scope == .region("Y56"))
        #expect(london.visibleKeys == ["REE", "RBB", "RAA"])
        #expect(london.top.table.rows.map { $0.cells[0].searchText } == ["2", "3", "4"], "national ranks")
        #expect(london.message?.text == "Showing London: 3 acute trusts; ranks stay national.")
        let southWest = london.pressing(.character("r"))
        #expect(southWest.visibleKeys == ["RCC", "RDD"])
        #expect(southWest.pressing(.character("r")).visibleKeys.count == 5)
    }

    @Test func theFilterMatchesRegionAndICSNamesAndTheWordsNearAndDeficit() {
        let league = start.pressing(.character("L"), .character("/"))
        #expect(league.typing("south west").visibleKeys == ["RCC", "RDD"], "region name")
        #expect(league.typing("riverside ics").visibleKeys == ["REE", "RBB", "RAA"], "ICS name")
        #expect(league.typing("deficit").visibleKeys == ["RBB", "RAA"])
        #expect(league.typing("near").visibleKeys == ["RCC", "REE", "RBB", "RAA"], "within 0.05 of a boundary, inclusive")
        #expect(league.typing("near !deficit").visibleKeys == ["RCC", "REE"])
    }

    @Test func periodAndFrameworkKeysRebuildTheTableAndAJudgementFrameworkSaysItHasNone() {
        let league = goTo("RAA").pressing(.character("L"))
        let earlier = league.pressing(.character("p"))
        #expect(earlier.viewpoint.period == LeagueFixture.earlier)
        #expect(earlier.selectedKey == "RAA", "the cursor stays on the trust")
        let raa = earlier.top.table.rows.first { $0.key == "RAA" }!
        #expect(raa.cells[6].searchText == "2.71", "RAA's ranked metric was the worst of five the quarter before: (1 + 4 + 4/3) ÷ 2.33")
        #expect(earlier.visibleKeys == ["RCC", "REE", "RBB", "RAA", "RDD"])
        let judgement = league.pressing(.character("f"))
        #expect(judgement.viewpoint.framework == LeagueFixture.sof)
        #expect(judgement.top.table.rows.isEmpty)
        #expect(judgement.top.table.emptyText
            == "SOF hand decides segments by judgement, so it has no league table; f switches to NOF hand, whose method computes segments and ranks trusts.")
        let screen = view(judgement, size: Size(width: 80, height: 24)).text
        #expect(screen.contains("SOF hand decides segments by judgement"), "the empty table says why:\n\(screen)")
        #expect(judgement.pressing(.character("f")).top.table.rows.count == 5, "f again comes back to the league table")
    }

    @Test func enterOpensTheScorecardAndBackRestoresCursorSortAndFilter() {
        var league = start.pressing(.character("L"), .character("/")).typing("riverside").pressing(.enter)
        league = league.pressing(.right, .right, .right, .right, .character("s"), .character("s"), .down)
        let before = (league.selectedKey, league.top.list.sort, league.top.list.filter, league.visibleKeys)
        #expect(before.2 == "riverside" && before.1?.descending == true)
        let scorecard = league.pressing(.enter)
        #expect(scorecard.topKind == .scorecard)
        #expect((scorecard.top.screen as? ScorecardScreen)?.org.rawValue == before.0)
        let back = scorecard.pressing(.escape)
        #expect(back.topKind == .league)
        #expect(back.selectedKey == before.0 && back.top.list.sort == before.1 && back.top.list.filter == before.2)
        #expect(back.visibleKeys == before.3)
    }

    @Test func cOpensTheComputationAndMTheDistanceAndEachGoesBackToTheOther() {
        let league = goTo("RAA").pressing(.character("L"))
        let computation = league.pressing(.character("c"))
        #expect(computation.topKind == .computation)
        #expect((computation.top.screen as? ComputationScreen)?.org == "RAA")
        let distance = computation.pressing(.character("m"))
        #expect(distance.topKind == .distance)
        let again = distance.pressing(.character("c"))
        #expect(again.stack.count == computation.stack.count && again.topKind == .computation,
                "c on the distance of the trust whose computation is below goes back to it rather than piling up")
        #expect(league.pressing(.character("m")).topKind == .distance, "m straight from the league table")
        let fromScorecard = goTo("RAA").pressing(.character("c"))
        #expect(fromScorecard.crumbKinds.suffix(2) == ["scorecard", "computation"])
    }

    @Test func theSegmentationKeysAreInTheCommandTableWithHelpAndHints() {
        for (key, command, screens) in [(Key.character("L"), Intent.leagueTable, [ScreenKind.overview, .footprint, .scorecard]),
                                        (.character("t"), .nextPeerGroup, [.league]), (.character("r"), .nextRegion, [.league]),
                                        (.character("c"), .computation, [.scorecard, .league]),
                                        (.character("m"), .distance, [.scorecard, .league, .computation])] {
            for screen in screens {
                #expect(Keymap.intent(for: key, on: screen, mode: .browsing) == command, "\(key.label) on \(screen.id)")
            }
        }
        #expect(Keymap.intent(for: .character("t"), on: .overview, mode: .browsing) == .notHere(.character("t")), "t is the league table's own")
        let help = HelpScreen(for: .league).table(start.context).rows.map(\.key)
        #expect(help.contains("/next-peer-group") && help.contains("/next-region") && help.contains("/to-next-segment"))
    }
}
