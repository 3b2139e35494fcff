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
    /// How the value was worked out from its sources, when it was not read straight from them ("its
    /// 2017/18 footprint applied back to March 2016"); nil for a value a source states. A derived value
    /// may still be `sourced`: the kind says how far its sources can be trusted, this says it was inferred.
    public var derivation: String?

    public init(_ kind: Kind, source: String? = nil, note: String? = nil, derivation: String? = nil) {
        self.kind = kind
        self.source = source
        self.note = note
        self.derivation = derivation
    }

    /// Worked out from its sources rather than read from them.
    public var isDerived: Bool { derivation != nil }

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
