/// Why the demonstration data could not be made: the base dataset lacks what it builds on, or the
/// framework no longer matches the generator's models. Says what to change.
public struct DemoError: Error, Hashable, Sendable, CustomStringConvertible {
    public let message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
