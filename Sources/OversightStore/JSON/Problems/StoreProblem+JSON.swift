import OversightDomain

extension StoreProblem {
    /// A syntax error in a payload that starts `payloadOffset` bytes into `file`, whose lines are `lines`
    /// (built over the whole file, so that line:column are the file's own), under `pathPrefix`.
    public init(_ error: JSONSyntaxError, file: String, lines: LineTable, payloadOffset: Int = 0, pathPrefix: DataPath = .root) {
        let position = lines.position(of: error.offset + payloadOffset)
        let firstKey = error.firstKeyOffset.map { lines.position(of: $0 + payloadOffset) }
        self.init(file: file, line: position.line, column: position.column, path: pathPrefix + error.path,
                  message: error.message(firstKeyAt: firstKey))
    }

    /// A decoding or text problem in a payload that starts `payloadOffset` bytes into `file`.
    public init(_ problem: JSONProblem, file: String, lines: LineTable, payloadOffset: Int = 0, pathPrefix: DataPath = .root) {
        let position = lines.position(of: problem.offset + payloadOffset)
        self.init(file: file, line: position.line, column: position.column, path: pathPrefix + problem.path,
                  message: problem.message)
    }
}
