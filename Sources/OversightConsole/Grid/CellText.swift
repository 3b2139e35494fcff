import Foundation
import OversightDomain

/// The last gate before text becomes cells: control characters and escape sequences are removed
/// whatever the store holds (the domain refuses them on the way in; this makes sure again on the
/// way out), and on an ASCII terminal letters are folded to their plain forms.
public enum CellText {
    public static func clean(_ text: String, ascii: Bool = false) -> String {
        var cleaned = needsCleaning(text) ? TextSanitiser.clean(text, multiline: false).text : text
        if ascii, !cleaned.utf8.allSatisfy({ $0 < 0x80 }) { cleaned = fold(cleaned) }
        return cleaned
    }

    /// A fast scan of the UTF-8: C0 and DEL, C1 (C2 80…9F) and the bidi overrides (E2 80 AA…AE, E2 81 A6…A9).
    static func needsCleaning(_ text: String) -> Bool {
        var previous: (UInt8, UInt8) = (0, 0)
        for byte in text.utf8 {
            if byte < 0x20 || byte == 0x7F { return true }
            if previous.1 == 0xC2, (0x80...0x9F).contains(byte) { return true }
            if previous.0 == 0xE2, previous.1 == 0x80, (0xAA...0xAE).contains(byte) { return true }
            if previous.0 == 0xE2, previous.1 == 0x81, (0xA6...0xA9).contains(byte) { return true }
            previous = (previous.1, byte)
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
