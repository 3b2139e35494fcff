/// The durable-write step every store file goes through: create the file (never over an existing
/// one), write it whole, fsync it, close it. Renaming it into place and fsyncing the directory is
/// the caller's step, since only the caller knows which directory entry must be durable when.
struct StoreWriter {
    let fs: FileSystem

    func writeDurably(_ bytes: [UInt8], to path: String) throws(IOFailure) {
        let handle = try fs.createExclusive(path, mode: StoreLayout.fileMode)
        defer { fs.close(handle) }
        var written = 0
        while written < bytes.count {
            let count = try fs.write(handle, bytes[written...])
            guard count > 0 else { throw IOFailure(errno: 5, operation: "write", path: path) }
            written += count
        }
        try fs.sync(handle)
    }
}
