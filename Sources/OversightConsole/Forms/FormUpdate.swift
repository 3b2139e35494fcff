import OversightDomain

/// Keys while a form is open: typing and line editing go to the field with the cursor; Tab,
/// Shift-Tab and the arrows move between fields (or through a choice list); F2 or Ctrl-O saves when
/// every field is good, else puts the messages beside the fields; Esc and Ctrl-C close, asking
/// first if anything was typed. A save that changes something for good (closing an intervention)
/// asks first.
///
/// Enter never saves from the middle of a form: in a note or a rationale it starts a new line (people
/// press it there to start one, and a save it made took the rest of their typing for commands), in
/// another field it moves to the next, and only from the last field does it save, as people expect
/// of a one-line form.
func fillIn(_ s: inout AppState, _ form: Form, _ intent: Intent) -> [Effect] {
    var form = form
    switch intent {
    case .type(let c): form.type(c)
    case .paste(let raw): form.paste(raw)
    case .erase: form.edit { $0.erasePrevious() }
    case .deleteForward: form.edit { $0.eraseNext() }
    case .cursorLeft: form.moveCursor(by: -1)
    case .cursorRight: form.moveCursor(by: 1)
    case .lineStart: form.moveToLineEdge(end: false)
    case .lineEnd: form.moveToLineEdge(end: true)
    case .eraseToLineStart: form.edit { $0.eraseToLineStart() }
    case .eraseToLineEnd: form.edit { $0.eraseToLineEnd() }
    case .newLine: form.newLine()
    case .nextField: form.moveFocus(by: 1)
    case .previousField: form.moveFocus(by: -1)
    case .moveDown: form.moveVertically(by: 1)
    case .moveUp: form.moveVertically(by: -1)
    case .help: form.showsKeys.toggle()
    case .accept:
        if form.focused.isMultiline {
            form.newLine()
        } else if form.focus == form.fields.lastIndex(where: \.isEditable) {
            return save(&s, form)
        } else {
            form.moveFocus(by: 1)
        }
    case .save:
        return save(&s, form)
    case .cancel, .interrupt:
        guard form.isChanged else {
            s.mode = .browsing
            s.message = .init("Closed: nothing was saved.")
            return []
        }
        s.mode = .confirming(Question("Throw away what you typed in “\(form.title)”? y throws it away, n goes back to the form.",
                                      onYes: .discardForm, over: form))
        return []
    default:
        break
    }
    s.mode = .form(form)
    return []
}

/// Saves the form when every field is good (a save that changes something for good asks first);
/// else puts the messages beside the fields and says which need attention.
private func save(_ s: inout AppState, _ form: Form) -> [Effect] {
    if case .writePaper(let request) = form.purpose { return PaperForm.save(&s, form, request) }
    if case .suggestAgenda(let id) = form.purpose { return SuggestForm.open(&s, form, id) }
    var form = form
    if let reason = s.store.readOnly {
        form.notice = .init("Not saved: the store is \(reason). " + (s.store.explanation ?? ""), isError: true)
        s.mode = .form(form)
        return []
    }
    switch form.submitted(s, recorder: &s.recorder) {
    case .invalid(let checked):
        form = checked
        if form.notice == nil, form.hasErrors {
            let labels = form.fields.filter { $0.error != nil }.map(\.label)
            let named = labels.count == 1 ? labels[0] : labels.dropLast().joined(separator: ", ") + " and " + labels[labels.count - 1]
            form.notice = .init("Not saved: see the message\(labels.count == 1 ? "" : "s") beside \(named).", isError: true)
        }
    case .edit(let edit):
        // The form stays open until the store has the edit: a refused save shows its reason on it.
        if case .closeIntervention(let id, let end, _) = edit {
            s.mode = .confirming(Question(CloseInterventionForm.question(id, end: end, s.landscape.dataset), onYes: .commit(edit), over: form))
            return []
        }
        s.mode = .form(form)
        return [.commit(edit)]
    }
    s.mode = .form(form)
    return []
}
