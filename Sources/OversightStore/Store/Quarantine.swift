import OversightDomain

/// quarantine/: where the store keeps every byte recovery, compaction or repair removes, copied
/// durably before it is removed. Nothing in it is used, and nothing in it is ever deleted.
enum Quarantine {
    /// Copies bytes about to be removed into quarantine/, durably.
    static func keep(_ bytes: [UInt8], name: String, layout: StoreLayout, fs: FileSystem) throws(IOFailure) {
        try keep([(name, bytes)], folder: nil, layout: layout, fs: fs)
    }

    /// Copies files into quarantine/ (or a folder of its own inside it), durably, so that they
    /// outlive anything done after. quarantine/ must be the store's own folder, never a link.
    @discardableResult
    static func keep(_ files: [(name: String, bytes: [UInt8])], folder: String?, layout: StoreLayout,
                     fs: FileSystem) throws(IOFailure) -> String {
        if let status = try fs.status(layout.quarantine) {
            guard status.kind == .directory else { throw .notAFile(status.kind, operation: "quarantine", path: layout.quarantine) }
        } else {
            // The new folder's own entry must be durable before anything is cut on the strength of the copy.
            try fs.makeDirectory(layout.quarantine, mode: StoreLayout.directoryMode)
            try fs.syncDirectory(layout.directory)
        }
        let stamp = String(StoreOptions.systemClock().iso.filter { $0 != ":" })
        var target = layout.quarantine
        if let folder {
            var path = layout.quarantine + "/\(stamp)-\(folder)"
            var n = 1
            while fs.exists(path) { n += 1; path = layout.quarantine + "/\(stamp)-\(n)-\(folder)" }
            try fs.makeDirectory(path, mode: StoreLayout.directoryMode)
            try fs.syncDirectory(layout.quarantine)
            target = path
        }
        for (name, bytes) in files {
            var path = target + (folder == nil ? "/\(stamp)-\(name)" : "/\(name)")
            var n = 1
            while fs.exists(path) { n += 1; path = target + (folder == nil ? "/\(stamp)-\(n)-\(name)" : "/\(n)-\(name)") }
            try StoreWriter(fs: fs).writeDurably(bytes, to: path)
        }
        try fs.syncDirectory(target)
        return target
    }
}
