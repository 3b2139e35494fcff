import OversightDomain
@testable import OversightStore

/// The syntax error the strict parser gives for `text`, or nil when it accepts it.
func syntaxError(_ text: String, maxDepth: Int = 64) -> JSONSyntaxError? {
    syntaxError(bytes: Array(text.utf8), maxDepth: maxDepth)
}

func syntaxError(bytes: [UInt8], maxDepth: Int = 64) -> JSONSyntaxError? {
    do {
        _ = try JSONParser.parse(bytes, options: .init(maxDepth: maxDepth))
        return nil
    } catch {
        return error
    }
}

/// `line:column: message`, the form the assertions compare, so a failure shows both at once.
func located(_ error: JSONSyntaxError?) -> String {
    guard let error else { return "accepted" }
    return "\(error.line):\(error.column): \(error.message)"
}

/// The problems decoding `T` from `text` gives (empty when it decodes cleanly).
func decodingProblems<T: Decodable>(_ type: T.Type, _ text: String) throws -> [JSONProblem] {
    let value = try JSONParser.parse(text)
    do {
        _ = try JSONValueDecoder().decode(type, from: value)
        return []
    } catch {
        return error.problems
    }
}

/// `line:column path: message` for each problem, positions counted in `text`.
func located(_ problems: [JSONProblem], in text: String) -> [String] {
    let lines = LineTable(text)
    return problems.map { "\(lines.position(of: $0.offset)) \($0.path): \($0.message)" }
}
