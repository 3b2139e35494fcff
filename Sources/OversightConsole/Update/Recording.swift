import OversightDomain

/// The recording keys while browsing: each opens its form (or, for a delete, asks first) about
/// what the screen and its selected row are about; and the lists of notes, actions and history.
/// On a read-only store they explain why nothing can be recorded instead.
func record(_ s: inout AppState, _ intent: Intent) -> [Effect] {
    if refusedReadOnly(&s) { return [] }
    let context = s.context
    let selection = s.top.screen.selection(s.top.selectedRow, context)
    let opened: Result<Form, FormRefusal>
    switch intent {
    case .decideSegment:
        guard let org = selection.org else {
            return say(&s, "Choose an organisation first: d records a segment decision on a scorecard, or on a footprint's member.")
        }
        // At a meeting, the decision is for the quarter the meeting looked at (the item's published figures), whatever
        // period the console was showing before.
        var at = context
        if let link = selection.meeting, let meeting = context.landscape.dataset.meeting(link.meeting),
           let (framework, period) = MeetingMinutes.period(for: meeting, org: org, in: context.landscape.dataset) {
            at.viewpoint.framework = framework
            at.viewpoint.period = period
        }
        opened = SegmentDecisionForm.make(org: org, at, user: s.recorder.user)
    case .addNote:
        opened = NoteForm.makeNew(about: selection.subject, context, text: s.setAside)
    case .newMeeting:
        opened = MeetingForm.makeNew(context)
    case .suggestAgenda, .addTopic:
        guard let link = selection.meeting ?? s.top.screen.meetingShown else { return say(&s, "Open a meeting first (M, then Enter).") }
        opened = intent == .addTopic ? TopicItemForm.make(link.meeting, context) : SuggestForm.make(link.meeting, context)
    case .addAction:
        opened = ActionForm.make(about: selection.subject, context)
    case .addIntervention:
        guard let org = selection.org else {
            return say(&s, "Open an organisation first (: and its code); I adds an intervention to it.")
        }
        opened = InterventionForm.makeNew(org: org, context)
    case .logEvent:
        if let id = selection.intervention {
            opened = InterventionEventForm.make(id, context)
        } else if let id = selection.action {
            opened = ActionUpdateForm.make(id, context)
        } else {
            return say(&s, "Choose an intervention or an action first; v logs an event on the one, progress on the other.")
        }
    case .editItem:
        if let id = selection.intervention {
            opened = InterventionForm.makeEdit(id, context)
        } else if let id = selection.note {
            opened = NoteForm.makeEdit(id, context)
        } else if let id = selection.action {
            opened = ActionForm.makeEdit(id, context)
        } else if let link = selection.meeting {
            opened = link.item == nil ? MeetingForm.makeEdit(link.meeting, context) : AgendaItemForm.make(link, context)
        } else {
            return say(&s, "Choose a note, an action, an intervention, a meeting or an agenda item to change.")
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
        if let id = selection.note, let note = context.landscape.dataset.note(id) {
            s.mode = .confirming(Question(NoteForm.deleteQuestion(note, context.landscape), onYes: .commit(.deleteNote(id))))
        } else if let id = selection.action, let action = context.landscape.dataset.action(id) {
            s.mode = .confirming(Question(ActionForm.deleteQuestion(action), onYes: .commit(.deleteAction(id))))
        } else if let link = selection.meeting, let id = link.item, let meeting = context.landscape.dataset.meeting(link.meeting),
                  let item = meeting.item(id) {
            if meeting.isApproved { return say(&s, "Its minutes are approved, so the agenda is read-only.") }
            // Refused before asking: a yes that then fails would be worse than no question.
            if case .failure(let refusal) = Result(catching: { () throws(EditError) in try Edit.removeAgendaItem(link.meeting, id).change(against: context.landscape.dataset) }) {
                return say(&s, "“\(item.subject.label(in: context.landscape.dataset))” cannot be taken off: " + refusal.message + ".")
            }
            s.mode = .confirming(Question(AgendaItemForm.removeQuestion(item, meeting, context.landscape.dataset),
                                          onYes: .commit(.removeAgendaItem(link.meeting, id))))
        } else {
            return say(&s, "Choose a note, an action or an agenda item to delete.")
        }
        return []
    default:
        return []
    }
    switch opened {
    case .success(var form):
        if let link = selection.meeting, [.decideSegment, .addNote, .addAction, .addIntervention, .logEvent].contains(intent),
           let meeting = context.landscape.dataset.meeting(link.meeting) {
            // Said before anything is typed, not at save: nothing more can be tied to approved minutes.
            if meeting.isApproved {
                return say(&s, "The minutes of “\(meeting.title)” are approved, so nothing more can be recorded at it: "
                    + "record it from the trust's scorecard, or correct the minutes with `oversight meeting amend`.")
            }
            form.meeting = link
            let position = link.item.flatMap { item in meeting.items.firstIndex { $0.id == item } }.map { ", item \($0 + 1)" } ?? ""
            form.context.append("At “\(meeting.title)”\(position)")
        }
        if intent == .addNote, s.setAside != nil {
            form.notice = .init("The text that was set aside is in the note: change it as you like; F2 saves it.")
            form.isChanged = true
            s.setAside = nil
        }
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

func say(_ s: inout AppState, _ text: String) -> [Effect] {
    s.message = .init(text, isError: true)
    return []
}

/// `N` notes, `A` actions, `K` segment decisions, `H` history (of the organisation on screen, else of everything).
func openList(_ s: inout AppState, _ intent: Intent) {
    let selection = s.top.screen.selection(s.top.selectedRow, s.context)
    switch intent {
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
    case .decisions:
        if let org = selection.org {
            s.push(DecisionsScreen(org: org))
        } else if case .footprint(let id)? = selection.subject {
            s.push(DecisionsScreen(scope: .footprint(id)))
        } else {
            s.push(DecisionsScreen(scope: s.top.screen.interventionsScope(s.top.selectedRow, s.context) ?? .nation))
        }
    case .history:
        if case .organisation(let code)? = selection.subject { s.push(HistoryScreen(org: code)) } else { s.push(HistoryScreen()) }
    default:
        break
    }
}
