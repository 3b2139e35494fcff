/// A coding key for a step into a JSON value: an object key or an array index.
/// An enum, so that it fits an existential's inline buffer and a coding path costs one allocation.
enum JSONKey: CodingKey {
    case key(String)
    case index(Int)

    init(stringValue: String) { self = .key(stringValue) }
    init(intValue: Int) { self = .index(intValue) }

    var stringValue: String {
        switch self {
        case .key(let name): return name
        case .index(let position): return "Index \(position)"
        }
    }

    var intValue: Int? {
        if case .index(let position) = self { return position }
        return nil
    }

    /// The key `superDecoder()` reads, as Foundation's decoder names it.
    static let `super` = JSONKey.key("super")
}
