import OversightDomain

/// The rows of every file gathered by trust and quarter: a data file's rows keyed by `Metric_ID`, a league
/// table's one line. Here the checks that need more than one row are made: a second row for the same trust,
/// quarter and metric; a trust whose name, type or region changes within a quarter; two files in one
/// import giving the same trust-quarter.
struct NOFTrustQuarters {
    struct Key: Hashable, Comparable {
        var code: OrgCode
        var quarter: Period
        static func < (a: Key, b: Key) -> Bool { a.code != b.code ? a.code < b.code : a.quarter < b.quarter }
    }

    struct DataGroup {
        var file: Int
        var trust: NOFTrust
        var line: Int
        var rows: [MetricID: PublishedRow]
    }

    struct LeagueEntry {
        var file: Int
        var row: NOFLeagueRow
    }

    private(set) var data: [Key: DataGroup] = [:]
    private(set) var league: [Key: LeagueEntry] = [:]

    var keys: [Key] { Set(data.keys).union(league.keys).sorted() }

    init(_ files: [NOFReadFile]) throws(NOFImportError) {
        for (index, file) in files.enumerated() {
            switch file.kind {
            case .dataFile: try addData(file, index: index, files: files)
            case .leagueTable: try addLeague(file, index: index, files: files)
            }
        }
    }

    private mutating func addData(_ file: NOFReadFile, index: Int, files: [NOFReadFile]) throws(NOFImportError) {
        // Gathered in an array first: updating a group in place in the dictionary would copy its rows.
        var slots: [Key: Int] = [:]
        var groups: [DataGroup] = []
        for row in file.data {
            let key = Key(code: row.trust.code, quarter: row.quarter!)
            guard let slot = slots[key] else {
                if let other = data[key] {
                    throw Self.overlap(files[other.file], file, key)
                }
                slots[key] = groups.count
                groups.append(DataGroup(file: index, trust: row.trust, line: row.row.line, rows: [row.metric: row.row]))
                continue
            }
            // Compared in place: a copy of the group would make the row insert below copy its rows.
            if groups[slot].trust != row.trust {
                throw NOFImportError(file: file.file.path, line: row.row.line,
                                     Self.inconsistency(groups[slot].trust, row.trust, firstLine: groups[slot].line, key))
            }
            guard let existing = groups[slot].rows[row.metric] else {
                groups[slot].rows[row.metric] = row.row
                continue
            }
            // E. coli and C. difficile may come as a rate row and a count row: both kept, the rate under the id.
            let countKey = NOFScorecardValues.countRow(of: row.metric)
            if existing.isCount != row.row.isCount, groups[slot].rows[countKey] == nil {
                groups[slot].rows[row.metric] = existing.isCount ? row.row : existing
                groups[slot].rows[countKey] = existing.isCount ? existing : row.row
                continue
            }
            throw NOFImportError(file: file.file.path, line: row.row.line, """
                a second row for \(key.code) \(row.metric) in \(key.quarter.label) (the first is on line \(existing.line)); \
                a data file has one row per trust, quarter and metric: download the file again
                """)
        }
        for (key, slot) in slots { data[key] = groups[slot] }
    }

    private mutating func addLeague(_ file: NOFReadFile, index: Int, files: [NOFReadFile]) throws(NOFImportError) {
        var lines: [Key: Int] = [:]
        for row in file.league {
            let key = Key(code: row.trust.code, quarter: row.quarter!)
            if let first = lines[key] {
                throw NOFImportError(file: file.file.path, line: row.line, """
                    a second row for \(key.code) in \(key.quarter.label) (the first is on line \(first)); a league table \
                    has one row per trust and quarter: download the file again
                    """)
            }
            if let other = league[key] { throw Self.overlap(files[other.file], file, key) }
            lines[key] = row.line
            league[key] = LeagueEntry(file: index, row: row)
        }
    }

    private static func overlap(_ first: NOFReadFile, _ second: NOFReadFile, _ key: Key) -> NOFImportError {
        NOFImportError(file: second.file.path, """
            this file and \(first.file.path) both hold \(key.quarter.label) figures (for \(key.code), and perhaps more); \
            import the later release on its own (a cumulative file restates the earlier quarters), or import them \
            one at a time, the older first
            """)
    }

    private static func inconsistency(_ first: NOFTrust, _ row: NOFTrust, firstLine: Int, _ key: Key) -> String {
        let field: (String, String, String)
        if first.name != row.name { field = ("Trust_name", first.name, row.name) }
        else if first.trustType != row.trustType { field = ("Trust_type", first.trustType, row.trustType) }
        else if first.subtype != row.subtype { field = ("Trust_subtype", first.subtype, row.subtype) }
        else { field = ("Region", first.region, row.region) }
        return """
            \(key.code)'s \(field.0) is “\(field.2)” here but “\(field.1)” on line \(firstLine), in the same quarter \
            (\(key.quarter.label)); one trust has one \(field.0) in a quarter: the file may be damaged, download it again
            """
    }
}
