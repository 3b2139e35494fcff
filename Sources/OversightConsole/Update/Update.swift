import OversightDomain

/// The console's behaviour as one pure function: a state and a command give a new state and the
/// effects to perform. No terminal, no store, no clock: every rule here is testable as values.
public func update(_ state: AppState, _ command: Intent) -> (AppState, [Effect]) {
    var next = state
    if case .resize(let width, let height) = command {
        next.size = Size(width: width, height: height)
        let rows = next.pageRows
        next.updateTop { $0.list.scrollIntoView(rows: rows) }
        return (next, [])
    }
    next.message = nil
    let effects: [Effect]
    switch state.mode {
    case .browsing: effects = browse(&next, command)
    case .filtering(let text): effects = typeFilter(&next, text, command)
    case .goTo(let goTo): effects = typeGoTo(&next, goTo, command)
    case .form(let form): effects = fillIn(&next, form, command)
    case .confirming(let question): effects = answer(&next, question, command)
    case .confirmingQuit: effects = answerQuit(&next, command)
    }
    let rows = next.pageRows
    next.updateTop { $0.list.scrollIntoView(rows: rows) }
    return (next, effects)
}

private func browse(_ s: inout AppState, _ command: Intent) -> [Effect] {
    let page = max(1, s.pageRows - 1)
    switch command {
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
        if s.top.screen is HistoryScreen { jumpFromHistory(&s, row); break }
        if let screen = s.top.screen.open(row, s.context) { s.push(screen) }
    case .back:
        if s.top.list.isFiltered {
            s.updateTop { $0.list.setFilter("", table: $0.table) }
            s.message = .init("Filter cleared.")
        } else if s.stack.count > 1 {
            s.stack.removeLast()
        } else {
            s.mode = .confirmingQuit
        }
    case .quit:
        s.mode = .confirmingQuit
    case .quitNow:
        return [.quit]
    case .help:
        if s.top.screen is HelpScreen {
            s.stack.removeLast()
        } else {
            s.push(HelpScreen(for: s.topKind))
        }
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
        s.rebuildAll()
        s.message = .init("Framework: \(framework.name).")
    case .earlierPeriod: stepPeriod(&s, by: -1)
    case .laterPeriod: stepPeriod(&s, by: 1)
    case .interventions:
        if let scope = s.top.screen.interventionsScope(s.top.selectedRow, s.context) {
            s.push(InterventionsScreen(scope: scope))
        }
    case .notes, .actions, .history, .historyScope:
        openList(&s, command)
    case .leagueTable, .nextPeerGroup, .previousPeerGroup, .nextRegion, .computation, .distance:
        openSegmentView(&s, command)
    case .decideSegment, .addNote, .addAction, .addIntervention, .logEvent, .editItem, .closeItem, .deleteNote:
        return record(&s, command)
    case .undo, .redo:
        if refusedReadOnly(&s) { break }
        return [command == .undo ? .undo : .redo]
    case .resize, .type, .erase, .accept, .cancel, .complete, .confirm, .decline, .paste, .cursorLeft, .cursorRight, .lineStart,
         .lineEnd, .deleteForward, .eraseToLineStart, .eraseToLineEnd, .newLine, .nextField, .previousField:
        break
    }
    return []
}

/// Typing a filter: each character narrows the list on top at once; Enter keeps the filter, Esc clears it.
private func typeFilter(_ s: inout AppState, _ text: String, _ command: Intent) -> [Effect] {
    switch command {
    case .type, .paste, .erase:
        var text = text
        if command == .erase { if !text.isEmpty { text.removeLast() } } else { text += typedText(command) }
        s.mode = .filtering(text)
        s.updateTop { $0.list.setFilter(text, table: $0.table) }
    case .accept:
        s.mode = .browsing
    case .cancel:
        s.updateTop { $0.list.setFilter("", table: $0.table) }
        s.mode = .browsing
    case .moveDown: s.updateTop { $0.list.move(by: 1) }
    case .moveUp: s.updateTop { $0.list.move(by: -1) }
    default: break
    }
    return []
}

