/// `command --name value --flag …`, read without a parser library: this tool is only run by tests.
struct Arguments {
    let command: String
    private var values: [String: String] = [:]
    private var flags: Set<String> = []

    init(_ words: ArraySlice<String>) {
        command = words.first ?? ""
        var rest = words.dropFirst()
        while let word = rest.popFirst() {
            guard word.hasPrefix("--") else { continue }
            let name = String(word.dropFirst(2))
            if let next = rest.first, !next.hasPrefix("--") {
                values[name] = next
                rest = rest.dropFirst()
            } else {
                flags.insert(name)
            }
        }
    }

    func value(_ name: String) -> String? { values[name] }
    func int(_ name: String) -> Int? { values[name].flatMap { Int($0) } }
    func flag(_ name: String) -> Bool { flags.contains(name) }

    /// The store directory, which every command needs.
    var store: String {
        guard let path = values["store"] else {
            Output.fail("--store DIR is required")
        }
        return path
    }
}
