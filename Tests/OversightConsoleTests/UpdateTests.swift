import OversightConsole
import OversightDomain
import OversightTestSupport
import Testing

/// The console's behaviour as values: the view stack, what each level remembers, filtering,
/// sorting, go-to, the era, framework and period switches, quitting and read-only.
@Suite struct UpdateTests {
    let start = ConsoleFixture.state()

    @Test func enterDrillsFromTheNationToAMetricAndEscComesBackTheSameWay() {
        let metric = start.pressing(.enter, .enter, .enter, .enter)
        #expect(metric.crumbKinds == ["overview", "footprints", "footprint", "scorecard", "metric"])
        let back = metric.pressing(.escape, .backspace, .character("q"), .escape)
        #expect(back.crumbKinds == ["overview"], "Esc, Backspace and q each go back one level")
    }

    @Test func eachLevelKeepsItsCursorFilterAndSortWhenYouComeBack() {
        let footprints = start.pressing(.down, .enter)
        #expect(footprints.crumbKinds == ["overview", "footprints"])
        let arranged = footprints.pressing(.right, .right, .character("s"), .character("s"), .down)
        let before = (arranged.selectedKey, arranged.top.list.sort, arranged.top.list.column)
        let returned = arranged.pressing(.enter, .enter, .escape, .escape)
        #expect(returned.crumbKinds == ["overview", "footprints"])
        #expect(returned.selectedKey == before.0)
        #expect(returned.top.list.sort == before.1)
        #expect(returned.top.list.column == before.2)
        #expect(returned.pressing(.escape).selectedKey == "Y57", "the overview still has the second region selected")
    }

    @Test func escAtTheTopAsksBeforeQuittingAndQQuitsAtOnce() {
        let asking = start.pressing(.escape)
        #expect(asking.mode.kind == .confirmingQuit)
        #expect(update(asking, .decline).0.mode.kind == .browsing)
        #expect(update(asking, .confirm).1 == [.quit])
        #expect(update(start, .quitNow).1 == [.quit])
        let viaKeys = Keymap.intent(for: .function(10), on: .scorecard, mode: .browsing)
        #expect(viaKeys == .quitNow)
    }

    /// The mode carries what it works on, so leaving it drops that, and a question asked from a form
    /// holds the form it goes back to.
    @Test func eachModeHoldsOnlyWhatItWorksOn() throws {
        let typing = start.pressing(.character(":")).typing("raa")
        #expect(typing.goTo?.matches.isEmpty == false && typing.form == nil && typing.question == nil)
        let left = typing.pressing(.escape)
        #expect(left.mode.kind == .browsing && left.goTo == nil && left.input.isEmpty, "leaving go-to drops its line and matches")
        let note = start.pressing(.character(":")).typing("RAAA").pressing(.enter, .character("n")).typing("Draft")
        let asking = note.pressing(.escape)
        #expect(asking.mode.kind == .confirming && asking.question?.form?.title == note.form?.title, "the question holds the form it was asked from")
        let back = asking.pressing(.character("n"))
        #expect(back.mode.kind == .form && back.question == nil && back.form?.focused.text == "Draft", "no goes back to the form as it was")
        #expect(asking.pressing(.character("y")).form == nil, "yes throws the form away with the question")
    }

    @Test func filterNarrowsAsYouTypeEveryWordMustMatchAndBangExcludes() {
        let footprints = start.pressing(.enter)
        #expect(footprints.visibleKeys.count == 6)
        let one = footprints.pressing(.character("/")).typing("q14")
        #expect(one.mode.kind == .filtering)
        #expect(one.visibleKeys == ["Q14"])
        let allBut = footprints.pressing(.character("/")).typing("!q14")
        #expect(allBut.visibleKeys.count == 5 && !allBut.visibleKeys.contains("Q14"))
        let both = footprints.pressing(.character("/")).typing("ics q2")
        #expect(both.visibleKeys == ["Q21", "Q28"], "every word must appear: \(both.visibleKeys)")
        let erased = one.pressing(.backspace, .backspace)
        #expect(erased.top.list.filter == "q" && erased.visibleKeys.count == 6, "erasing widens the list again")
    }