/// Typing a go-to: the matches follow the text; Tab completes to the chosen one, Enter goes to it.
private func typeGoTo(_ s: inout AppState, _ goTo: GoToState, _ command: Intent) -> [Effect] {
    func typed(_ text: String) -> GoToState { GoToState(text: text, matches: GoTo.matches(text, state: s)) }
    var goTo = goTo
    switch command {
    case .type, .paste: goTo = typed(goTo.text + typedText(command))
    case .erase: goTo = typed(String(goTo.text.dropLast()))
    case .moveDown: goTo.cursor = min(goTo.cursor + 1, max(0, goTo.matches.count - 1))
    case .moveUp: goTo.cursor = max(0, goTo.cursor - 1)
    case .complete:
        if let chosen = goTo.chosen { goTo = typed(chosen.completion) }
    case .cancel:
        s.mode = .browsing
        return []
    case .accept:
        s.mode = .browsing
        guard let chosen = goTo.chosen else {
            if !goTo.text.trimmingCharactersInSpaces().isEmpty {
                s.message = .init("No organisation, footprint or command matches “\(goTo.text)”.", isError: true)
            }
            return []
        }
        return go(&s, to: chosen.target)
    default: break
    }
    s.mode = .goTo(goTo)
    return []
}

/// What a typed key or a paste adds to a one-line input, cleaned of anything that is not text.
private func typedText(_ command: Intent) -> String {
    switch command {
    case .type(let c): return TextSanitiser.clean(String(c), multiline: false).text
    case .paste(let raw): return TextSanitiser.clean(raw, multiline: false).text
    default: return ""
    }
}

private func go(_ s: inout AppState, to target: GoToMatch.Target) -> [Effect] {
    switch target {
    case .command(let command):
        let (after, effects) = update(s, command)
        s = after
        return effects
    case .organisation(let code):
        replaceStack(&s, with: GoTo.path(to: code, state: s), selecting: code.rawValue)
    case .footprint(let id):
        if let era = s.landscape.footprint(id)?.era, era != s.viewpoint.era {
            s.viewpoint.era = era
            s.rebuildAll()
        }
        replaceStack(&s, with: GoTo.path(to: id, state: s), selecting: nil)
    }
    return []
}

/// Opens a path of screens, putting each level's cursor on the row that leads to the next.
func replaceStack(_ s: inout AppState, with screens: [any Screen], selecting last: String?) {
    let context = s.context
    var levels = screens.map { Level($0, context: context) }
    for i in levels.indices.dropLast() {
        let key = levels[i + 1].screen.pathKey
        if let key { levels[i].list.select(key: key, table: levels[i].table) }
    }
    s.stack = levels
    if let last { s.message = .init("Opened \(last).") }
}

private func answerQuit(_ s: inout AppState, _ command: Intent) -> [Effect] {
    switch command {
    case .confirm: return [.quit]
    case .decline: s.mode = .browsing
    default: break
    }
    return []
}

private func moveColumn(_ s: inout AppState, by delta: Int) {
    let area = s.top.screen.listArea(in: Chrome.body(s.size), s.context)
    let layout = TableLayout(s.top.table, width: area.width)
    let visible = layout.placed.map(\.column).filter { s.top.table.columns[$0].sortable }
    guard !visible.isEmpty else { return }
    let current = visible.firstIndex(of: s.top.list.column) ?? 0
    let target = visible[min(max(0, current + delta), visible.count - 1)]
    s.updateTop { $0.list.column = target }
}

private func stepPeriod(_ s: inout AppState, by delta: Int) {
    let periods = s.landscape.periods(of: s.viewpoint.framework)
    guard !periods.isEmpty else { s.message = .init("This framework has no periods with scorecards.", isError: true); return }
    let index = s.viewpoint.period.flatMap { periods.firstIndex(of: $0) } ?? periods.count - 1
    let target = index + delta
    guard periods.indices.contains(target) else {
        s.message = .init(delta < 0 ? "\(periods[index].label) is the earliest period." : "\(periods[index].label) is the latest period.")
        return
    }
    s.viewpoint.period = periods[target]
    s.rebuildAll()
    s.message = .init("Period: \(periods[target].label).")
}

/// The period of a new framework nearest the one shown (the latest when none is near).
func closestPeriod(to period: Period?, in periods: [Period]) -> Period? {
    guard let period else { return periods.last }
    if periods.contains(period) { return period }
    return periods.last { $0 <= period } ?? periods.first
}
