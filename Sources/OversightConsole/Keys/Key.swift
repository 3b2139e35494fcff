/// A key as the console understands it, whatever terminal it came from.
public enum Key: Hashable, Sendable {
    case character(Character)
    /// Ctrl with a letter: `.control("r")` is Ctrl-R.
    case control(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, escape, backspace, delete, tab, backTab
    case function(Int)
    /// The terminal changed size (ncurses' KEY_RESIZE).
    case resize
    /// Text pasted between the terminal's bracketed-paste marks, as it arrived (escape sequences
    /// and all). Cleaned before anything uses it.
    case paste(String)
    /// An escape sequence no key matched (a key this console does not know, such as Ctrl with an
    /// arrow on some terminals): said to be an unknown key, never taken for text or for Esc and letters.
    case unknown(String)

    /// How help, the hint bar and docs/keys.md name the key.
    public var label: String {
        switch self {
        case .character(" "): return "Space"
        case .character(let c): return String(c)
        case .control(let c): return "Ctrl-" + String(c).uppercased()
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .home: return "Home"
        case .end: return "End"
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .backspace: return "Backspace"
        case .delete: return "Delete"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .function(let n): return "F\(n)"
        case .resize: return "(resize)"
        case .paste: return "(paste)"
        case .unknown: return "(unknown key)"
        }
    }

    /// The label on the bottom bar, where room is short: `^R` for Ctrl-R.
    public var barLabel: String {
        if case .control(let c) = self { return "^" + String(c).uppercased() }
        if case .backTab = self { return "S-Tab" }
        return label
    }

    /// The label with ASCII arrows, for terminals without UTF-8.
    public var asciiLabel: String {
        switch self {
        case .up: return "Up"
        case .down: return "Down"
        case .left: return "Left"
        case .right: return "Right"
        default: return label
        }
    }

    /// A printable character typed into a text field (filter, go-to), if this key is one.
    public var typedCharacter: Character? {
        if case .character(let c) = self { return c }
        return nil
    }

    /// What the key adds to text that was typed or pasted without the terminal marking it: a
    /// character, a line break for Enter and Ctrl-J, a tab; nil for the keys that move or edit.
    var asText: String? {
        switch self {
        case .character(let c): return String(c)
        case .enter, .control("j"): return "\n"
        case .tab: return "\t"
        case .paste(let text): return text
        default: return nil
        }
    }

    /// The bytes of an unknown key, readable: `ESC [ 2 5 ~` (a name the terminal layer gave stays as it is).
    public static func spelled(_ sequence: String) -> String {
        guard sequence.hasPrefix("\u{1B}") else { return sequence }
        return sequence.unicodeScalars.map { scalar -> String in
            switch scalar.value {
            case 27: return "ESC"
            case 0..<32, 127: return "^" + String(Character(Unicode.Scalar((scalar.value + 64) & 0x7F)!))
            default: return String(Character(scalar))
            }
        }.joined(separator: " ")
    }
}
