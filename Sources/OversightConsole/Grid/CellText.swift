import Foundation
import OversightDomain

/// The last gate before text becomes cells: control characters and escape sequences are removed
/// whatever the store holds (the domain refuses them on the way in; this makes sure again on the
/// way out), emoji are taken apart into what every terminal draws alike, and on an ASCII terminal
/// letters are folded to their plain forms.
public enum CellText {
    public static func clean(_ text: String, ascii: Bool = false) -> String {
        var cleaned = text
        if needsCleaning(text) {
            cleaned = TextSanitiser.clean(text, multiline: false).text
            cleaned.unicodeScalars.removeAll(where: isEmojiJoiner)
        }
        if ascii, !cleaned.utf8.allSatisfy({ $0 < 0x80 }) { cleaned = fold(cleaned) }
        return cleaned
    }

    /// What joins emoji into one picture: the zero-width joiner, the variation selectors, skin-tone
    /// modifiers and tag characters (subdivision flags). ncurses measures a sequence scalar by
    /// scalar (wcwidth: 👨‍👩‍👧 is 6 columns), a terminal that joins it draws 2, and the grid can
    /// agree with only one of them, so the cells after it go stale. Without them each emoji is
    /// drawn, and counted, on its own: 👨👩👧 is 6 columns everywhere.
    static func isEmojiJoiner(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x200D, 0xFE0E, 0xFE0F, 0x1F3FB...0x1F3FF, 0xE0020...0xE007F: return true
        default: return false
        }
    }

    /// A fast scan of the UTF-8: C0 and DEL, C1 (C2 80…9F), the bidi overrides (E2 80 AA…AE,
    /// E2 81 A6…A9), and the emoji joiners (E2 80 8D, EF B8 8E…8F, F0 9F 8F BB…BF, F3 A0 80…81 …).
    static func needsCleaning(_ text: String) -> Bool {
        var previous: (UInt8, UInt8, UInt8) = (0, 0, 0)
        for byte in text.utf8 {
            if byte < 0x20 || byte == 0x7F { return true }
            if previous.2 == 0xC2, (0x80...0x9F).contains(byte) { return true }
            if previous.1 == 0xE2, previous.2 == 0x80, (0xAA...0xAE).contains(byte) || byte == 0x8D { return true }
            if previous.1 == 0xE2, previous.2 == 0x81, (0xA6...0xA9).contains(byte) { return true }
            if previous.1 == 0xEF, previous.2 == 0xB8, (0x8E...0x8F).contains(byte) { return true }
            if previous == (0xF0, 0x9F, 0x8F), (0xBB...0xBF).contains(byte) { return true }
            if previous.1 == 0xF3, previous.2 == 0xA0, (0x80...0x81).contains(byte) { return true }
            previous = (previous.1, previous.2, byte)
        }
        return false
    }

    static let asciiReplacements: [Character: String] = [
        "£": "GBP ", "–": "-", "—": "-", "‘": "'", "’": "'", "“": "\"", "”": "\"", "…": "...", "•": "*", "·": ".",
        "×": "x", "≤": "<=", "≥": ">=", "→": "->", "←": "<-", "▲": "^", "▼": "v", "›": ">", "€": "EUR ",
        "≈": "~", "÷": "/",
    ]

    /// `Zoë's £2m – déficit` → `Zoe's GBP 2m - deficit`; anything else outside ASCII becomes `?`.
    static func fold(_ text: String) -> String {
        var result = ""
        for character in text {
            if character.isASCII { result.append(character); continue }
            if let replacement = asciiReplacements[character] { result += replacement; continue }
            let folded = String(character).folding(options: [.diacriticInsensitive, .widthInsensitive], locale: nil)
            if folded.unicodeScalars.allSatisfy(\.isASCII) { result += folded } else { result += "?" }
        }
        return result
    }
}
