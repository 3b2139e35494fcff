/// The names of the characters stored text may not hold, as a message should say them.
enum ControlCharacterName {
    private static let c0 = [
        "NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS", "TAB", "LF", "VT", "FF", "CR", "SO", "SI",
        "DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB", "CAN", "EM", "SUB", "ESC", "FS", "GS", "RS", "US",
    ]

    private static let c1: [UInt32: String] = [
        0x85: "NEL", 0x90: "DCS", 0x9B: "CSI", 0x9C: "ST", 0x9D: "OSC", 0x9E: "PM", 0x9F: "APC",
    ]

    private static let bidi: [UInt32: String] = [
        0x202A: "LEFT-TO-RIGHT EMBEDDING", 0x202B: "RIGHT-TO-LEFT EMBEDDING", 0x202C: "POP DIRECTIONAL FORMATTING",
        0x202D: "LEFT-TO-RIGHT OVERRIDE", 0x202E: "RIGHT-TO-LEFT OVERRIDE", 0x2066: "LEFT-TO-RIGHT ISOLATE",
        0x2067: "RIGHT-TO-LEFT ISOLATE", 0x2068: "FIRST STRONG ISOLATE", 0x2069: "POP DIRECTIONAL ISOLATE",
    ]

    /// What is wrong with holding `scalar`: `an ESC (U+001B) control character; terminal escape codes are not allowed in stored text`.
    static func refusal(_ scalar: Unicode.Scalar) -> String {
        let code = "U+" + HexDigits.four(scalar.value)
        switch scalar.value {
        case 0x1B, 0x9B, 0x9D, 0x90:
            let name = scalar.value == 0x1B ? "ESC" : c1[scalar.value]!
            return "\(article(name)) \(name) (\(code)) control character; terminal escape codes are not allowed in stored text"
        case 0x00...0x1F:
            let name = c0[Int(scalar.value)]
            return "\(article(name)) \(name) (\(code)) control character; control characters are not allowed in stored text"
        case 0x7F:
            return "a DEL (\(code)) control character; control characters are not allowed in stored text"
        case 0x80...0x9F:
            let name = c1[scalar.value].map { " " + $0 } ?? ""
            return "a C1\(name) (\(code)) control character; control characters are not allowed in stored text"
        default:
            let name = bidi[scalar.value] ?? "bidirectional control"
            return "\(article(name)) \(name) (\(code)) character; bidirectional controls can make text display differently from what is stored"
        }
    }

    /// Names said with a leading vowel sound ("an ESC", "an LF"); the rest take "a" ("a NUL", "a TAB").
    private static let saidWithVowel: Set<String> = [
        "ESC", "EOT", "ENQ", "ETX", "ETB", "EM", "ACK", "SOH", "STX", "SO", "SI", "LF", "FF", "FS", "RS", "OSC", "APC", "ST",
    ]

    private static func article(_ name: String) -> String { saidWithVowel.contains(name) ? "an" : "a" }
}
