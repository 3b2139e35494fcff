import OversightDomain

/// What every screen does with an intent while browsing, unless it handles the intent itself
/// (`Screen.update`): moving about the list, going in and back, finding, switching what is shown,
/// opening the lists of what was recorded and the segmentation screens, the recording keys, undo.
public enum Browse {
    public static func update(_ intent: Intent, _ s: inout AppState) -> [Effect] {
        let page = max(1, s.pageRows - 1)
        switch intent {
        case .moveDown: s.updateTop { $0.list.move(by: 1) }
        case .moveUp: s.updateTop { $0.list.move(by: -1) }
        case .pageDown: s.updateTop { $0.list.move(by: page); $0.list.top += page }
        case .pageUp: s.updateTop { $0.list.move(by: -page); $0.list.top = max(0, $0.list.top - page) }
        case .top: s.updateTop { $0.list.moveTo(0) }
        case .bottom: s.updateTop { $0.list.moveTo(Int.max) }
        case .columnLeft: moveColumn(&s, by: -1)
        case .columnRight: moveColumn(&s, by: 1)
        case .open:
            guard let row = s.top.selectedRow else { break }
            if let screen = s.top.screen.open(row, s.context) { s.push(screen) }
        case .back:
            if s.top.list.isFiltered {
                s.updateTop { $0.list.setFilter("", table: $0.table) }
                s.message = .init("Filter cleared.")
            } else if s.returnFromGoTo() {
                s.message = .init("Back to where you were before go-to.")
            } else if s.stack.count > 1 {
                s.stack.removeLast()
            } else {
                s.mode = .confirmingQuit
            }
        case .quit, .interrupt:
            s.mode = .confirmingQuit
        case .quitNow:
            return [.quit]
        case .help:
            s.push(HelpScreen(for: s.topKind))
        case .filter:
            s.mode = .filtering(s.top.list.filter)
        case .sort:
            s.updateTop { $0.list.sortByCurrentColumn(table: $0.table) }
        case .goTo:
            s.mode = .goTo(GoToState())
        case .switchEra:
            s.viewpoint.era = s.viewpoint.era == .ics2022 ? .stp2016 : .ics2022
            s.rebuildAll()
            s.message = .init("Showing \(s.viewpoint.era.label).")
        case .nextFramework:
            let frameworks = s.landscape.frameworks
            guard !frameworks.isEmpty else { s.message = .init("There are no scorecards in this store.", isError: true); break }
            let index = frameworks.firstIndex { $0.id == s.viewpoint.framework }.map { ($0 + 1) % frameworks.count } ?? 0
            let framework = frameworks[index]
            s.viewpoint.framework = framework.id
            s.viewpoint.period = closestPeriod(to: s.viewpoint.period, in: s.landscape.periods(of: framework.id))
            s.viewpoint.periodChosen = false
            settleEra(&s)
            s.rebuildAll()
            s.message = .init("Framework: \(framework.name).")
        case .earlierPeriod: stepPeriod(&s, by: -1)
        case .laterPeriod: stepPeriod(&s, by: 1)
        case .interventions:
            if let scope = s.top.screen.interventionsScope(s.top.selectedRow, s.context) {
                s.push(InterventionsScreen(scope: scope))
            }
        case .notes, .actions, .history, .decisions:
            openList(&s, intent)
        case .meetings:
            s.push(MeetingsScreen())
        case .present:
            s.message = .init("V presents a meeting: press M, open the meeting, then V on the item to start from.", isError: true)
        case .minutes:
            if let link = s.top.screen.selection(s.top.selectedRow, s.context).meeting ?? s.top.screen.meetingShown {
                s.push(MinutesScreen(id: link.meeting))
            } else {
                s.message = .init("m shows a meeting's minutes: press M and open the meeting first.", isError: true)
            }
        case .writePaper:
            guard let request = s.top.screen.paper(s.context, s.top) else {
                s.message = .init("This screen has no board paper: w writes a scorecard, footprint, league table, agenda, minutes, or action or decision log.",
                                  isError: true)
                break
            }
            switch PaperForm.make(request, s.context) {
            case .success(let form): s.mode = .form(form)
            case .failure(let why): s.message = .init(why.message, isError: true)
            }
        case .leagueTable:
            SegmentViews.openLeague(&s)
        case .segmentChanges:
            s.push(SegmentChangesScreen())
        case .exoskeleton:
            if let footprint = s.top.screen.selection(s.top.selectedRow, s.context).footprint {
                s.push(ExoskeletonScreen(footprint: footprint))
            } else {
                s.message = .init("Open a 2016–2021 footprint first: the view sets its trusts beside its CCGs.", isError: true)
            }
        case .computation, .distance:
            SegmentViews.openComputation(&s, intent)
        case .decideSegment, .addNote, .addAction, .addIntervention, .logEvent, .editItem, .closeItem, .deleteNote, .newMeeting, .suggestAgenda, .addTopic:
            return record(&s, intent)
        case .undo, .redo:
            if refusedReadOnly(&s) { break }
            return JournalKeys.undoOrRedo(&s, intent)
        // Only the screens that offer these handle them (the history's scope, a league table's tabs);
        // the rest are keys of the other modes.
        case .historyScope, .nextPeerGroup, .previousPeerGroup, .nextRegion, .approveMinutes, .toggleKeep, .addKept, .moveItemEarlier, .moveItemLater,
             .resize, .type, .erase, .accept, .cancel, .complete, .confirm, .decline, .paste, .save, .setAside, .ready, .unknownKey, .notHere,
             .cursorLeft, .cursorRight, .lineStart,
             .lineEnd, .deleteForward, .eraseToLineStart, .eraseToLineEnd, .newLine, .nextField, .previousField:
            break
        }
        return []
    }

