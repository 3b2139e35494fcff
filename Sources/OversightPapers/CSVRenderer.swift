/// CSV (RFC 4180): UTF-8, a header row, CRLF line ends, fields quoted where they must be; numbers as real
/// numbers and dates as ISO 8601 (`Cell.plain`). One table per file: the paper's own.
public enum CSVRenderer {
    public static func render(_ paper: Paper) -> String {
        render(paper.table)
    }

    public static func render(_ table: PaperTable) -> String {
        var lines = [table.columns.map(field).joined(separator: ",")]
        for row in table.rows {
            let full = row + Array(repeating: Cell.empty, count: max(0, table.columns.count - row.count))
            lines.append(full.map { field($0.plain) }.joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// A field a spreadsheet would read as a formula (=, +, -, @ first) is prefixed with an apostrophe:
    /// recorded text is not trusted to be inert in Excel. Numbers are written by us and never start so,
    /// except negatives, which are left alone.
    static func field(_ text: String) -> String {
        var value = text
        if let first = value.first, "=+@".contains(first) || (first == "-" && Double(value) == nil) { value = "'" + value }
        let needsQuotes = value.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
        return needsQuotes ? "\"" + value.replacingAll("\"", with: "\"\"") + "\"" : value
    }
}
