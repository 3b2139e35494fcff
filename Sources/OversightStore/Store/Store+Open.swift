import OversightDomain

extension Store {
    /// Opens a store and recovers it. First it decides, by looking only, that the directory is a
    /// store this process can read (`StoreDirectory`); anything else throws, having touched nothing.
    /// Then it takes the lock (else opens read-only, naming the holder), loads the snapshot, replays
    /// the journal, cuts off a torn last line (after copying it to quarantine/), rebuilds undo and
    /// redo, and checks the data. Damage anywhere else, or a newer format, opens read-only with the
    /// reason. Throws only when there is nothing to show at all.
    public static func open(_ directory: String, options: StoreOptions = StoreOptions()) throws(StoreError) -> Store {
        let layout = StoreLayout(directory: directory)
        let fs = options.fileSystem
        switch StoreDirectory.inspect(layout, fs: fs) {
        case .store:
            break
        case .absent:
            throw .notAStore("\(layout.directory) does not exist; create a store with `oversight init --store \(layout.directory)`.")
        case .empty, .interruptedCreate:
            throw .notAStore("\(layout.directory) holds no snapshot.json, so it is not an oversight store. Create one with `oversight init --store \(layout.directory)`.")
        case .notAStore(let why):
            throw .notAStore(why)
        case .unreadable(let why), .unsafe(let why):
            throw .unreadable(why)
        }
        var notices: [String] = []
        // Two separate questions: may this process write (access), and is the store whole (damage)?
        var access: ReadOnlyReason? = options.readOnly ? .requested : nil
        var damage: ReadOnlyReason?

        var locked = false
        if access == nil {
            do {
                switch try fs.lock(layout.lock) {
                case .acquired: locked = true
                case .heldBy(let pid): access = .lockedByAnotherProcess(pid: pid)
                }
            } catch {
                access = .syncFailed("could not take the store's lock: \(error)")
            }
        }
        // Only the lock holder tidies, and not when it is `repair` looking before it asks.
        let tidies = locked && options.recover
        if locked && !options.recover { access = .inspecting }
        func giveUp(_ error: StoreError) -> StoreError {
            if locked { fs.unlock(layout.lock) }
            return error
        }

        if tidies {
            removeScratchFiles(layout, fs: fs)
            tightenModes(layout, fs: fs, notices: &notices)
        }

        var loaded: LoadedGeneration
        let journalBytes: [UInt8]
        do {
            (loaded, journalBytes) = try readConsistently(layout, fs: fs)
        } catch {
            throw giveUp(error)
        }
        notices += loaded.notices
        damage = loaded.readOnly

        let scan = JournalScan(journalBytes, maxRecordBytes: options.maxEntryBytes)
        var journalSize = journalBytes.count
        var tornTail: (line: Int, offset: Int)?
        switch scan.damage {
        case .tornTail(let line, let offset, let detail)?:
            // Only the lock holder trims, and only a store otherwise whole: a reader never changes a byte.
            if tidies && damage == nil {
                do throws(IOFailure) {
                    try quarantine(Array(journalBytes[offset...]), name: "journal-torn-tail.jsonl", layout: layout, fs: fs)
                    let handle = try fs.openForAppend(layout.journal, mode: StoreLayout.fileMode)
                    defer { fs.close(handle) }
                    try fs.truncate(handle, to: offset)
                    try fs.dataSync(handle)
                    journalSize = offset
                    notices.append("The last journal entry (line \(line)) was cut short, probably by a crash before it was saved; its \(journalBytes.count - offset) bytes were moved to quarantine/. Everything saved before it is here.")
                } catch {
                    damage = .syncFailed("could not set aside the torn end of the journal: \(error)")
                }
            } else {
                tornTail = (line, offset)
                notices.append("The journal ends in an incomplete entry (line \(line): \(detail)); it is ignored here and will be set aside by the process that can edit this store.")
            }
        case .damaged(let line, let offset, let detail)?:
            damage = damage ?? .damagedJournal(line: line, offset: offset, detail: detail)
        case nil:
            break
        }

        // Replay every intact entry after the snapshot; the first that does not fit stops it.
        // Decoding is the costly part and each line stands alone, so the lines are decoded side by side first.
        let decoded = JournalDecoding.decode(scan.lines, of: journalBytes)
        var replayed = 0
        for (line, result) in zip(scan.lines, decoded) {
            if let problem = replay(line, decoded: result, of: journalBytes, into: &loaded) {
                damage = damage ?? problem
                break
            }
            replayed += 1
        }

        let problems = DatasetValidator.problems(in: loaded.dataset)
        if let first = problems.first {
            damage = damage ?? .invalidData(count: problems.count, first: first.description)
        }
        // Last, so that anything about the store's health is said first.
        if let notice = illustrativeNotice(loaded.dataset) { notices.append(notice) }

        let store = Store(layout: layout, dataset: loaded.dataset, options: options, snapshotSeq: loaded.snapshotSeq,
                          lastSeq: loaded.lastSeq, stacks: loaded.stacks, undoable: loaded.undoable, log: loaded.log,
                          journalSize: journalSize, journalEntries: replayed, readOnlyReason: access ?? damage, notices: notices)
        store.holdsLock = locked
        store.damage = damage
        store.tornTail = tornTail
        if store.readOnlyReason == nil {
            do {
                store.journalHandle = try fs.openForAppend(layout.journal, mode: StoreLayout.fileMode)
            } catch {
                store.readOnlyReason = .syncFailed("could not open the journal for writing: \(error)")
            }
            if store.journalHandle != nil, replayed >= options.compactAfterEntries || journalSize >= options.compactAfterBytes {
                do { try store.compact() } catch { store.notices.append("Could not tidy the journal: \(error)") }
            }
        }
        return store
    }

