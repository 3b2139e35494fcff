import OversightDomain

/// Text from a file made safe to show in a message: a stored ESC or bidi override must never reach
/// the terminal, so such characters are written as `\u001B`; long text is shortened.
enum DisplayText {
    /// `"region"`, `"ab\u001B[31m"`, `"a very long value…"`.
    static func quoted(_ text: String, limit: Int = 40) -> String {
        "\"" + escaped(text, limit: limit) + "\""
    }

    static func escaped(_ text: String, limit: Int = 40) -> String {
        var result = ""
        var count = 0
        for scalar in text.unicodeScalars {
            if count == limit {
                result += "…"
                break
            }
            if TextRules.isAllowed(scalar, multiline: false) {
                result.unicodeScalars.append(scalar)
            } else {
                result += "\\u" + HexDigits.four(scalar.value)
            }
            count += 1
        }
        return result
    }

    /// A key made safe for a `DataPath` that will be printed.
    static func safeKey(_ key: String) -> String {
        key.unicodeScalars.allSatisfy { TextRules.isAllowed($0, multiline: false) } ? key : escaped(key, limit: 200)
    }
}
