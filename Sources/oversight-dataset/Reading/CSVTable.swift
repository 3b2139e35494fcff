import Foundation
import OversightDomain
import SwiftCSV

/// One reference CSV file, read into rows addressed by column name, each knowing where it came
/// from so that a problem can name the file, the line and the column.
struct CSVTable {
    let name: String
    let header: [String]
    let rows: [CSVRow]

    /// Reads `name` in `directory`, insisting on the columns the generator uses.
    static func read(_ name: String, in directory: URL, columns required: [String]) throws -> CSVTable {
        let url = directory.appendingPathComponent(name)
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw GeneratorError("cannot read \(url.path): \(error.localizedDescription); check --reference points at data/reference")
        }
        let csv: EnumeratedCSV
        do {
            csv = try EnumeratedCSV(string: text, delimiter: .comma, loadColumns: false)
        } catch {
            throw GeneratorError("\(name) is not valid CSV: \(error)")
        }
        let header = csv.header.map { $0.trimmingCharacters(in: .whitespaces) }
        for column in required where !header.contains(column) {
            throw GeneratorError("\(name) has no column “\(column)”; its header is: \(header.joined(separator: ","))")
        }
        // Line numbers are exact when no field spans lines, which holds for every file here.
        let physicalLines = text.split(separator: "\n", omittingEmptySubsequences: true).count
        let exactLines = physicalLines == csv.rows.count + 1
        var rows: [CSVRow] = []
        for (index, fields) in csv.rows.enumerated() {
            let place = exactLines ? "\(name) line \(index + 2)" : "\(name) record \(index + 1)"
            if fields.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
            guard fields.count <= header.count || fields.dropFirst(header.count).allSatisfy(\.isEmpty) else {
                throw GeneratorError("\(place) has \(fields.count) fields but the header has \(header.count); quote fields that contain commas")
            }
            var byColumn: [String: String] = [:]
            for (column, value) in zip(header, fields) {
                byColumn[column] = value.trimmingCharacters(in: .whitespaces)
            }
            rows.append(CSVRow(place: place, fields: byColumn))
        }
        return CSVTable(name: name, header: header, rows: rows)
    }
}

/// One row of a reference CSV, with typed accessors whose errors say where the bad value is.
struct CSVRow {
    /// "trusts.csv line 12".
    let place: String
    let fields: [String: String]

    func problem(_ column: String, _ message: String) -> GeneratorError {
        GeneratorError("\(place), column \(column): \(message)")
    }

    /// The value, or "" when the cell is empty.
    func text(_ column: String) -> String { fields[column] ?? "" }

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
