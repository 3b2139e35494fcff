/// How a store looked from outside at one moment, cheaply: two marks differ when something was
/// written in between, by this process or another. A console that follows another's saves (the
/// chair's projector beside the secretary's laptop) compares them while idle and reads the store
/// again when they differ. What the numbers are is the backend's own business.
public struct ChangeMark: Equatable, Sendable {
    let parts: [Int?]

    public init(_ parts: [Int?]) {
        self.parts = parts
    }
}
