/// Why the generator stopped, in words that say which file and what to change.
struct GeneratorError: Error, CustomStringConvertible {
    let message: String

    init(_ message: String) { self.message = message }

    var description: String { message }
}
