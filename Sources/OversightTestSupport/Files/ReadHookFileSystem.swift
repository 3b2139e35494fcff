import OversightStore

/// A real file system that runs `afterRead` once, right after the first read of a file whose name
/// ends in `trigger`: the moment another process's compaction would land between a reader's reads
/// of journal.jsonl and snapshot.json, made to happen every time instead of by chance.
public final class ReadHookFileSystem: InterposedFileSystem {
    public let trigger: String
    public var afterRead: (() -> Void)?

    public init(trigger: String, afterRead: @escaping () -> Void) {
        self.trigger = trigger
        self.afterRead = afterRead
        super.init(base: POSIXFileSystem())
    }

    override func didCall(_ call: FileCall) {
        guard call.operation == .read, call.path.hasSuffix(trigger), let action = afterRead else { return }
        afterRead = nil
        action()
    }
}
