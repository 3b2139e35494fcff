import OversightDomain

/// One labelled field of a form. Its `id` is the name the domain gives the field, so an
/// `EditError` naming `rationale` shows its message beside the Rationale field.
public struct FormField: Sendable, Codable {
    public enum Kind: Sendable, Codable {
        /// One line of text, at most `limit` characters.
        case text(limit: Int)
        /// Several lines (Ctrl-J or Alt-Enter starts a new one), at most `limit` characters.
        case longText(limit: Int)
        /// A date typed as 2025-07-01; `optional` allows it to be left empty.
        case date(optional: Bool)
        /// One of a catalogue's entries, chosen with the arrows or by typing its start.
        case choice([Choice])
        /// Shown for reference, not editable (what the record is about).
        case fixed
    }

    public var id: String
    public var label: String
    public var kind: Kind
    /// The text typed (text and date fields) or shown (fixed fields).
    public var buffer: TextBuffer
    /// The chosen entry (choice fields).
    public var chosen: Int
    /// A short help shown beside the field ("YYYY-MM-DD", "blank for none").
    public var hint: String
    /// Why the value cannot be saved, shown beside the field.
    public var error: String?

    public init(_ id: String, _ label: String, _ kind: Kind, text: String = "", chosen: Int = 0, hint: String = "") {
        self.id = id
        self.label = label
        self.kind = kind
        buffer = TextBuffer(text)
        self.chosen = chosen
        self.hint = hint
    }

    public var text: String { buffer.text }

    public var isEditable: Bool {
        if case .fixed = kind { return false }
        return true
    }

    public var isMultiline: Bool {
        if case .longText = kind { return true }
        return false
    }

    /// The longest text the field takes (the domain's limit).
    public var limit: Int? {
        switch kind {
        case .text(let limit), .longText(let limit): return limit
        case .date: return 11 // "~2017-07-01", an approximate day
        case .choice, .fixed: return nil
        }
    }

    public var choices: [Choice] {
        if case .choice(let choices) = kind { return choices }
        return []
    }

    /// The chosen entry of a choice field.
    public var choice: Choice? { choices.indices.contains(chosen) ? choices[chosen] : nil }
}

/// An entry of a choice list: its value, how it reads, and what it means.
public struct Choice: Hashable, Sendable, Codable {
    /// What is saved: "5", "recovery-support-programme", "open".
    public var value: String
    /// "5  Provider Improvement Programme".
    public var label: String
    /// The meaning, or who applies it, shown beside the chosen entry.
    public var detail: String
    /// What saving this entry will do, where that is not what the label says (a segment decision
    /// under a framework that computes segments does not change the segment): shown under the
    /// field whenever the entry is chosen, so it is read before saving, not discovered after.
    public var consequence: String

    public init(value: String, label: String, detail: String = "", consequence: String = "") {
        self.value = value
        self.label = label
        self.detail = detail
        self.consequence = consequence
    }
}
