/// Turns an ODS name in capitals into the way people write it:
/// `THE QUEEN ELIZABETH HOSPITAL, KING'S LYNN, NHS FOUNDATION TRUST` →
/// `The Queen Elizabeth Hospital, King's Lynn, NHS Foundation Trust`.
enum TitleCase {
    /// Kept in capitals.
    static let acronyms: Set<String> = ["NHS", "ICB", "CCG", "UCL", "UCLH", "CQC", "GP"]
    /// Lower case except at the start of the name.
    static let minorWords: Set<String> = ["AND", "OF", "THE", "UPON", "FOR", "ON", "IN", "AT", "TO", "WITH"]

    static func apply(_ text: String) -> String {
        var result: [String] = []
        for (index, word) in text.split(separator: " ", omittingEmptySubsequences: true).enumerated() {
            result.append(convert(String(word), isFirst: index == 0))
        }
        return result.joined(separator: " ")
    }

    /// One space-separated word, which may carry punctuation ("LYNN,") or hyphens ("STOKE-ON-TRENT").
    static func convert(_ word: String, isFirst: Bool) -> String {
        let parts = word.split(separator: "-", omittingEmptySubsequences: false)
        return parts.enumerated().map { i, part in
            convertPart(String(part), isFirst: isFirst && i == 0, isLastOfHyphenated: parts.count > 1 && i == parts.count - 1)
        }.joined(separator: "-")
    }

    static func convertPart(_ part: String, isFirst: Bool, isLastOfHyphenated: Bool) -> String {
        // Split off trailing punctuation such as a comma, but keep apostrophes with the word.
        let core = String(part.prefix { $0.isLetter || $0.isNumber || $0 == "'" || $0 == "’" })
        let tail = String(part.dropFirst(core.count))
        guard !core.isEmpty else { return part }
        let upper = core.uppercased()
        if acronyms.contains(upper) { return upper + tail }
        if minorWords.contains(upper) && !isFirst && !isLastOfHyphenated { return core.lowercased() + tail }
        return capitalised(core) + tail
    }

    /// First letter up, the rest down: `GUY'S` → `Guy's`, `THOMAS'` → `Thomas'`.
    static func capitalised(_ word: String) -> String {
        guard let first = word.first else { return word }
        return first.uppercased() + word.dropFirst().lowercased()
    }
}
