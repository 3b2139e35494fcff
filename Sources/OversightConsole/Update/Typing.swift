import OversightDomain

/// The one-line inputs: a filter for the list on top, and go-to (an organisation, a footprint, or
/// a command by name).
enum Typing {
    /// Typing a filter: each character narrows the list on top at once; Enter keeps the filter, Esc clears it.
    static func filter(_ s: inout AppState, _ text: String, _ intent: Intent) -> [Effect] {
        switch intent {
        case .type, .paste, .erase:
            var text = text
            if intent == .erase { if !text.isEmpty { text.removeLast() } } else { text += typedText(intent) }
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
    static func goTo(_ s: inout AppState, _ goTo: GoToState, _ intent: Intent) -> [Effect] {
        func typed(_ buffer: TextBuffer) -> GoToState { GoToState(buffer: buffer, matches: GoTo.matches(buffer.text, state: s)) }
        func edited(_ change: (inout TextBuffer) -> Void) -> GoToState {
            var next = goTo
            change(&next.buffer)
            // Only a change of text re-ranks the matches (and puts the choice back on the first); a cursor move keeps both.
            return next.text == goTo.text ? next : typed(next.buffer)
        }
        var goTo = goTo
        switch intent {
        case .type, .paste: goTo = edited { $0.insert(typedText(intent)) }
        case .erase: goTo = edited { $0.erasePrevious() }
        case .deleteForward: goTo = edited { $0.eraseNext() }
        case .eraseToLineStart: goTo = edited { $0.eraseToLineStart() }
        case .eraseToLineEnd: goTo = edited { $0.eraseToLineEnd() }
        case .cursorLeft: goTo = edited { $0.moveLeft() }
        case .cursorRight: goTo = edited { $0.moveRight() }
        case .lineStart: goTo = edited { $0.moveToLineStart() }
        case .lineEnd: goTo = edited { $0.moveToLineEnd() }
        case .moveDown: goTo.cursor = min(goTo.cursor + 1, max(0, goTo.matches.count - 1))
        case .moveUp: goTo.cursor = max(0, goTo.cursor - 1)
        case .complete:
            if let chosen = goTo.chosen { goTo = typed(TextBuffer(chosen.completion)) }
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
    private static func typedText(_ intent: Intent) -> String {
        switch intent {
        case .type(let c): return TextSanitiser.clean(String(c), multiline: false).text
        case .paste(let raw): return TextSanitiser.clean(raw, multiline: false).text
        default: return ""
        }
    }

    private static func go(_ s: inout AppState, to target: GoToMatch.Target) -> [Effect] {
        switch target {
        case .command(let intent):
            let (after, effects) = update(s, intent)
            s = after
            return effects
        case .organisation(let code):
            let before = s.stack
            s.replaceStack(with: GoTo.path(to: code, state: s), selecting: code.rawValue)
            s.cameFrom = GoToReturn(stack: before, depth: s.stack.count)
        case .footprint(let id):
            let before = s.stack
            if let era = s.landscape.footprint(id)?.era, era != s.viewpoint.era {
                s.viewpoint.era = era
                s.rebuildAll()
            }
            s.replaceStack(with: GoTo.path(to: id, state: s), selecting: nil)
            s.cameFrom = GoToReturn(stack: before, depth: s.stack.count)
        }
        if let from = s.cameFrom?.stack.last, let text = s.message?.text {
            s.message = .init(text + " Esc goes back to " + from.screen.crumb(s.context) + ".")
        }
        return []
    }
}
