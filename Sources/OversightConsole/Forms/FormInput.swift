import OversightDomain

/// Typing into a form: characters, pastes, the line-editing keys, moving between fields and
/// through a choice list. Nothing here saves; what cannot be stored is refused as it arrives,
/// with a message, so the text in a field is always text the store would take.
extension Form {
    /// A typed character: into a text or date field, or the first letter of a choice.
    mutating func type(_ character: Character) {
        switch focused.kind {
        case .choice(let choices):
            chooseByFirstLetter(character, in: choices)
        case .fixed:
            break
        case .text, .longText, .date:
            let cleaned = TextSanitiser.clean(String(character), multiline: focused.isMultiline)
            guard cleaned.removed == 0 else {
                let code = character.unicodeScalars.first.map { String($0.value, radix: 16, uppercase: true) } ?? "?"
                notice = .init("That character (U+\(code)) cannot be stored, so it was not typed.", isError: true)
                return
            }
            insert(cleaned.text)
        }
    }

    /// Pasted text: escape sequences and control characters removed (and counted), refused
    /// whole when it would take the field over its limit.
    mutating func paste(_ raw: String) {
        guard focused.isEditable else { return }
        if case .choice = focused.kind {
            notice = .init("Pasting works in text fields; choose from this list with ↑ ↓ or by typing a first letter.", isError: true)
            return
        }
        let cleaned = TextSanitiser.clean(raw, multiline: focused.isMultiline)
        if let limit = focused.limit, focused.buffer.count + cleaned.text.count > limit {
            notice = .init("Not pasted: \(focused.label) takes at most \(Form.count(limit)) characters and the pasted text is \(Form.count(cleaned.text.count)) (room for \(Form.count(max(0, limit - focused.buffer.count))) more).",
                           isError: true)
            return
        }
        updateFocused { $0.buffer.insert(cleaned.text); $0.error = nil }
        isChanged = true
        if cleaned.removed > 0 {
            let plural = cleaned.removed == 1 ? "" : "s"
            notice = .init("Removed \(cleaned.removed) control character\(plural) or escape sequence\(plural) from the pasted text.")
        } else {
            notice = nil
        }
    }

    /// Ctrl-J or Alt-Enter: a new line in a long text field.
    mutating func newLine() {
        guard focused.isMultiline else {
            notice = .init("\(focused.label) is one line; F2 saves the form.")
            return
        }
        insert("\n")
    }

    private mutating func insert(_ text: String) {
        if let limit = focused.limit, focused.buffer.count + text.count > limit {
            notice = .init("\(focused.label) is at its limit of \(Form.count(limit)) characters.", isError: true)
            return
        }
        updateFocused { $0.buffer.insert(text); $0.error = nil }
        isChanged = true
        // A refusal is over once typing goes on; news of what a paste lost stays until the next.
        if notice?.isError == true { notice = nil }
    }

    mutating func edit(_ change: (inout TextBuffer) -> Void) {
        guard focused.isEditable, focused.choices.isEmpty else { return }
        let before = focused.buffer
        updateFocused { change(&$0.buffer) }
        if focused.buffer.text != before.text {
            isChanged = true
            updateFocused { $0.error = nil }
        }
    }

    /// ← and → move the cursor in text, and through the entries of a choice list.
    mutating func moveCursor(by step: Int) {
        if !focused.choices.isEmpty { stepChoice(by: step); return }
        edit { step < 0 ? $0.moveLeft() : $0.moveRight() }
    }

    /// ↑ and ↓: through a choice list's entries; elsewhere to the field above or below.
    mutating func moveVertically(by step: Int) {
        if !focused.choices.isEmpty { stepChoice(by: step) } else { moveFocus(by: step) }
    }

    /// Home and End: the start and end of the line, or the first and last entry of a list.
    mutating func moveToLineEdge(end: Bool) {
        if !focused.choices.isEmpty {
            stepChoice(by: end ? focused.choices.count : -focused.choices.count)
            return
        }
        edit { end ? $0.moveToLineEnd() : $0.moveToLineStart() }
    }

    mutating func stepChoice(by step: Int) {
        let count = focused.choices.count
        guard count > 0 else { return }
        let target = min(max(0, focused.chosen + step), count - 1)
        choose(target)
    }

    /// Chooses an entry; a text field following this choice takes the new default if it still
    /// held the old one (Applied by changes with the type until someone types into it).
    mutating func choose(_ index: Int) {
        guard index != focused.chosen else { return }
        let old = focused.choice?.value
        updateFocused { $0.chosen = index; $0.error = nil }
        isChanged = true
        guard let follow, follow.choice == focused.id, let new = focused.choice?.value,
              let target = fields.firstIndex(where: { $0.id == follow.field }) else { return }
        let current = fields[target].text
        if current.isEmpty || current == old.flatMap({ follow.defaults[$0] }) {
            fields[target].buffer = TextBuffer(follow.defaults[new] ?? "")
        }
    }

    /// The next entry (after the chosen one, wrapping round) whose label or value starts with the letter.
    private mutating func chooseByFirstLetter(_ character: Character, in choices: [Choice]) {
        let key = String(character).lowercased()
        let order = (1...choices.count).map { (focused.chosen + $0) % choices.count }
        guard let found = order.first(where: { choices[$0].label.lowercased().hasPrefix(key) || choices[$0].value.lowercased().hasPrefix(key) }) else {
            notice = .init("No entry of \(focused.label) starts with “\(character)”.", isError: true)
            return
        }
        choose(found)
        notice = nil
    }

    /// 16000 → "16,000".
    static func count(_ n: Int) -> String {
        let digits = Array(String(n))
        var text = ""
        for (i, digit) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { text.append(",") }
            text.append(digit)
        }
        return text
    }
}
