import OversightDomain

/// One file read whole: what kind it is (from its header), its rows each with its quarter, and the
/// facts its release record keeps. Knows nothing of the store yet.
struct NOFReadFile: Sendable {
    let file: NOFFile
    let sha256: String
    let kind: PublishedRelease.Kind
    /// Every row, each with its quarter set.
    let data: [NOFDataRow]
    let league: [NOFLeagueRow]
    /// The quarters it holds, oldest first.
    let quarters: [Period]
    /// Trust types as spelt, in the order they first appear.
    let trustTypes: [String]
    let trusts: Set<OrgCode>
    /// What the user should know that is not a problem (a `--quarter` the file did not need).
    let notes: [String]

    var rowCount: Int { kind == .dataFile ? data.count : league.count }
    var newestQuarter: Period { quarters.last! }

    init(_ file: NOFFile, quarter given: Period?) throws(NOFImportError) {
        self.file = file
        var table = try NOFTable(file)
        kind = table.kind
        var notes: [String] = []
        var data: [NOFDataRow] = []
        var league: [NOFLeagueRow] = []
        let fileQuarter: Period?
        guard !table.records.isEmpty else {
            throw NOFImportError(file: file.path, "the file has a header but no rows; download it again from NHS England")
        }
        switch kind {
        case .dataFile:
            data = try NOFDataFile.rows(&table)
            fileQuarter = try Self.quarter(ofDataFile: table, rows: data, given: given, notes: &notes)
            if let fileQuarter { for i in data.indices { data[i].quarter = fileQuarter } }
        case .leagueTable:
            league = try NOFLeagueTable.rows(&table)
            fileQuarter = try Self.quarter(ofLeagueTable: table, given: given, notes: &notes)
            if let fileQuarter { for i in league.indices { league[i].quarter = fileQuarter } }
        }
        self.data = data
        self.league = league
        self.notes = notes
        var quarters: Set<Period> = []
        var types: [String] = []
        var trusts: Set<OrgCode> = []
        func note(_ quarter: Period?, _ trust: NOFTrust) {
            if let quarter { quarters.insert(quarter) }
            if types.last != trust.trustType && !types.contains(trust.trustType) { types.append(trust.trustType) }
            trusts.insert(trust.code)
        }
        for row in data { note(row.quarter, row.trust) }
        for row in league { note(row.quarter, row.trust) }
        self.quarters = quarters.sorted()
        trustTypes = types
        self.trusts = trusts
        sha256 = SHA256.hex(file.bytes)
    }

    /// The quarter of a data file without a `Quarter` column: the one its summary rows name, or the
    /// user's `--quarter`. Nil when the file has the column (each row then has its own).
    private static func quarter(ofDataFile table: NOFTable, rows: [NOFDataRow], given: Period?,
                                notes: inout [String]) throws(NOFImportError) -> Period? {
        if table.header.has("Quarter") {
            if let given { notes.append("--quarter \(given.id) was not used for \(table.file.name): its Quarter column names its quarters.") }
            return nil
        }
        let named = NOFDataFile.summaryQuarters(rows).sorted()
        if named.count > 1 {
            throw NOFImportError(file: table.file.path, """
                this data file has no Quarter column, yet its summary rows name \(named.count) quarters \
                (\(named.map(\.label).joined(separator: ", "))), so its rows cannot be told apart by quarter; \
                import the file as NHS England published it, with its Quarter column
                """)
        }
        if let only = named.first {
            if let given, given != only {
                throw NOFImportError(file: table.file.path, """
                    --quarter says \(given.label), but the file's summary rows say \(only.label); leave --quarter out, \
                    or check that this is the file you meant
                    """)
            }
            return only
        }
        guard let given else {
            throw NOFImportError(file: table.file.path, """
                this data file has no Quarter column, and its summary rows (OF5000 …) do not name a quarter in \
                Reporting_date; say which quarter it is with --quarter, for example --quarter 2025-26-Q1
                """)
        }
        return given
    }

    /// The quarter of a league table with neither `Quarter` nor `Reporting_date`: the user's `--quarter`.
    private static func quarter(ofLeagueTable table: NOFTable, given: Period?, notes: inout [String]) throws(NOFImportError) -> Period? {
        if table.header.has("Quarter") || table.header.has("Reporting_date") {
            if let given { notes.append("--quarter \(given.id) was not used for \(table.file.name): it names its quarter on every row.") }
            return nil
        }
        guard let given else {
            throw NOFImportError(file: table.file.path, """
                this league table has neither a Quarter nor a Reporting_date column; say which quarter it is with \
                --quarter, for example --quarter 2025-26-Q4
                """)
        }
        return given
    }
}
