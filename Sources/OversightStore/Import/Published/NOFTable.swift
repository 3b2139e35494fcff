import OversightDomain

/// A trust as a row of a NOF file names it, with the league table its type puts it in.
struct NOFTrust: Equatable, Sendable {
    var code: OrgCode
    var name: String
    var trustType: String
    var subtype: String
    var region: String
    var peerGroup: PeerGroup
}

/// The records of one file and the columns they are read by: the first step for either kind of file.
struct NOFTable {
    let file: NOFFile
    let header: NOFHeader
    let headerLine: Int
    let kind: PublishedRelease.Kind
    let records: ArraySlice<CSVRecords.Record>
    /// Where the trust's cells are, looked up once rather than per row.
    private let codeColumn, nameColumn, typeColumn, subtypeColumn, regionColumn: Int
    /// Trust types read once per spelling: a file repeats one or two labels thousands of times.
    private var peerGroups: [String: PeerGroup] = [:]

    init(_ file: NOFFile) throws(NOFImportError) {
        self.file = file
        if file.bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            throw NOFImportError(file: file.path, "this is a spreadsheet (.xlsx), not CSV; download the CSV version of the file from NHS England")
        }
        let records: [CSVRecords.Record]
        do {
            records = try CSVRecords.read(file.bytes)
        } catch {
            throw NOFImportError(file: file.path, line: error.line, error.message)
        }
        guard let first = records.first else {
            throw NOFImportError(file: file.path, "the file is empty; download it again from NHS England")
        }
        header = try NOFHeader(first.fields, file: file.path, line: first.line)
        headerLine = first.line
        guard let kind = header.kind else {
            throw NOFImportError(file: file.path, line: first.line, """
                this is not a NOF data file or league table: a data file's header is \
                \(NOFHeader.dataColumns.joined(separator: ",")) (Quarter may be absent); a league table's is \
                \(NOFHeader.leagueColumns.joined(separator: ",")) (Reporting_date in place of Quarter in the first release). \
                Check that this is one of NHS England's NOF CSV downloads
                """)
        }
        self.kind = kind
        let missing = header.missing(for: kind)
        guard missing.isEmpty else {
            let expected = kind == .dataFile ? NOFHeader.dataColumns : NOFHeader.leagueColumns
            throw NOFImportError(file: file.path, line: first.line, """
                the header of this \(kind.label) lacks \(missing.joined(separator: ", ")); it should be \
                \(expected.joined(separator: ",")). Download the file again from NHS England
                """)
        }
        self.records = records.dropFirst()
        (codeColumn, nameColumn, typeColumn, subtypeColumn, regionColumn) = (header.index("Trust_code")!, header.index("Trust_name")!, header.index("Trust_type")!,
                                               header.index("Trust_subtype")!, header.index("Region")!)
    }

    /// An error at a line of this file.
    func problem(_ line: Int, _ message: String) -> NOFImportError {
        NOFImportError(file: file.path, line: line, message)
    }

    /// The fields of a record, checked against the header's width: a short row is how a file cut short
    /// in the middle of a download, or a value with an unquoted comma, shows.
    func fields(_ record: CSVRecords.Record) throws(NOFImportError) -> [String] {
        guard record.fields.count == header.names.count else {
            throw problem(record.line, """
                this row has \(record.fields.count) fields where the header has \(header.names.count) \
                (\(header.names.joined(separator: ","))); the file may be cut short or damaged: download it again
                """)
        }
        return record.fields
    }

    /// The trust a row names: its code checked, its type read into a peer group.
    mutating func trust(_ fields: [String], line: Int) throws(NOFImportError) -> NOFTrust {
        let codeText = fields[codeColumn]
        guard let code = NOFCells.trustCode(codeText) else {
            throw problem(line, "Trust_code “\(codeText)” is not an ODS trust code (3 or 5 letters and digits, like RX1 or G6V2S); correct the cell or download the file again")
        }
        let name = trimmed(fields[nameColumn])
        guard !name.isEmpty else { throw problem(line, "Trust_name is blank for \(code); the file may be damaged: download it again") }
        let type = trimmed(fields[typeColumn])
        let group: PeerGroup
        if let known = peerGroups[type] {
            group = known
        } else {
            guard let read = NOFLabels.peerGroup(trustType: type) else {
                throw problem(line, "Trust_type “\(type)” is not one the importer knows (\(NOFLabels.knownTrustTypes)); if NHS England has renamed a trust type, it needs adding to NOFLabels")
            }
            peerGroups[type] = read
            group = read
        }
        return NOFTrust(code: code, name: name, trustType: type, subtype: trimmed(fields[subtypeColumn]),
                        region: trimmed(fields[regionColumn]), peerGroup: group)
    }
}