    /// The snapshot and the journal as one state. A reader holds no lock, so another process may
    /// compact between its read of snapshot.json and its read of journal.jsonl: the old snapshot
    /// with the new (emptied, then appended) journal is no state the store was ever in. Compaction
    /// replaces snapshot.json before the journal, so if snapshot.json is still the same file after
    /// the journal was read, the two belong together; if not, read both again.
    static func readConsistently(_ layout: StoreLayout, fs: FileSystem) throws(StoreError) -> (LoadedGeneration, [UInt8]) {
        var attempts = 0
        while true {
            attempts += 1
            let before = (try? fs.status(layout.snapshot))?.map(\.identity)
            let loaded = try loadGeneration(layout, fs: fs)
            let journal: [UInt8]
            do {
                journal = try fs.read(layout.journal) ?? []
            } catch {
                throw .unreadable("Cannot read \(layout.journal): \(error). Nothing was changed.")
            }
            let after = (try? fs.status(layout.snapshot))?.map(\.identity)
            // A store compacted 20 times during one read is being rewritten in a loop; show what was read.
            if before == after || attempts >= 20 { return (loaded, journal) }
        }
    }

    /// Replays one intact journal line; returns why the store must be read-only if it does not fit.
    static func replay(_ line: JournalScan.Line, decoded result: Result<PayloadCoding.Decoded<JournalEntry>, any Error>,
                       of bytes: [UInt8], into loaded: inout LoadedGeneration) -> ReadOnlyReason? {
        let payload = bytes[line.payload]
        let entry: JournalEntry
        do {
            let decoded = try result.get()
            entry = decoded.value
            if !decoded.unknownFields.isEmpty, entry.v <= SnapshotPayload.currentSchemaVersion {
                return .invalidData(count: decoded.unknownFields.count,
                                    first: "journal line \(line.number) has a field this oversight does not know: \(decoded.unknownFields.summary)")
            }
        } catch {
            if let v = PayloadCoding.entryVersion(payload), v > SnapshotPayload.currentSchemaVersion {
                return .newerSchema(found: v, supported: SnapshotPayload.currentSchemaVersion)
            }
            return .inconsistentJournal(line: line.number, offset: line.offset,
                                        detail: "the line is framed correctly but is not a journal entry (\(error))")
        }
        if entry.v > SnapshotPayload.currentSchemaVersion {
            return .newerSchema(found: entry.v, supported: SnapshotPayload.currentSchemaVersion)
        }
        if entry.v < 1 {
            return .inconsistentJournal(line: line.number, offset: line.offset,
                                        detail: "it says it was written in format \(entry.v), which no oversight ever wrote (formats start at 1)")
        }
        if entry.seq <= loaded.lastSeq { return nil }
        guard entry.seq == loaded.lastSeq + 1 else {
            return .inconsistentJournal(line: line.number, offset: line.offset,
                                        detail: "it holds entry \(entry.seq) where \(loaded.lastSeq + 1) was expected")
        }
        do {
            try loaded.replay(entry)
        } catch {
            return .inconsistentJournal(line: line.number, offset: line.offset, detail: "\(error)")
        }
        return nil
    }

    /// The store's own scratch files from an interrupted compaction (or init's marker, left by a
    /// crash after the snapshot was in place) are never authoritative. Only those names: anything
    /// else ending in .tmp is not the store's to delete.
    static func removeScratchFiles(_ layout: StoreLayout, fs: FileSystem) {
        for path in [layout.snapshotTemp, layout.journalTemp, layout.initMarker] where (try? fs.status(path))?.kind == .file {
            try? fs.remove(path)
        }
    }

    /// Store directory 0700 and files 0600, whatever a copy or an editor left behind. Only the
    /// store's own files and folders, each checked to be a plain file or folder (never a link:
    /// `StoreDirectory` refused those before this, and `setMode` never follows one anyway).
    static func tightenModes(_ layout: StoreLayout, fs: FileSystem, notices: inout [String]) {
        if let mode = fs.mode(layout.directory), mode & 0o077 != 0, (try? fs.status(layout.directory))?.kind == .directory {
            if (try? fs.setMode(layout.directory, StoreLayout.directoryMode)) != nil {
                notices.append("The store directory was readable by others; it is now private (0700).")
            }
        }
        for path in [layout.snapshot, layout.journal, layout.readme, layout.lock] {
            guard let status = try? fs.status(path), status.kind == .file, status.mode & 0o077 != 0 else { continue }
            try? fs.setMode(path, StoreLayout.fileMode)
        }
    }

    /// Copies bytes recovery removes into quarantine/, durably, before they are removed.
    static func quarantine(_ bytes: [UInt8], name: String, layout: StoreLayout, fs: FileSystem) throws(IOFailure) {
        try quarantine([(name, bytes)], folder: nil, layout: layout, fs: fs)
    }

    /// Copies files into quarantine/ (or a folder of its own inside it), durably, so that they
    /// outlive anything done after. quarantine/ must be the store's own folder, never a link.
    @discardableResult
    static func quarantine(_ files: [(name: String, bytes: [UInt8])], folder: String?, layout: StoreLayout,
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
