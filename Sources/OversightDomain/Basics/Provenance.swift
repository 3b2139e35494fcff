/// Where a record came from. Every record carries one, so that a screen can say
/// "illustrative" or "UNVERIFIED" wherever that is the truth.
public struct Provenance: Hashable, Codable, Sendable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        /// Read from a named public source.
        case sourced
        /// From a source, but not confirmed (a researcher's classification, a secondary report).
        case unverified
        /// Made up by the seeded generator so that every screen has something to show.
        case illustrative
        /// Entered by a user of this console.
        case recorded
    }

    public var kind: Kind
    /// A citation or URL; for illustrative records, the generator and its seed.
    public var source: String?
    /// What a reader should know about it, e.g. why it is unverified.
    public var note: String?

    public init(_ kind: Kind, source: String? = nil, note: String? = nil) {
        self.kind = kind
        self.source = source
        self.note = note
    }

    public static let recorded = Provenance(.recorded)

    /// A short tag for screens: "", "UNVERIFIED", "illustrative".
    public var tag: String {
        switch kind {
        case .sourced, .recorded: return ""
        case .unverified: return "UNVERIFIED"
        case .illustrative: return "illustrative"
        }
    }
}
