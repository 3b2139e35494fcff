/// A value kept behind a reference, so that the struct holding it stays small: a scorecard is
/// copied whole wherever it is sorted, merged or read, and its rarely present decision and
/// published assessment were two thirds of its 536 bytes (issue 16: 80,000 scorecards in memory).
/// Immutable: a change makes a new box, so a copy never sees another's change. Equal and hashed by
/// the value, as the value itself would be.
struct OutOfLine<Value: Hashable & Sendable>: Hashable, Sendable {
    private final class Box: Sendable {
        let value: Value
        init(_ value: Value) { self.value = value }
    }

    private let box: Box

    init(_ value: Value) { box = Box(value) }

    var value: Value { box.value }

    static func == (lhs: OutOfLine, rhs: OutOfLine) -> Bool { lhs.box === rhs.box || lhs.value == rhs.value }

    func hash(into hasher: inout Hasher) { value.hash(into: &hasher) }
}
