import ArgumentParser
import Foundation

/// A list a script reads (notes, decisions, actions, the history): one table of named columns, written
/// as aligned text for a person, as one CSV table with a header row, or as JSON whose numbers are numbers.
struct ListReport {
    enum Value {
        case text(String)
        case number(Int)
        case flag(Bool)
        case none

        var shown: String {
            switch self {
            case .text(let text): return text
            case .number(let number): return String(number)
            case .flag(let flag): return flag ? "yes" : "no"
            case .none: return ""
            }
        }
    }

    /// Column names as they head the CSV and key the JSON (snake case, stable for scripts).
    var columns: [String]
    var rows: [[Value]]
    /// Columns the aligned table leaves out (ids scripts need and people do not), by name.
    var tableOmits: Set<String> = []

    /// Aligned columns; the last one (the text) runs on, its line breaks shown as " / ".
    func table() -> String {
        let shown = columns.indices.filter { !tableOmits.contains(columns[$0]) }
        let cells = rows.map { row in shown.map { row[$0].shown.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: " / ") } }
        let headers = shown.map { columns[$0].replacingOccurrences(of: "_", with: " ") }
        var widths = headers.map(\.count)
        for row in cells { for (i, cell) in row.enumerated() where i < shown.count - 1 { widths[i] = max(widths[i], cell.count) } }
        func line(_ row: [String]) -> String {
            row.enumerated().map { i, cell in i == row.count - 1 ? cell : cell.padded(widths[i]) }.joined(separator: "  ")
                .replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }
        return ([line(headers)] + cells.map(line)).joined(separator: "\n") + "\n"
    }

    /// One table: a header row, then a row per item, every text field through the CSV gate.
    func csv() -> String {
        let lines = [columns.map(CSVOutput.field).joined(separator: ",")]
            + rows.map { row in row.map { value in
                if case .flag(let flag) = value { return flag ? "true" : "false" }
                return CSVOutput.field(value.shown)
            }.joined(separator: ",") }
        return lines.joined(separator: "\n") + "\n"
    }

    /// An array of objects, keys in column order; counts and segments as JSON numbers, absent values as null.
    func json() -> String {
        let objects = rows.map { row in
            "  {" + zip(columns, row).map { name, value in JSONText.string(name) + ": " + JSONText.value(value) }.joined(separator: ", ") + "}"
        }
        return objects.isEmpty ? "[]\n" : "[\n" + objects.joined(separator: ",\n") + "\n]\n"
    }

    func write(_ format: ListFormat) {
        switch format {
        case .table: print(table(), terminator: "")
        case .csv: print(csv(), terminator: "")
        case .json: print(json(), terminator: "")
        }
    }
}

enum ListFormat: String, ExpressibleByArgument, CaseIterable {
    case table, csv, json
}

/// JSON text written by hand, so that the key order is the column order and a number is never a string.
enum JSONText {
    static func value(_ value: ListReport.Value) -> String {
        switch value {
        case .text(let text): return string(text)
        case .number(let number): return String(number)
        case .flag(let flag): return flag ? "true" : "false"
        case .none: return "null"
        }
    }

    static func string(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || (0x2028...0x2029).contains(scalar.value) {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
