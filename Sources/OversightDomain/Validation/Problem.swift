/// Where in a dataset something is: `$.organisations[3].memberships[0].footprint`.
public struct DataPath: Hashable, Sendable, CustomStringConvertible, ExpressibleByArrayLiteral {
    public enum Component: Hashable, Sendable {
        case key(String)
        case index(Int)
    }

    public var components: [Component]

    public init(_ components: [Component] = []) { self.components = components }
    public init(arrayLiteral elements: Component...) { self.components = elements }

    public static let root = DataPath()

    public func key(_ name: String) -> DataPath { DataPath(components + [.key(name)]) }
    public func index(_ position: Int) -> DataPath { DataPath(components + [.index(position)]) }

    public var description: String {
        var text = "$"
        for component in components {
            switch component {
            case .key(let name):
                let plain = !name.isEmpty && name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
                text += plain ? "." + name : "[\"" + name + "\"]"
            case .index(let position): text += "[\(position)]"
            }
        }
        return text
    }

    /// Prefixes another path (e.g. the payload's place in a file).
    public static func + (lhs: DataPath, rhs: DataPath) -> DataPath { DataPath(lhs.components + rhs.components) }
}

/// One thing wrong with a dataset or an edit, with where it is and what to do about it.
public struct Problem: Hashable, Sendable, CustomStringConvertible {
    public var path: DataPath
    public var message: String

    public init(_ path: DataPath, _ message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { "\(path): \(message)" }
}
