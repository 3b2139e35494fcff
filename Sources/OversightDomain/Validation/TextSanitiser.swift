/// Cleans text on its way in (a paste, a CSV field, a command-line argument): terminal escape
/// sequences and control characters are removed whole, and the caller is told how many.
public enum TextSanitiser {
    public struct Result: Equatable, Sendable {
        public var text: String
        /// How many escape sequences and control characters were removed.
        public var removed: Int
    }

    public static func clean(_ input: String, multiline: Bool) -> Result {
        var output = String.UnicodeScalarView()
        var removed = 0
        let scalars = Array(input.unicodeScalars)
        var i = 0
        while i < scalars.count {
            let scalar = scalars[i]
            if scalar.value == 0x1B || scalar.value == 0x9B {
                i = endOfEscape(scalars, from: i)
                removed += 1
                continue
            }
            if scalar.value == 0x0D {
                // CR LF or a lone CR is a line break typed or pasted from another system.
                if i + 1 < scalars.count, scalars[i + 1].value == 0x0A { i += 1; continue }
                if multiline { output.append("\n") } else { output.append(" ") }
                i += 1
                continue
            }
            if scalar.value == 0x09 {
                output.append(" ")
                i += 1
                continue
            }
            if scalar.value == 0x0A && !multiline {
                output.append(" ")
                i += 1
                continue
            }
            if TextRules.isAllowed(scalar, multiline: multiline) {
                output.append(scalar)
            } else {
                removed += 1
            }
            i += 1
        }
        return Result(text: String(output), removed: removed)
    }

    /// The index just past an escape sequence starting at `start` (ESC or the one-byte CSI).
    static func endOfEscape(_ s: [Unicode.Scalar], from start: Int) -> Int {
        var i = start + 1
        var kind: UInt32 = s[start].value == 0x9B ? 0x5B : 0
        if kind == 0 {
            guard i < s.count else { return i }
            kind = s[i].value
            i += 1
        }
        switch kind {
        case 0x5B: // CSI: parameters and intermediates, then one final byte
            while i < s.count, (0x20...0x3F).contains(s[i].value) { i += 1 }
            if i < s.count, (0x40...0x7E).contains(s[i].value) { i += 1 }
            return i
        case 0x5D, 0x50, 0x58, 0x5E, 0x5F: // OSC, DCS, SOS, PM, APC: a string ended by BEL or ST
            let body = i
            while i < s.count {
                if s[i].value == 0x07 || s[i].value == 0x9C { return i + 1 }
                if s[i].value == 0x1B, i + 1 < s.count, s[i + 1].value == 0x5C { return i + 2 }
                i += 1
            }
            // Never ended: only the introducer goes. Without its ESC the rest is plain text, and
            // swallowing it would drop the remainder of a note along with the sequence.
            return body
        case 0x20...0x2F: // nF: intermediates then a final byte
            while i < s.count, (0x20...0x2F).contains(s[i].value) { i += 1 }
            return min(i + 1, s.count)
        default: // a two-character sequence such as ESC 7 or ESC c
            return i
        }
    }
}
