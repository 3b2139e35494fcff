import Foundation
import OversightDomain
import OversightStore

/// Reads one reference CSV file with the store's CSV reader (the same one `oversight segment` uses),
/// so that every row knows its line and a problem can name the file, the line and the column.
enum ReferenceCSV {
    static func read(_ name: String, in directory: URL, columns required: [String]) throws -> [CSVRow] {
        let url = directory.appendingPathComponent(name)
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw GeneratorError("cannot read \(url.path): \(error.localizedDescription); check --reference points at data/reference")
        }
        do {
            return try OversightStore.CSVTable.parse(text, file: name, required: required).rows.map {
                CSVRow(place: "\(name) line \($0.line)", row: $0)
            }
        } catch {
            throw GeneratorError(error.description)
        }
    }
}

/// One row of a reference CSV, with typed accessors whose errors say where the bad value is.
struct CSVRow {
    /// "trusts.csv line 12".
    let place: String
    let row: OversightStore.CSVTable.Row

    func problem(_ column: String, _ message: String) -> GeneratorError {
        GeneratorError("\(place), column \(column): \(message)")
    }

    /// The value, or "" when the cell is empty.
    func text(_ column: String) -> String { row[column] }

    /// The value, or nil when the cell is empty.
    func optional(_ column: String) -> String? {
        let value = text(column)
        return value.isEmpty ? nil : value
    }

    func required(_ column: String) throws -> String {
        guard let value = optional(column) else { throw problem(column, "must not be empty") }
        return value
    }

    /// `2013-07`, `2016`, `~2017` or `2022-07-01`.
    func date(_ column: String) throws -> CalendarDate? {
        guard let value = optional(column) else { return nil }
        do {
            return try CalendarDate.parse(value)
        } catch {
            throw problem(column, error.message)
        }
    }

    func requiredDate(_ column: String) throws -> CalendarDate {
        guard let date = try date(column) else { throw problem(column, "needs a date like 2022-07-01") }
        return date
    }

    func period(_ column: String) throws -> Period {
        let value = try required(column)
        guard let period = Period.parse(value) else { throw problem(column, "“\(value)” is not a period like 2025-26-Q1") }
        return period
    }

    func int(_ column: String) throws -> Int? {
        guard let value = optional(column) else { return nil }
        guard let number = Int(value) else { throw problem(column, "“\(value)” is not a whole number") }
        return number
    }

    /// `Y` or `N` (or empty for no).
    func flag(_ column: String) throws -> Bool {
        switch text(column) {
        case "Y": return true
        case "N", "": return false
        case let other: throw problem(column, "“\(other)” should be Y or N")
        }
    }

    /// A list written `a;b;c`.
    func list(_ column: String) -> [String] {
        text(column).split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
