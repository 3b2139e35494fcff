/// One published file as it was imported: which file (name, size, sha256), what it held (trust types,
/// quarters, trusts, rows) and what it replaced. Every published figure names its release, so a board
/// paper can say which download a number came from.
public struct PublishedRelease: Hashable, Codable, Sendable, Identified {
    public enum Kind: String, Codable, Sendable {
        /// A long-format data file: one row per trust, metric (and quarter).
        case dataFile = "data-file"
        /// A league table: one row per trust.
        case leagueTable = "league-table"

        public var label: String { self == .dataFile ? "data file" : "league table" }
    }

    /// `nof-2025-26:` and the first 12 hex digits of the file's sha256, so that the same bytes are the same release.
    public var id: ReleaseID
    public var framework: FrameworkID
    public var kind: Kind
    public var fileName: String
    public var byteCount: Int
    /// Lowercase hex.
    public var sha256: String
    /// The trust types as the file spells them ("Acute trust").
    public var trustTypes: [String]
    public var quarters: [Period]
    public var trusts: Int
    public var rows: Int
    /// Trusts the register did not hold, added from the file's own name and type.
    public var addedOrganisations: [OrgCode]
    /// Releases whose figures for some quarter this one replaced.
    public var replaced: [ReleaseID]
    /// When and by whom it was imported; nil in the bundled store, which is built, not imported by a person.
    public var imported: Timestamp?
    public var importedBy: String?
    public var provenance: Provenance

    public init(id: ReleaseID, framework: FrameworkID, kind: Kind, fileName: String, byteCount: Int, sha256: String,
                trustTypes: [String], quarters: [Period], trusts: Int, rows: Int, addedOrganisations: [OrgCode] = [],
                replaced: [ReleaseID] = [], imported: Timestamp? = nil, importedBy: String? = nil, provenance: Provenance) {
        self.id = id
        self.framework = framework
        self.kind = kind
        self.fileName = fileName
        self.byteCount = byteCount
        self.sha256 = sha256
        self.trustTypes = trustTypes
        self.quarters = quarters
        self.trusts = trusts
        self.rows = rows
        self.addedOrganisations = addedOrganisations
        self.replaced = replaced
        self.imported = imported
        self.importedBy = importedBy
        self.provenance = provenance
    }

    /// `nof-2025-26:3f9a0c1b2d4e`.
    public static func id(framework: FrameworkID, sha256: String) -> ReleaseID {
        ReleaseID("\(framework.rawValue):\(sha256.prefix(12))")
    }

    /// "data file nhs-oversight-framework-acute-trust-data.csv (Q1 2025/26)".
    public var label: String {
        let span = quarters.count <= 1 ? quarters.map(\.label).joined() : "\(quarters.first!.label)–\(quarters.last!.label)"
        return "\(kind.label) \(fileName)" + (span.isEmpty ? "" : " (\(span))")
    }
}

/// A published file, by framework and content hash.
public struct ReleaseID: Identifier { public let rawValue: String; public init(_ rawValue: String) { self.rawValue = rawValue } }
