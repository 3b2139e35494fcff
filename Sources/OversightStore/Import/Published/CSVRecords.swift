/// An RFC 4180 reader over the file's bytes: fields split on commas, records on CRLF, LF or CR, a
/// quoted field holding commas, line ends and doubled quotes. Each record keeps the line it starts on,
/// so that every problem can be reported as `file:line`. A leading byte-order mark is skipped.
///
/// Written here rather than using SwiftCSV because an import must read two multi-megabyte files well
/// inside two seconds, and must refuse what a lenient reader lets through (an unclosed quote, a quote
/// inside an unquoted field, text after a closing quote): a damaged download is stopped, not guessed at.
struct CSVRecords {
    struct Record {
        /// The 1-based line the record starts on.
        var line: Int
        var fields: [String]
    }

    /// What is wrong with the bytes as CSV, and where.
    struct Problem: Error {
        var line: Int
        var message: String
    }

    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// Every record, blank and empty lines left out.
    static func read(_ bytes: [UInt8]) throws(Problem) -> [Record] {
        let start = bytes.starts(with: byteOrderMark) ? byteOrderMark.count : 0
        if let bad = UTF8Check.firstInvalidByte(bytes, from: start) {
            let line = 1 + bytes[start..<bad].reduce(0) { $0 + ($1 == lf ? 1 : 0) }
            throw Problem(line: line, message: "this is not UTF-8 text (byte \(bad + 1) cannot be read); download the CSV from NHS England again rather than re-saving it from a spreadsheet")
        }
        var records: [Record] = []
        var problem: Problem?
        bytes.withUnsafeBufferPointer { buffer in
            do throws(Problem) {
                records = try parse(buffer, from: start)
            } catch {
                problem = error
            }
        }
        if let problem { throw problem }
        return records
    }

    private static let quote = UInt8(ascii: "\"")
    private static let comma = UInt8(ascii: ",")
    private static let lf = UInt8(ascii: "\n")
    private static let cr = UInt8(ascii: "\r")

    private static func parse(_ b: UnsafeBufferPointer<UInt8>, from start: Int) throws(Problem) -> [Record] {
        var records: [Record] = []
        records.reserveCapacity(b.count / 200)
        var fields: [String] = []
        var quoted: [UInt8] = []
        var line = 1
        var i = start
        let n = b.count
        while i < n {
            let recordLine = line
            fields.removeAll(keepingCapacity: true)
            // One record: fields until a line end (outside quotes) or the end of the file.
            while true {
                if i < n && b[i] == quote {
                    let opened = line
                    quoted.removeAll(keepingCapacity: true)
                    i += 1
                    while true {
                        guard i < n else {
                            throw Problem(line: opened, message: "a quoted field opened here is never closed; the file may be cut short: download it again")
                        }
                        let c = b[i]
                        if c == quote {
                            if i + 1 < n && b[i + 1] == quote {
                                quoted.append(quote)
                                i += 2
                                continue
                            }
                            i += 1
                            break
                        }
                        if c == lf || (c == cr && !(i + 1 < n && b[i + 1] == lf)) { line += 1 }
                        quoted.append(c)
                        i += 1
                    }
                    if i < n && b[i] != comma && b[i] != lf && b[i] != cr {
                        throw Problem(line: line, message: "text follows a closing quote in field \(fields.count + 1); a quote inside a quoted field must be doubled (\"\")")
                    }
                    fields.append(String(decoding: quoted, as: UTF8.self))
                } else {
                    let begin = i
                    while i < n {
                        let c = b[i]
                        if c == comma || c == lf || c == cr { break }
                        if c == quote {
                            throw Problem(line: line, message: "a quote inside unquoted field \(fields.count + 1); a field holding quotes must itself be quoted, with its quotes doubled")
                        }
                        i += 1
                    }
                    fields.append(String(decoding: UnsafeBufferPointer(rebasing: b[begin..<i]), as: UTF8.self))
                }
                if i < n && b[i] == comma {
                    i += 1
                    continue
                }
                // A line end (CRLF counts once), or the end of the file.
                if i < n {
                    if b[i] == cr && i + 1 < n && b[i + 1] == lf { i += 1 }
                    i += 1
                    line += 1
                }
                break
            }
            // A blank line, or one of nothing but commas (a spreadsheet's empty row), holds no record.
            if !fields.allSatisfy(\.isEmpty) {
                records.append(Record(line: recordLine, fields: fields))
            }
        }
        return records
    }
}
