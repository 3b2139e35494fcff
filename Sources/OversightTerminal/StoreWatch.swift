import Glibc

/// Tells when another process has written to a store: the journal and the snapshot as `stat(2)`
/// sees them (inode, size, change time). A save appends to the journal; a compaction renames a new
/// snapshot and journal into place; either changes what this sees. Looking costs two system calls,
/// so a following console can look twice a second without reading a byte.
struct StoreWatch: Equatable {
    struct Seen: Equatable {
        var inode: UInt
        var size: Int
        var changed: Int
    }

    var journal: Seen?
    var snapshot: Seen?

    init(journal: String, snapshot: String) {
        self.journal = StoreWatch.seen(journal)
        self.snapshot = StoreWatch.seen(snapshot)
    }

    /// Nil when the file is not there (between a compaction's renames, say): that too is a change.
    static func seen(_ path: String) -> Seen? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return Seen(inode: UInt(info.st_ino), size: Int(info.st_size),
                    changed: Int(info.st_ctim.tv_sec) * 1_000_000_000 + Int(info.st_ctim.tv_nsec))
    }
}
