import OversightDomain

/// The recording keys while browsing: each opens its form (or, for a delete, asks first) about
/// what the screen and its selected row are about; and the lists of notes, actions and history.
/// On a read-only store they explain why nothing can be recorded instead.
func record(_ s: inout AppState, _ command: Intent) -> [Effect] {
    if refusedReadOnly(&s) { return [] }
    let context = s.context
    let selection = s.top.screen.selection(s.top.selectedRow, context)
    let opened: Result<Form, FormRefusal>
    switch command {
    case .decideSegment:
        guard let org = selection.org else {
            return say(&s, "Choose an organisation first: d records a segment decision on a scorecard, or on a footprint's member.")
        }
        opened = SegmentDecisionForm.make(org: org, context, user: s.recorder.user)
    case .addNote:
        opened = NoteForm.makeNew(about: selection.subject, context)
    case .addAction:
        opened = ActionForm.make(about: selection.subject, context)
    case .addIntervention:
        guard let org = selection.org else {
            return say(&s, "Open an organisation first (: and its code); I adds an intervention to it.")
        }
        opened = InterventionForm.makeNew(org: org, context)
    case .logEvent:
        guard let id = selection.intervention else { return say(&s, "Choose an intervention first; v logs an event on it.") }
        opened = InterventionEventForm.make(id, context)
    case .editItem:
        if let id = selection.intervention {
            opened = InterventionForm.makeEdit(id, context)
        } else if let id = selection.note {
            opened = NoteForm.makeEdit(id, context)
        } else {
            return say(&s, "Choose a note or an intervention to change.")
        }
    case .closeItem:
        if let id = selection.intervention {
            opened = CloseInterventionForm.make(id, context)
        } else if let id = selection.action {
            opened = CompleteActionForm.make(id, context)
        } else {
            return say(&s, "Choose an intervention to close or an action to mark done.")
        }
    case .deleteNote:
        guard let id = selection.note, let note = context.landscape.dataset.note(id) else { return say(&s, "Choose a note to delete.") }
        s.mode = .confirming(Question(NoteForm.deleteQuestion(note, context.landscape), onYes: .commit(.deleteNote(id))))
        return []
    default:
        return []
    }
    switch opened {
    case .success(let form):
        s.mode = .form(form)
    case .failure(let why):
        s.message = .init(why.message, isError: true)
    }
    return []
}

/// True (with the reason and what to do on the status line) when the store cannot be written.
func refusedReadOnly(_ s: inout AppState) -> Bool {
    guard let reason = s.store.readOnly else { return false }
    let why = s.store.explanation ?? "the store is \(reason)."
    s.message = .init("Nothing can be recorded: " + why.prefix(1).lowercased() + why.dropFirst(), isError: true)
    return true
}

private func say(_ s: inout AppState, _ text: String) -> [Effect] {
    s.message = .init(text, isError: true)
    return []
}

/// `N` notes, `A` actions, `H` history (of the organisation on screen, else of everything), and
/// `o` in the history to narrow it to one organisation or widen it again.
func openList(_ s: inout AppState, _ command: Intent) {
    let context = s.context
    let selection = s.top.screen.selection(s.top.selectedRow, context)
    switch command {
    case .notes:
        switch selection.subject {
        case .organisation(let code)?: s.push(NotesScreen(subject: .organisation(code)))
        case .footprint(let id)?: s.push(NotesScreen(subject: .footprint(id)))
        default: s.message = .init("Notes are kept on organisations and footprints: open one, then press N.", isError: true)
        }
    case .actions:
        switch selection.subject {
        case .organisation(let code)?: s.push(ActionsScreen(scope: .organisation(code)))
        case .footprint(let id)?: s.push(ActionsScreen(scope: .footprint(id)))
        default: s.push(ActionsScreen(scope: .nation))
        }
    case .history:
        guard !(s.top.screen is HistoryScreen) else { return }
        if case .organisation(let code)? = selection.subject { s.push(HistoryScreen(org: code)) } else { s.push(HistoryScreen()) }
    case .historyScope:
        guard let history = s.top.screen as? HistoryScreen else { return }
        let org: OrgCode?
        if history.org != nil {
            org = nil
            s.message = .init("Showing every entry.")
        } else if let chosen = selection.org {
            org = chosen
            s.message = .init("Showing only entries about \(chosen); o again shows every entry.")
        } else {
            s.message = .init("The selected entry is not about an organisation.", isError: true)
            return
        }
        let selected = s.top.list.selectedKey(in: s.top.table)
        s.stack[s.stack.count - 1] = Level(HistoryScreen(org: org), context: context)
        if let selected { s.updateTop { $0.list.select(key: selected, table: $0.table) } }
    default:
        break
    }
}

/// Enter on a history entry: to the record it changed, on top of the history (Esc comes back).
func jumpFromHistory(_ s: inout AppState, _ row: Row) {
    guard let history = s.top.screen as? HistoryScreen, let item = history.entry(row, s.context), let key = item.keys.first else { return }
    let data = s.landscape.dataset
    var target = FocusTarget(key, in: data)
    if target.org == nil && target.footprint == nil { target.org = item.organisations.sorted().first }
    guard s.destination(for: target) != nil else {
        s.message = .init("The record this entry changed is no longer in the store: \(item.label).", isError: true)
        return
    }
    s.focus(on: target, jumping: true)
    s.message = .init(data.record(key) == nil ? "\(item.label): that record is no longer in the store; this is where it was."
                                               : "Went to: \(item.label).")
}

/// Answering a question: yes saves the edit it names (from the form it was asked from, the form
/// stays open until the store has it) or throws the form away; no goes back to where it was asked.
func answer(_ s: inout AppState, _ question: Question, _ command: Intent) -> [Effect] {
    switch command {
    case .confirm:
        switch question.onYes {
        case .commit(let edit):
            s.mode = question.returning
            return [.commit(edit)]
        case .discardForm:
            s.mode = .browsing
            s.message = .init("Closed without saving.")
        }
    case .decline, .cancel:
        s.mode = question.returning
        if question.form == nil { s.message = .init("Nothing was changed.") }
    default:
        break
    }
    return []
}