    @Test func enterKeepsTheFilterAndEscClearsIt() {
        let typed = start.pressing(.enter, .character("/")).typing("q14")
        let kept = typed.pressing(.enter)
        #expect(kept.mode.kind == .browsing && kept.visibleKeys == ["Q14"])
        let cleared = typed.pressing(.escape)
        #expect(cleared.mode.kind == .browsing && cleared.visibleKeys.count == 6)
        let backClearsFirst = kept.pressing(.escape)
        #expect(backClearsFirst.crumbKinds == ["overview", "footprints"], "Esc on a filtered list clears the filter before going back")
        #expect(backClearsFirst.visibleKeys.count == 6)
    }

    @Test func sortByTheCurrentColumnThenAgainReverses() {
        let overview = start.pressing(.right) // Region → ICSs
        let column = overview.top.list.column
        #expect(overview.top.table.columns[column].title == "ICSs")
        let ascending = overview.pressing(.right, .character("s")) // Organisations
        let counts = ascending.top.list.order.map { row -> Double in
            if case .number(let n) = ascending.top.table.rows[row].cells[ascending.top.list.column].sortKey { return n }
            return -1
        }
        #expect(counts == counts.sorted(), "ascending: \(counts)")
        let descending = ascending.pressing(.character("s"))
        #expect(descending.top.list.sort?.descending == true)
        let reversed = descending.top.list.order.map { row -> Double in
            if case .number(let n) = descending.top.table.rows[row].cells[descending.top.list.column].sortKey { return n }
            return -1
        }
        #expect(reversed == counts.sorted(by: >), "descending: \(reversed)")
    }

    @Test func theCursorStaysOnTheSameRowWhenSortingMovesIt() {
        let overview = start.pressing(.down, .down) // Y58
        let sorted = overview.pressing(.right, .right, .character("s"), .character("s"))
        #expect(sorted.selectedKey == "Y58")
    }

    @Test func goToAnOrganisationOpensItsScorecardWithThePathBehindIt() {
        let typed = start.pressing(.character(":")).typing("RAAB")
        #expect(typed.mode.kind == .goTo)
        #expect(typed.goTo?.chosen?.target == .organisation("RAAB"))
        let there = typed.pressing(.enter)
        #expect(there.crumbKinds == ["overview", "footprints", "footprint", "scorecard"])
        #expect(there.stack[2].list.selectedKey(in: there.stack[2].table) == "RAAB", "the footprint level has the trust selected")
        let footprint = there.stack[2].screen.pathKey!
        #expect(there.stack[1].list.selectedKey(in: there.stack[1].table) == footprint)
    }

    /// Esc after go-to goes back to where the user was, not up the path go-to built; deeper screens
    /// opened from there come back to it first.
    @Test func escAfterGoToReturnsToWhereYouWere() {
        let region = start.pressing(.down, .down, .enter) // a region's ICSs, third row
        let there = region.pressing(.character(":")).typing("RAAB").pressing(.enter)
        #expect(there.topKind == .scorecard)
        #expect(there.message?.text.contains("Esc goes back to") == true, "\(there.message?.text ?? "")")
        let metric = there.pressing(.enter)
        #expect(metric.topKind == .metric)
        let scorecard = metric.pressing(.escape)
        #expect(scorecard.topKind == .scorecard, "from a screen opened after go-to, Esc goes up one")
        let back = scorecard.pressing(.escape)
        #expect(back.crumbKinds == region.crumbKinds)
        #expect(back.selectedKey == region.selectedKey, "the list as it was left")
        #expect(back.pressing(.escape).crumbKinds == ["overview"], "and from there up as before")
    }

