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
