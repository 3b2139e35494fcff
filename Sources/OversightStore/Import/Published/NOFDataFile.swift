import OversightDomain

/// One row of a NOF data file, read: the trust, the quarter (from the `Quarter` column, or resolved for
/// the whole file when it has none), the row id and the row as published.
struct NOFDataRow: Sendable {
    var quarter: Period?
    var trust: NOFTrust
    var metric: MetricID
    var row: PublishedRow
}

/// A long-format data file read row by row. Each cell is checked as it is read, so the first bad one
/// stops the import at its line; nothing here knows the framework or the store.
enum NOFDataFile {
    static func rows(_ table: inout NOFTable) throws(NOFImportError) -> [NOFDataRow] {
        let h = table.header
        let quarterColumn = h.index("Quarter")
        let metricColumn = h.index("Metric_ID")!, dateColumn = h.index("Reporting_date")!, unitColumn = h.index("Units")!
        let valueColumn = h.index("Value")!, medianColumn = h.index("Median_value")!, lowerColumn = h.index("Lower_quartile")!
        let upperColumn = h.index("Upper_quartile")!, rankColumn = h.index("Rank")!
        var quarters: [String: Period] = [:]
        var rows: [NOFDataRow] = []
        rows.reserveCapacity(table.records.count)
        for record in table.records {
            let line = record.line
            let fields = try table.fields(record)
            let trust = try table.trust(fields, line: line)
            var quarter: Period?
            if let quarterColumn {
                let text = fields[quarterColumn]
                if let known = quarters[text] {
                    quarter = known
                } else {
                    guard let read = NOFQuarter.parse(text) else {
                        throw table.problem(line, "Quarter “\(text)” is not a quarter like Q1 2025/26; correct the cell or download the file again")
                    }
                    quarters[text] = read
                    quarter = read
                }
            }
            guard let metric = NOFCells.metricID(fields[metricColumn]) else {
                throw table.problem(line, "Metric_ID “\(fields[metricColumn])” is blank or not an id like OF0003; the file may be damaged: download it again")
            }
            func number(_ column: Int, _ name: String) throws(NOFImportError) -> Double? {
                guard let value = NOFCells.decimal(fields[column]) else {
                    throw table.problem(line, "\(name) “\(fields[column])” for \(trust.code) \(metric) is not a number; correct the cell (a number like 4.01, or blank) or download the file again")
                }
                return value
            }
            let value = try number(valueColumn, "Value")
            let median = try number(medianColumn, "Median_value")
            let lower = try number(lowerColumn, "Lower_quartile")
            let upper = try number(upperColumn, "Upper_quartile")
            guard let rank = NOFCells.whole(fields[rankColumn]), rank.map({ $0 >= 1 }) ?? true else {
                throw table.problem(line, "Rank “\(fields[rankColumn])” for \(trust.code) \(metric) is not a rank (a whole number from 1, like 44 or 44.0, or blank); correct the cell or download the file again")
            }
            // Reporting_date is kept exactly as spelt: it is the metric's own period, in a dozen spellings
            // ("Jun-25", "Jul 24 - Jun 25", "Month 3 2025", blank), shown as NHS England wrote it.
            let published = PublishedRow(value: value, unit: trimmed(fields[unitColumn]), reportingDate: fields[dateColumn],
                                         median: median, lowerQuartile: lower, upperQuartile: upper, rank: rank, line: line)
            rows.append(NOFDataRow(quarter: quarter, trust: trust, metric: metric, row: published))
        }
        return rows
    }

    /// The quarters a data file without a `Quarter` column names in its summary and domain rows
    /// (`Reporting_date` "Q1 2025/26"), which are the quarter the whole file is for.
    static func summaryQuarters(_ rows: [NOFDataRow]) -> Set<Period> {
        var texts: Set<String> = []
        for row in rows {
            switch PublishedRowID.kind(of: row.metric) {
            case .summary, .domainScore, .domainSegment: texts.insert(row.row.reportingDate)
            default: continue
            }
        }
        return Set(texts.compactMap(NOFQuarter.parse))
    }
}
