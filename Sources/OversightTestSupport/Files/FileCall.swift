import OversightStore

/// One call the store makes through its `FileSystem`, as the wrappers that count, fail or crash
/// calls see it: the operation and the path (for handle calls, the path the handle was opened by).
public struct FileCall: Sendable, CustomStringConvertible {
    public enum Operation: String, Sendable {
        case openForAppend, createExclusive, write, dataSync, sync, truncate, rename, link, remove
        case makeDirectory, removeDirectory, syncDirectory, read, list, lock, setMode
    }

    public var operation: Operation
    public var path: String
    /// The new name, for rename and link.
    public var target: String?

    public init(_ operation: Operation, _ path: String, target: String? = nil) {
        self.operation = operation
        self.path = path
        self.target = target
    }

    /// Whether the call can change what is on disk (opening for append may create the file;
    /// taking the lock writes the holder's pid).
    public var isMutating: Bool {
        switch operation {
        case .read, .list: return false
        default: return true
        }
    }

    public var isSync: Bool { [.dataSync, .sync, .syncDirectory].contains(operation) }

    public var description: String {
        operation.rawValue + " " + name(path) + (target.map { " -> " + name($0) } ?? "")
    }

    /// The last two path components: enough to tell `backups/journal-3.jsonl` from `journal.jsonl`.
    private func name(_ path: String) -> String {
        path.split(separator: "/").suffix(2).joined(separator: "/")
    }
}
