/// A coding key for a step into a JSON value: an object key or an array index.
struct JSONKey: CodingKey {
    let stringValue: String
    let intValue: Int?

    init(stringValue: String) {
        self.stringValue = stringValue
        self.intValue = nil
    }

    init(intValue: Int) {
        self.stringValue = "Index \(intValue)"
        self.intValue = intValue
    }

    /// The key `superDecoder()` reads, as Foundation's decoder names it.
    static let `super` = JSONKey(stringValue: "super")
}
