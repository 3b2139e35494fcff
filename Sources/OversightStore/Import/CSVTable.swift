import SwiftCSV

/// A CSV file read into rows, each with the line it starts on, so that every problem can be
/// reported as "FILE line N". Quoting is SwiftCSV's; what it lets through silently (an unclosed
/// quote, a row with the wrong number of fields, a missing column) is caught here.
public struct CSVTable: Sendable {
    public struct Row: Sendable {
        /// The 1-based line the row starts on.
        public let line: Int
        let fields: [String]
        let columns: [String: Int]

        /// The field under a column name, trimmed; "" when the column is absent.
        public subscript(_ column: String) -> String {
            guard let index = columns[column], index < fields.count else { return "" }
            return trim(fields[index])
        }
    }

    public let file: String
    public let header: [String]
    public let rows: [Row]

    /// Reads `text`, requiring the `required` columns (in any order); other columns are kept but unused.
    public static func parse(_ text: String, file: String, required: [String]) throws(CSVFileError) -> CSVTable {
        var body = text
        if body.hasPrefix("\u{FEFF}") { body.removeFirst() }
        if let line = unclosedQuoteLine(body) {
            throw CSVFileError(file: file, line: line, message: "a quoted field opened here is never closed; add the closing \"")
        }
        var records: [[String]] = []
        do {
            try EnumeratedCSV(string: body, loadColumns: false).enumerateAsArray(startAt: 0, rowLimit: nil) { records.append($0) }
        } catch {
            throw CSVFileError(file: file, line: nil, message: "it is not valid CSV (\(error)); check the quotes")
        }
        // Each record starts one line after the previous one ended: count the newlines inside quoted fields.
        var line = 1
        var numbered: [(line: Int, fields: [String])] = []
        for record in records {
            numbered.append((line, record))
            line += 1 + record.reduce(0) { $0 + $1.reduce(0) { $1.isNewline ? $0 + 1 : $0 } }
        }
        numbered.removeAll { $0.fields.allSatisfy { trim($0).isEmpty } }
        guard let first = numbered.first else {
            throw CSVFileError(file: file, line: 1, message: "the file is empty; it needs a header row: \(required.joined(separator: ","))")
        }
        let header = first.fields.map(trim)
        var columns: [String: Int] = [:]
        for (index, name) in header.enumerated() {
            if columns[name] != nil {
                throw CSVFileError(file: file, line: first.line, message: "the column “\(name)” appears twice in the header")
            }
            columns[name] = index
        }
        let missing = required.filter { columns[$0] == nil }
        if !missing.isEmpty {
            throw CSVFileError(file: file, line: first.line,
                               message: "the header lacks \(missing.joined(separator: ", ")); it should be: \(required.joined(separator: ","))")
        }
        var rows: [Row] = []
        for record in numbered.dropFirst() {
            guard record.fields.count == header.count else {
                throw CSVFileError(file: file, line: record.line,
                                   message: "expected \(header.count) fields (\(header.joined(separator: ","))), found \(record.fields.count)")
            }
            rows.append(Row(line: record.line, fields: record.fields, columns: columns))
        }
        return CSVTable(file: file, header: header, rows: rows)
    }

    /// Quotes pair up in well-formed CSV (an opening and a closing one, or a doubled one inside);
    /// an odd count means a field was opened and never closed. Returns the line of the last opening quote.
    static func unclosedQuoteLine(_ text: String) -> Int? {
        var line = 1
        var open: Int?
        for character in text {
            if character == "\"" { open = open == nil ? line : nil }
            if character.isNewline { line += 1 }
        }
        return open
    }
}

func trim(_ text: String) -> String {
    var slice = Substring(text)
    while let first = slice.first, first.isWhitespace { slice = slice.dropFirst() }
    while let last = slice.last, last.isWhitespace { slice = slice.dropLast() }
    return String(slice)
}

/// A problem in a CSV file, located by line: `VALUES.csv line 12: …`.
public struct CSVFileError: Error, Equatable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var message: String

    public init(file: String, line: Int?, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String { "\(file)\(line.map { " line \($0)" } ?? ""): \(message)" }
}
