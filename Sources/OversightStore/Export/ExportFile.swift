import Foundation

/// Writes a board paper (or any export) to a path the user named, the way the store writes its own files:
/// to a scratch file beside it (mode 0600: these are health service papers), fsynced, then put in place in
/// one step and the directory fsynced. Without `overwrite`, the file is put in place with `link`, which fails
/// if the name exists, so an existing file is never replaced, even by a race; with it, `rename` replaces it
/// atomically. Either the old file (or nothing) or the whole new one is there after a crash, never a part.
public enum ExportFile {
    public struct Failure: Error, Equatable, Sendable, CustomStringConvertible {
        public var message: String
        /// The name was taken and nothing replaced it: the console asks whether to, the command line advises --force.
        /// (The message says what happened, not what to do, since what to do depends on who called.)
        public var alreadyExists = false
        public var description: String { message }
    }

    /// The path a user typed made full: `~` is their home, and a name alone goes in the current folder.
    public static func fullPath(_ typed: String) -> String {
        let expanded = (typed as NSString).expandingTildeInPath
        return expanded.hasPrefix("/") ? expanded : FileManager.default.currentDirectoryPath + "/" + expanded
    }

    public static func write(_ bytes: [UInt8], to path: String, overwrite: Bool, fileSystem: FileSystem = POSIXFileSystem(),
                             salt: UInt32 = UInt32.random(in: 0...UInt32.max)) throws(Failure) {
        guard path.hasPrefix("/"), let slash = path.lastIndex(of: "/") else { throw Failure(message: "\(path): give the file's full path") }
        let directory = slash == path.startIndex ? "/" : String(path[..<slash])
        let name = String(path[path.index(after: slash)...])
        guard !name.isEmpty, name != ".", name != ".." else { throw Failure(message: "\(path): name a file, not a directory") }
        guard fileSystem.isDirectory(directory) else {
            throw Failure(message: "Cannot write \(path): the folder \(directory) does not exist (create it first, or choose another folder). Nothing was written.")
        }
        let existing: FileStatus?
        do {
            existing = try fileSystem.status(path)
        } catch {
            throw Failure(message: "Cannot write \(path): \(IOFailure.explain(error.errno)). Nothing was written.")
        }
        if let existing {
            if existing.kind != .file {
                throw Failure(message: "Cannot write \(path): it is \(existing.kind.described), not a file. Nothing was written.")
            }
            if !overwrite {
                throw Failure(message: "\(path) already exists; nothing was written.", alreadyExists: true)
            }
        }
        let hex = String(salt, radix: 16)
        let scratch = directory + (directory == "/" ? "" : "/") + "." + name + ".oversight-" + hex + ".tmp"
        do throws(IOFailure) {
            let handle = try fileSystem.createExclusive(scratch, mode: 0o600)
            do throws(IOFailure) {
                var offset = 0
                while offset < bytes.count {
                    let written = try fileSystem.write(handle, bytes[offset...])
                    offset += written
                }
                try fileSystem.dataSync(handle)
                fileSystem.close(handle)
            } catch {
                fileSystem.close(handle)
                try? fileSystem.remove(scratch)
                throw error
            }
            if overwrite {
                try fileSystem.rename(scratch, path)
            } else {
                do throws(IOFailure) {
                    try fileSystem.link(scratch, path)
                } catch {
                    try? fileSystem.remove(scratch)
                    throw error
                }
                try fileSystem.remove(scratch)
            }
            try fileSystem.syncDirectory(directory)
        } catch {
            if error.errno == 17 {
                throw Failure(message: "\(path) already exists; nothing was written.", alreadyExists: true)
            }
            throw Failure(message: "Cannot write \(path): \(IOFailure.explain(error.errno)). Nothing was written\(error.errno == 13 ? "; choose a folder you can write to" : "").")
        }
    }
}
