import OversightDomain

/// One row of a NOF league table, read. The release is not known until the whole file has been read
/// (its id names the framework of its quarters), so the line is made later.
struct NOFLeagueRow: Sendable {
    var quarter: Period?
    var trust: NOFTrust
    var averageScore: Double?
    var averageScoreRange: String?
    var segment: Int?
    var inDeficit: Bool?
    var rank: Int?
    var rankRange: String?
    var line: Int

    func published(_ release: ReleaseID) -> PublishedLeagueLine {
        PublishedLeagueLine(release: release, averageScore: averageScore, averageScoreRange: averageScoreRange, segment: segment,
                            inDeficit: inDeficit, rank: rank, rankRange: rankRange, line: line)
    }
}

/// A league table read row by row: one row per trust, the quarter in `Quarter` or (the first release)
/// `Reporting_date`.
enum NOFLeagueTable {
    static func rows(_ table: inout NOFTable) throws(NOFImportError) -> [NOFLeagueRow] {
        let h = table.header
        let quarterColumn = h.index("Quarter") ?? h.index("Reporting_date")
        let quarterName = h.index("Quarter") != nil ? "Quarter" : "Reporting_date"
        let averageColumn = h.index("Average_score")!, averageRangeColumn = h.index("Likely_range_of_average_score")!
        let segmentColumn = h.index("Segment")!, deficitColumn = h.index("Trust_in_financial_deficit")!
        let rankColumn = h.index("Rank")!, rankRangeColumn = h.index("Likely_range_of_rank")!
        var rows: [NOFLeagueRow] = []
        for record in table.records {
            let line = record.line
            let fields = try table.fields(record)
            let trust = try table.trust(fields, line: line)
            var quarter: Period?
            if let quarterColumn {
                guard let read = NOFQuarter.parse(fields[quarterColumn]) else {
                    throw table.problem(line, "\(quarterName) “\(fields[quarterColumn])” is not a quarter like Q1 2025/26; correct the cell or download the file again")
                }
                quarter = read
            }
            guard let average = NOFCells.decimal(fields[averageColumn]) else {
                throw table.problem(line, "Average_score “\(fields[averageColumn])” for \(trust.code) is not a number; correct the cell or download the file again")
            }
            guard let segment = NOFCells.whole(fields[segmentColumn]), segment.map({ (1...5).contains($0) }) ?? true else {
                throw table.problem(line, "Segment “\(fields[segmentColumn])” for \(trust.code) is not a segment from 1 to 5; correct the cell or download the file again")
            }
            guard let deficit = NOFCells.flag(fields[deficitColumn]) else {
                throw table.problem(line, "Trust_in_financial_deficit “\(fields[deficitColumn])” for \(trust.code) is not Yes or No; correct the cell or download the file again")
            }
            guard let rank = NOFCells.whole(fields[rankColumn]), rank.map({ $0 >= 1 }) ?? true else {
                throw table.problem(line, "Rank “\(fields[rankColumn])” for \(trust.code) is not a rank (a whole number from 1, like 44 or 44.0); correct the cell or download the file again")
            }
            func text(_ column: Int) -> String? {
                let value = trimmed(fields[column])
                return value.isEmpty ? nil : value
            }
            rows.append(NOFLeagueRow(quarter: quarter, trust: trust, averageScore: average, averageScoreRange: text(averageRangeColumn),
                                     segment: segment, inDeficit: deficit, rank: rank, rankRange: text(rankRangeColumn), line: line))
        }
        return rows
    }
}
