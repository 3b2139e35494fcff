import Foundation
import Glibc

/// What a file looks like from outside: its kind, bytes (or link target), size, mode, owner and
/// modification time, read without following links or opening anything that is not a regular file
/// (a FIFO or a device in a tree under test must not hang or flood the test that looks at it).
public struct FileState: Equatable, CustomStringConvertible {
    public var kind: String
    public var bytes: [UInt8]
    public var size: Int
    public var mode: UInt32
    public var owner: UInt32
    public var modified: timespec

    public static func == (a: FileState, b: FileState) -> Bool {
        a.kind == b.kind && a.bytes == b.bytes && a.size == b.size && a.mode == b.mode && a.owner == b.owner
            && a.modified.tv_sec == b.modified.tv_sec && a.modified.tv_nsec == b.modified.tv_nsec
    }

    public var description: String { "\(kind) \(size) bytes, mode \(String(mode, radix: 8))" }

    /// One path as it stands (nil when there is nothing there).
    public static func of(_ path: String) -> FileState? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        var bytes: [UInt8] = []
        let kind: String
        switch info.st_mode & S_IFMT {
        case S_IFREG:
            kind = "file"
            bytes = (FileManager.default.contents(atPath: path)).map { [UInt8]($0) } ?? []
        case S_IFDIR: kind = "directory"
        case S_IFLNK:
            kind = "link"
            var target = [CChar](repeating: 0, count: 4_096)
            let count = readlink(path, &target, target.count)
            bytes = count > 0 ? target[0..<count].map { UInt8(bitPattern: $0) } : []
        case S_IFIFO: kind = "fifo"
        case S_IFCHR: kind = "character device"
        case S_IFBLK: kind = "block device"
        case S_IFSOCK: kind = "socket"
        default: kind = "other"
        }
        return FileState(kind: kind, bytes: bytes, size: Int(info.st_size), mode: UInt32(info.st_mode & 0o7777),
                         owner: UInt32(info.st_uid), modified: info.st_mtim)
    }

    /// `root` itself (as ".") and everything under it, by relative path. Links are recorded, never
    /// followed; a directory that cannot be read (mode 000) is recorded without its contents.
    public static func all(under root: String) -> [String: FileState] {
        var result: [String: FileState] = [:]
        func walk(_ relative: String) {
            let path = relative == "." ? root : root + "/" + relative
            guard let state = of(path) else { return }
            result[relative] = state
            guard state.kind == "directory", let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return }
            for name in names.sorted() { walk(relative == "." ? name : relative + "/" + name) }
        }
        walk(".")
        return result
    }

    public static func differences(_ before: [String: FileState], _ after: [String: FileState]) -> [String] {
        Set(before.keys).union(after.keys).sorted().compactMap { name in
            switch (before[name], after[name]) {
            case (nil, let b?): return "\(name) appeared (\(b))"
            case (let a?, nil): return "\(name) disappeared (was \(a))"
            case (let a?, let b?) where a != b:
                return "\(name) changed (\(a) → \(b)\(a.bytes != b.bytes ? ", bytes differ" : ""))"
            default: return nil
            }
        }
    }
}
