import OversightDomain

/// A NOF file's header: which column holds what, found by name (columns may come in any order, and
/// NHS England has spelt them `Sub-domain` and `Sub_domain`), and from the names which kind of file it is.
struct NOFHeader {
    /// The names as the file spells them, in file order.
    let names: [String]
    private let positions: [String: Int]

    /// Names compared without case, and with spaces and hyphens read as underscores.
    static func key(_ name: String) -> String {
        String(trimmed(name).lowercased().map { $0 == " " || $0 == "-" ? "_" : $0 })
    }

    init(_ names: [String], file: String, line: Int) throws(NOFImportError) {
        self.names = names.map(trimmed)
        var positions: [String: Int] = [:]
        for (index, name) in self.names.enumerated() where !name.isEmpty {
            if let earlier = positions[Self.key(name)] {
                throw NOFImportError(file: file, line: line,
                    "the header names the column “\(name)” twice (columns \(earlier + 1) and \(index + 1)); NHS England's files name each column once: download the file again")
            }
            positions[Self.key(name)] = index
        }
        self.positions = positions
    }

    func index(_ column: String) -> Int? { positions[Self.key(column)] }
    func has(_ column: String) -> Bool { index(column) != nil }

    // The columns of NHS England's "NOF CSV metadata" page, in its order.

    static let dataColumns = ["Quarter", "Region", "Trust_type", "Trust_subtype", "Trust_code", "Trust_name", "Domain",
                              "Sub-domain", "Metric_ID", "Metric_description", "Reporting_date", "Units", "Value",
                              "Median_value", "Lower_quartile", "Upper_quartile", "Rank"]
    /// What the importer reads from a data file; `Quarter` is optional (the first releases have none), and
    /// the domain and description columns are NHS England's labels, which the framework already holds.
    static let dataRequired = ["Region", "Trust_type", "Trust_subtype", "Trust_code", "Trust_name", "Metric_ID",
                               "Reporting_date", "Units", "Value", "Median_value", "Lower_quartile", "Upper_quartile", "Rank"]
    static let leagueColumns = ["Quarter", "Region", "Trust_type", "Trust_subtype", "Trust_code", "Trust_name",
                                "Average_score", "Likely_range_of_average_score", "Segment", "Trust_in_financial_deficit",
                                "Rank", "Likely_range_of_rank"]
    /// The quarter is in `Quarter`, or in the first release in `Reporting_date`; with neither, `--quarter` gives it.
    static let leagueRequired = ["Region", "Trust_type", "Trust_subtype", "Trust_code", "Trust_name", "Average_score",
                                 "Likely_range_of_average_score", "Segment", "Trust_in_financial_deficit", "Rank",
                                 "Likely_range_of_rank"]

    /// Columns only a data file has (a metric per row), and columns only a league table has (a trust per row).
    static let dataMarkers = ["Metric_ID", "Metric_description", "Value", "Median_value", "Lower_quartile", "Upper_quartile", "Units"]
    static let leagueMarkers = ["Average_score", "Likely_range_of_average_score", "Segment", "Trust_in_financial_deficit", "Likely_range_of_rank"]

    /// What the header says the file is: the kind whose own columns it has more of (at least two), so that
    /// a data file that lost a column is still recognised, and told which column it lacks. Both kinds name
    /// trusts; a file that names none (a list of metrics, say) is neither.
    var kind: PublishedRelease.Kind? {
        guard has("Trust_code") || has("Trust_name") else { return nil }
        let data = Self.dataMarkers.filter(has).count
        let league = Self.leagueMarkers.filter(has).count
        if data >= 2 && data > league { return .dataFile }
        if league >= 2 && league > data { return .leagueTable }
        return nil
    }

    /// The required columns the header lacks, as NHS England spells them.
    func missing(for kind: PublishedRelease.Kind) -> [String] {
        (kind == .dataFile ? Self.dataRequired : Self.leagueRequired).filter { !has($0) }
    }
}

/// Without surrounding spaces (and tabs), as a cell is compared; `Reporting_date` alone is kept verbatim.
func trimmed(_ text: String) -> String {
    guard let first = text.utf8.first, let last = text.utf8.last,
          first == 0x20 || first == 0x09 || last == 0x20 || last == 0x09 else { return text }
    var slice = Substring(text)
    while let c = slice.first, c == " " || c == "\t" { slice = slice.dropFirst() }
    while let c = slice.last, c == " " || c == "\t" { slice = slice.dropLast() }
    return String(slice)
}
