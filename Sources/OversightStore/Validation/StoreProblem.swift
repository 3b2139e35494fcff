import OversightDomain

/// One problem found in a store's files, with the file, the line and column when known, and the
/// JSON path, so that `oversight validate` can say exactly where to look.
public struct StoreProblem: Hashable, Sendable, CustomStringConvertible {
    /// The file's name within the store directory (`snapshot.json`, `journal.jsonl`).
    public var file: String
    public var line: Int?
    public var column: Int?
    public var path: DataPath?
    public var message: String

    public init(file: String, line: Int? = nil, column: Int? = nil, path: DataPath? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.path = path
        self.message = message
    }

    /// `snapshot.json:120:17: $.data.organisations[3].region: unknown region Y99`
    public var description: String {
        var place = file
        if let line {
            place += ":\(line)"
            if let column { place += ":\(column)" }
        }
        if let path { place += ": \(path)" }
        return place + ": " + message
    }
}