    /// A key with no command on a screen says so on the status line, never seems dead.
    @Test func aKeyWithNothingToDoHereSaysWhy() {
        let decide = start.pressing(.character("d"))
        #expect(decide.topKind == .overview && decide.mode.kind == .browsing)
        #expect(decide.message?.text.hasPrefix("d (") == true && decide.message?.text.contains("not offered on the overview screen") == true,
                "\(decide.message?.text ?? "")")
        let nothing = start.pressing(.character("z"))
        #expect(nothing.message?.text == "z does nothing in oversight; F1 lists the keys for this screen.")
    }

    /// The go-to line edits as form fields do: arrows, Home, End, Ctrl-U, Ctrl-K, Delete.
    @Test func theGoToLineEditsLikeAFormField() {
        let typed = start.pressing(.character(":")).typing("avon")
        let edited = typed.pressing(.home).typing("x").pressing(.end).typing("y")
        #expect(edited.goTo?.text == "xavony")
        let cut = edited.pressing(.left, .left).pressing(.control("u"))
        #expect(cut.goTo?.text == "ny" && cut.goTo?.buffer.cursor == 0)
        let ended = edited.pressing(.home, .right).pressing(.control("k"))
        #expect(ended.goTo?.text == "x")
        let deleted = typed.pressing(.home).pressing(.delete)
        #expect(deleted.goTo?.text == "von")
        #expect(deleted.goTo?.matches == start.pressing(.character(":")).typing("von").goTo?.matches, "the matches follow the edited text")
        let chosen = typed.pressing(.down)
        #expect(chosen.pressing(.home).goTo?.cursor == chosen.goTo?.cursor, "moving the text cursor keeps the chosen match")
    }

    /// Organisations and footprints are listed before commands that match the same text.
    @Test func goToListsPlacesBeforeCommands() {
        // Texts that match places and commands both (which of them do depends on the fixture's names).
        let mixed = ["ea", "lea", "en", "glen", "heath", "row", "era", "ear", "one", "sort"].compactMap { text -> [Bool]? in
            let kinds = (start.pressing(.character(":")).typing(text).goTo?.matches ?? []).map { $0.kind == "command" }
            return kinds.contains(true) && kinds.contains(false) ? kinds : nil
        }
        #expect(!mixed.isEmpty, "some text matches both")
        for kinds in mixed { #expect(kinds == kinds.sorted { !$0 && $1 }, "every place before every command") }
    }

    /// The overview's segment changes can be entered: Tab opens the whole list, Enter a trust's scorecard.
    @Test func theSegmentChangesListCanBeEntered() {
        let changes = start.pressing(.tab)
        #expect(changes.topKind == .segmentChanges)
        let expected = start.landscape.segmentChanges(start.viewpoint).map(\.org.rawValue)
        #expect(!expected.isEmpty && changes.visibleKeys == expected, "every change, worst move first, as the overview lists them")
        let scorecard = changes.pressing(.enter)
        #expect(scorecard.topKind == .scorecard && scorecard.top.screen.pathKey == expected.first)
        #expect(scorecard.pressing(.escape, .escape).topKind == .overview)
    }

    @Test func goToCompletesByNameAndRunsCommands() {
        let byName = start.pressing(.character(":")).typing("avon and")
        #expect(byName.goTo?.matches.contains { $0.target == .footprint("Q00") } == true)
        let help = start.pressing(.character(":")).typing("help").pressing(.enter)
        #expect(help.topKind == .help)
        let nothing = start.pressing(.character(":")).typing("zzzz").pressing(.enter)
        #expect(nothing.mode.kind == .browsing && nothing.message?.isError == true)
        let completed = start.pressing(.character(":")).typing("raa").pressing(.tab)
        #expect(completed.input == "RAAA")
    }

    @Test func eraSwitchShowsTheOtherFootprints() {
        let ics = start.pressing(.enter)
        #expect(ics.visibleKeys.allSatisfy { $0.hasPrefix("Q") })
        let stp = ics.pressing(.character("e"))
        #expect(stp.viewpoint.era == .stp2016)
        #expect(stp.visibleKeys.allSatisfy { $0.hasPrefix("E54") })
        #expect(stp.top.screen.crumb(stp.context).contains("STP"))
        #expect(stp.pressing(.function(5)).viewpoint.era == .ics2022)
    }

    @Test func periodKeysStepThroughQuartersAndStopAtTheEnds() {
        #expect(start.viewpoint.period == .quarter(2026, 2), "opens on the latest quarter")
        let earlier = start.pressing(.character("p"))
        #expect(earlier.viewpoint.period == .quarter(2026, 1))
        #expect(earlier.pressing(.character("P")).viewpoint.period == .quarter(2026, 2))
        let stuck = start.pressing(.character("P"))
        #expect(stuck.viewpoint.period == .quarter(2026, 2))
        #expect(stuck.message?.text.contains("latest") == true)
    }

    @Test func frameworkKeyCyclesFrameworksAndPicksANearbyPeriod() {
        #expect(start.viewpoint.framework == SyntheticDataset.framework)
        let next = start.pressing(.character("f"))
        #expect(next.viewpoint.framework == SyntheticDataset.judgement)
        #expect(next.viewpoint.period == .quarter(2023, 4))
        #expect(next.pressing(.function(6)).viewpoint.framework == SyntheticDataset.framework)
    }

    @Test func switchingPeriodKeepsEveryLevelOnItsRow() {
        let scorecard = start.pressing(.enter, .enter, .enter, .down, .down)
        let key = scorecard.selectedKey
        let switched = scorecard.pressing(.character("p"))
        #expect(switched.selectedKey == key)
        #expect(switched.stack[0].list.selectedKey(in: switched.stack[0].table) == "Y56")
    }

    @Test func interventionsOpenForTheOrganisationOrTheNation() {
        let nation = start.pressing(.character("i"))
        #expect(nation.topKind == .interventions)
        #expect(nation.visibleKeys.count == ConsoleFixture.dataset.interventions.count)
        let own = start.pressing(.enter, .enter, .enter, .character("i"))
        #expect(own.visibleKeys == ["int-RAAA-1"])
        let detail = own.pressing(.enter)
        #expect(detail.topKind == .intervention)
        #expect(detail.top.table.rows.count == 2, "the dated event log")
    }

    @Test func helpListsTheKeysOfTheScreenAndTheSameKeyClosesIt() {
        let scorecard = start.pressing(.enter, .enter, .enter)
        let help = scorecard.pressing(.character("?"))
        #expect(help.topKind == .help)
        let names = help.top.table.rows.map { $0.cells[2].searchText }
        #expect(names.contains("next-framework") && names.contains("interventions"))
        #expect(!names.contains("switch-era"), "the era key does nothing on a scorecard, so help leaves it out")
        #expect(help.pressing(.function(1)).topKind == .scorecard)
    }

    @Test func readOnlyHidesUndoButExplainsWhyWhenItIsPressed() {
        let readOnly = ConsoleFixture.state(readOnly: "read-only (--read-only)")
        let command = Keymap.intent(for: .character("u"), on: .overview, mode: .browsing)
        #expect(command == .undo, "the key still reaches update, which says why nothing happens")
        let (refused, effects) = update(readOnly, .undo)
        #expect(effects.isEmpty)
        #expect(refused.message?.isError == true)
        #expect(refused.message?.text == "Nothing can be recorded: the store is read-only (--read-only).", "without an explanation the reason is said")
        #expect(update(start, .undo).1 == [.undo])
        let help = readOnly.pressing(.function(1))
        #expect(!help.top.table.rows.contains { $0.cells[2].searchText == "undo" })
    }

    @Test func pagingMovesAScreenAtATimeAndHomeEndGoToTheEnds() {
        let help = ConsoleFixture.state(Size(width: 60, height: 16)).pressing(.function(1))
        let rows = help.top.table.rows.count
        let paged = help.pressing(.pageDown)
        #expect(paged.top.list.cursor > 3 && paged.top.list.cursor < rows)
        #expect(paged.pressing(.pageUp).top.list.cursor == 0)
        #expect(help.pressing(.end).top.list.cursor == rows - 1)
        #expect(help.pressing(.character("G"), .character("g")).top.list.cursor == 0)
    }

    @Test func resizingKeepsTheSelectedRowInView() {
        let help = ConsoleFixture.state(Size(width: 132, height: 43)).pressing(.function(1), .end)
        let size = Size(width: 60, height: 16)
        let small = update(help, .resize(width: size.width, height: size.height)).0
        let grid = view(small, size: size)
        let name = small.top.selectedRow!.cells[1].searchText
        #expect(grid.cursor.map { grid.line($0.y).contains(name) } == true, "the cursor row shows the selected binding \(name)")
    }

    @Test func reloadingAfterAnEditKeepsThePlaceAndShowsTheMessage() {
        let scorecard = start.pressing(.enter, .enter, .enter, .down)
        var data = ConsoleFixture.dataset
        data.notes.removeAll()
        let reloaded = scorecard.reloaded(data, store: .init(), message: .init("Undone: note"))
        #expect(reloaded.crumbKinds == scorecard.crumbKinds)
        #expect(reloaded.selectedKey == scorecard.selectedKey)
        #expect(reloaded.message?.text == "Undone: note")
    }
}
