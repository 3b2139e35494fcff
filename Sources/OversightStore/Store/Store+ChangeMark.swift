import Glibc

extension Store {
    /// The journal and the snapshot as `lstat(2)` sees them (inode, size, change time). A save
    /// appends to the journal; a compaction renames a new snapshot and journal into place; either
    /// changes this. Looking costs two system calls and reads no byte, so a following console can
    /// look twice a second. A file not there (between a compaction's renames, say) is a change too.
    public func changeMark() -> ChangeMark {
        ChangeMark([layout.journal, layout.snapshot].flatMap { path -> [Int?] in
            var info = stat()
            guard lstat(path, &info) == 0 else { return [nil, nil, nil] }
            return [Int(truncatingIfNeeded: info.st_ino), Int(info.st_size), Int(info.st_ctim.tv_sec) * 1_000_000_000 + Int(info.st_ctim.tv_nsec)]
        })
    }
}