    static func moveColumn(_ s: inout AppState, by delta: Int) {
        let area = s.top.screen.listArea(in: Chrome.body(s.size), s.context)
        let layout = TableLayout(s.top.table, width: area.width)
        let visible = layout.placed.map(\.column).filter { s.top.table.columns[$0].sortable }
        guard !visible.isEmpty else { return }
        let current = visible.firstIndex(of: s.top.list.column) ?? 0
        let target = visible[min(max(0, current + delta), visible.count - 1)]
        s.updateTop { $0.list.column = target }
    }

    static func stepPeriod(_ s: inout AppState, by delta: Int) {
        let periods = s.landscape.periods(of: s.viewpoint.framework)
        guard !periods.isEmpty else { s.message = .init("This framework has no periods with scorecards.", isError: true); return }
        let index = s.viewpoint.period.flatMap { periods.firstIndex(of: $0) } ?? periods.count - 1
        let target = index + delta
        guard periods.indices.contains(target) else {
            s.message = .init(delta < 0 ? "\(periods[index].label) is the earliest period." : "\(periods[index].label) is the latest period.")
            return
        }
        s.viewpoint.period = periods[target]
        s.viewpoint.periodChosen = true
        settleEra(&s)
        s.rebuildAll()
        s.message = .init(s.landscape.coverage(s.viewpoint.framework, periods[target]).map { $0 + "." } ?? "Period: \(periods[target].label).")
    }

    /// The footprints of the period shown: the STP footprints until the ICSs took over on 1 July 2022, the
    /// ICSs after. A period in which the chosen era's footprints did not exist moves to the other era (`e`
    /// still switches by hand).
    static func settleEra(_ s: inout AppState) {
        guard let period = s.viewpoint.period else { return }
        let icsFrom = CalendarDate.ymd(2022, 7, 1)
        if s.viewpoint.era == .ics2022, period.end < icsFrom { s.viewpoint.era = .stp2016 }
        if s.viewpoint.era == .stp2016, period.start >= icsFrom { s.viewpoint.era = .ics2022 }
    }

    /// The period of a new framework nearest the one shown (the latest when none is near).
    static func closestPeriod(to period: Period?, in periods: [Period]) -> Period? {
        guard let period else { return periods.last }
        if periods.contains(period) { return period }
        return periods.last { $0 <= period } ?? periods.first
    }
}
