import OversightDomain

extension AppState {
    /// Puts the cursor back on a record that changed. A scorecard is shown under its own framework
    /// and period. If the screen on top shows the record, the cursor goes to its row (or stays, for
    /// a panel); otherwise the console goes to a screen that shows it: replacing the stack with the
    /// path there (after an undo or redo), or on top of it (`jumping` from the history, so that Esc
    /// comes back).
    mutating func focus(on target: FocusTarget, jumping: Bool) {
        if let id = target.scorecard, landscape.framework(id.framework) != nil,
           viewpoint.framework != id.framework || viewpoint.period != id.period {
            viewpoint.framework = id.framework
            viewpoint.period = id.period
            rebuildAll()
        }
        if !jumping, let place = top.screen.place(of: target, context) {
            if case .row(let key) = place { updateTop { $0.list.select(key: key, table: $0.table) } }
            return
        }
        guard let destination = destination(for: target) else { return }
        if jumping {
            push(destination)
        } else {
            var path = route(to: target)
            // The path to an organisation already ends on its scorecard.
            if path.last?.isSame(as: destination) != true { path.append(destination) }
            replaceStack(with: path, selecting: nil)
        }
        if case .row(let key)? = top.screen.place(of: target, context) {
            updateTop { $0.list.select(key: key, table: $0.table) }
        }
    }

    /// The screen that shows a record best: its organisation's scorecard for a segment decision,
    /// the interventions, notes or actions list (with its row) for the others.
    func destination(for target: FocusTarget) -> (any Screen)? {
        switch target.key {
        case .scorecard, .organisation:
            return target.org.map { ScorecardScreen(org: $0) }
        case .release, .meeting:
            return nil
        case .intervention:
            return target.org.map { InterventionsScreen(scope: .organisation($0)) }
        case .note:
            if let org = target.org { return NotesScreen(subject: .organisation(org)) }
            return target.footprint.map { NotesScreen(subject: .footprint($0)) }
        case .action:
            if let org = target.org { return ActionsScreen(scope: .organisation(org)) }
            if let footprint = target.footprint { return ActionsScreen(scope: .footprint(footprint)) }
            return ActionsScreen(scope: .nation)
        }
    }

    /// The levels leading to a record's organisation or footprint.
    func route(to target: FocusTarget) -> [any Screen] {
        if let org = target.org, landscape.organisation(org) != nil { return GoTo.path(to: org, state: self) }
        if let footprint = target.footprint { return GoTo.path(to: footprint, state: self) }
        return [OverviewScreen()]
    }
}
