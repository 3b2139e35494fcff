import OversightDomain

/// What the importer would do, for the command to print and commit: the one edit (`Edit.importPublished`),
/// and what it reads as to a person (each file, trusts added or re-typed, figures replaced, rows the
/// framework does not know).
public struct NOFImportPlan: Sendable {
    public var batch: PublishedImport
    /// Each file with its release record, in the order given.
    public var files: [FileRead]
    public var added: [Organisation]
    public var retyped: [Retype]
    public var replaced: [Replacement]
    public var unknownRows: [UnknownRows]
    /// Things worth saying that are not problems (a `--quarter` that was not needed).
    public var notes: [String]

    public var edit: Edit { .importPublished(batch) }

    public struct FileRead: Sendable {
        public var path: String
        public var release: PublishedRelease
    }

    /// A trust the register held whose type or subtype the files give differently.
    public struct Retype: Sendable {
        public var before: Organisation
        public var after: Organisation
    }

    /// Figures in the store from an earlier release that this import replaces.
    public struct Replacement: Sendable {
        /// The release in the store whose figures go (its record, when the store holds it).
        public var releaseID: ReleaseID
        public var release: PublishedRelease?
        /// The file whose figures replace them.
        public var by: String
        public var kind: PublishedRelease.Kind
        public var quarters: [Period]
        /// Trust-quarters replaced.
        public var scorecards: Int
        /// The release in the store runs to a later quarter than the file replacing it (`--replace-newer`).
        public var newer: Bool
    }

    /// Rows whose `Metric_ID` the framework does not define: kept with the published rows, not scored.
    public struct UnknownRows: Sendable {
        public var path: String
        public var metric: MetricID
        public var rows: Int
        public var firstLine: Int
    }
}

/// What the user asked of the import besides the files.
public struct NOFImportOptions: Sendable {
    /// The quarter of files that name none (a data file without `Quarter` whose summary rows say none).
    public var quarter: Period?
    /// Allow a file to replace figures that came from a release running to a later quarter.
    public var replaceNewer: Bool
    /// When and by whom, for the release records; nil for a built store.
    public var importedAt: Timestamp?
    public var importedBy: String?

    public init(quarter: Period? = nil, replaceNewer: Bool = false, importedAt: Timestamp? = nil, importedBy: String? = nil) {
        self.quarter = quarter
        self.replaceNewer = replaceNewer
        self.importedAt = importedAt
        self.importedBy = importedBy
    }
}
