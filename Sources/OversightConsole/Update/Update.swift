import OversightDomain

/// The console's behaviour as one pure function: a state and an intent give a new state and the
/// effects to perform. No terminal, no store, no clock: every rule here is testable as values.
/// While browsing, the screen on top handles the intent (`Screen.update`: its own keys, else what
/// every screen shares); in every other mode, the mode's own handler does, with what the mode holds.
public func update(_ state: AppState, _ intent: Intent) -> (AppState, [Effect]) {
    var next = state
    if case .resize(let width, let height) = intent {
        next.size = Size(width: width, height: height)
        let rows = next.pageRows
        next.updateTop { $0.list.scrollIntoView(rows: rows) }
        return (next, [])
    }
    next.message = nil
    if let handled = anyMode(&next, intent) {
        return (next, handled)
    }
    let effects: [Effect]
    switch state.mode {
    case .browsing: effects = state.top.screen.update(intent, &next)
    case .filtering(let text): effects = Typing.filter(&next, text, intent)
    case .goTo(let goTo): effects = Typing.goTo(&next, goTo, intent)
    case .form(let form): effects = fillIn(&next, form, intent)
    case .confirming(let question): effects = Answering.question(&next, question, intent)
    case .confirmingQuit: effects = Answering.quit(&next, intent)
    }
    let rows = next.pageRows
    next.updateTop { $0.list.scrollIntoView(rows: rows) }
    return (next, effects)
}

/// What is handled the same in every mode: text set aside, the key that ends the wait after a save,
/// and a key this console does not know. Nil when the mode's own handler is to have the intent.
private func anyMode(_ s: inout AppState, _ intent: Intent) -> [Effect]? {
    switch intent {
    case .setAside(let text):
        let kept = TextSanitiser.clean(text, multiline: true).text
        guard !kept.trimmingCharactersInSpaces().isEmpty else {
            s.message = .init("That looked like typing, so nothing was done.")
            return []
        }
        s.setAside = kept
        s.message = .init("That looked like typing, so nothing was done. Kept for a note (n): “\(SetAside.preview(kept))”.")
        return []
    case .ready:
        s.message = .init("Keys are commands again.")
        return []
    case .unknownKey(let sequence):
        let text = "Unknown key (\(Key.spelled(sequence))): nothing was done."
        if case .form(var form) = s.mode {
            form.notice = .init(text, isError: true)
            s.mode = .form(form)
        } else {
            s.message = .init(text, isError: true)
        }
        return []
    case .notHere(let key):
        s.message = .init(notHere(key, on: s.topKind))
        return []
    default:
        return nil
    }
}

/// Why a key did nothing: what it does where it works, or that it does nothing anywhere.
func notHere(_ key: Key, on screen: ScreenKind) -> String {
    guard let binding = CommandTable.all.first(where: { $0.keys.contains(key) }) else {
        return "\(key.label) does nothing in oversight; F1 lists the keys for this screen."
    }
    // The hint bar's short name where there is one: the full help would wrap the status line at 80 columns.
    let what = binding.hint?.label ?? (binding.help.prefix(1).lowercased() + binding.help.dropFirst())
    return "\(key.label) (\(what)) is not offered on the \(screen.title.lowercased()) screen; F1 lists its keys."
}

/// Text that was set aside, as the status line quotes it.
enum SetAside {
    static func preview(_ text: String) -> String {
        let line = text.split(whereSeparator: \.isNewline).joined(separator: " / ")
        return line.count > 40 ? String(line.prefix(39)) + "…" : line
    }
}
