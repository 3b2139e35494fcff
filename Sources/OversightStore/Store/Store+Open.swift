import OversightDomain

extension Store {
    /// Opens a store and recovers it: takes the lock (else opens read-only, naming the holder),
    /// loads the snapshot, replays the journal, cuts off a torn last line (after copying it to
    /// quarantine/), rebuilds undo and redo, and checks the data. Damage anywhere else, or a newer
    /// format, opens read-only with the reason. Throws only when there is nothing to show at all.
    public static func open(_ directory: String, options: StoreOptions = StoreOptions()) throws(StoreError) -> Store {
        let layout = StoreLayout(directory: directory)
        let fs = options.fileSystem
        guard fs.isDirectory(layout.directory) else {
            throw .notAStore("\(layout.directory) does not exist or is not a directory; create a store with `oversight init --store \(layout.directory)`.")
        }
        var notices: [String] = []
        var reason: ReadOnlyReason? = options.readOnly ? .requested : nil

        var locked = false
        if reason == nil {
            do {
                switch try fs.lock(layout.lock) {
                case .acquired: locked = true
                case .heldBy(let pid): reason = .lockedByAnotherProcess(pid: pid)
                }
            } catch {
                reason = .syncFailed("could not take the store's lock: \(error)")
            }
        }
        let writer = locked

        if writer {
            removeScratchFiles(layout, fs: fs)
            tightenModes(layout, fs: fs, notices: &notices)
        }

        var loaded: LoadedGeneration
        do {
            loaded = try loadGeneration(layout, fs: fs)
        } catch {
            if locked { fs.unlock(layout.lock) }
            throw error
        }
        notices += loaded.notices
        if reason == nil, let why = loaded.readOnly { reason = why }

        // The journal: torn tail trimmed by the writer; any other damage leaves the store read-only.
        let journalBytes: [UInt8]
        do {
            journalBytes = try fs.read(layout.journal) ?? []
        } catch {
            if locked { fs.unlock(layout.lock) }
            throw .unreadable("Cannot read \(layout.journal): \(error)")
        }
        let scan = JournalScan(journalBytes)
        var journalSize = journalBytes.count
        switch scan.damage {
        case .tornTail(let line, let offset, let detail)?:
            if writer && reason == nil {
                do throws(IOFailure) {
                    try quarantine(Array(journalBytes[offset...]), name: "journal-torn-tail.jsonl", layout: layout, fs: fs)
                    let handle = try fs.openForAppend(layout.journal, mode: StoreLayout.fileMode)
                    defer { fs.close(handle) }
                    try fs.truncate(handle, to: offset)
                    try fs.dataSync(handle)
                    journalSize = offset
                    notices.append("The last journal entry (line \(line)) was cut short, probably by a crash before it was saved; its \(journalBytes.count - offset) bytes were moved to quarantine/. Everything saved before it is here.")
                } catch {
                    reason = reason ?? .syncFailed("could not set aside the torn end of the journal: \(error)")
                }
            } else {
                notices.append("The journal ends in an incomplete entry (line \(line): \(detail)); it is ignored here and will be set aside by the process that can edit this store.")
            }
        case .middle(let line, let offset, let detail)?:
            reason = reason ?? .damagedJournal(line: line, offset: offset, detail: detail)
        case nil:
            break
        }

        // Replay every intact entry after the snapshot.
        var replayed = 0
        for line in scan.lines {
            let bytes = journalBytes[line.payload]
            let entry: JournalEntry
            do {
                entry = try PayloadCoding.decodeEntry(bytes)
            } catch {
                if let v = PayloadCoding.entryVersion(bytes), v > SnapshotPayload.currentSchemaVersion {
                    reason = reason ?? .newerSchema(found: v, supported: SnapshotPayload.currentSchemaVersion)
                } else {
                    reason = reason ?? .inconsistentJournal("line \(line.number) is framed correctly but is not a journal entry (\(error))")
                }
                break
            }
            if entry.v > SnapshotPayload.currentSchemaVersion {
                reason = reason ?? .newerSchema(found: entry.v, supported: SnapshotPayload.currentSchemaVersion)
                break
            }
            if entry.seq <= loaded.lastSeq { continue }
            guard entry.seq == loaded.lastSeq + 1 else {
                reason = reason ?? .inconsistentJournal("line \(line.number) has entry \(entry.seq) where \(loaded.lastSeq + 1) was expected")
                break
            }
            do {
                try loaded.replay(entry)
            } catch {
                reason = reason ?? .inconsistentJournal("line \(line.number): \(error)")
                break
            }
            replayed += 1
        }

        let problems = DatasetValidator.problems(in: loaded.dataset)
        if let first = problems.first {
            reason = reason ?? .invalidData(count: problems.count, first: first.description)
        }

        let store = Store(layout: layout, dataset: loaded.dataset, options: options, snapshotSeq: loaded.snapshotSeq,
                          lastSeq: loaded.lastSeq, stacks: loaded.stacks, undoable: loaded.undoable, log: loaded.log,
                          journalSize: journalSize, journalEntries: replayed, readOnlyReason: reason, notices: notices)
        store.holdsLock = locked
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

    /// Leftover scratch files from an interrupted compaction are never authoritative.
    static func removeScratchFiles(_ layout: StoreLayout, fs: FileSystem) {
        for name in (try? fs.list(layout.directory)) ?? [] where name.hasSuffix(".tmp") {
            try? fs.remove(layout.directory + "/" + name)
        }
    }

    /// Store directory 0700 and files 0600, whatever a copy or an editor left behind.
    static func tightenModes(_ layout: StoreLayout, fs: FileSystem, notices: inout [String]) {
        if let mode = fs.mode(layout.directory), mode & 0o077 != 0 {
            if (try? fs.setMode(layout.directory, StoreLayout.directoryMode)) != nil {
                notices.append("The store directory was readable by others; it is now private (0700).")
            }
        }
        for path in [layout.snapshot, layout.journal, layout.readme, layout.lock] {
            if let mode = fs.mode(path), mode & 0o077 != 0 { try? fs.setMode(path, StoreLayout.fileMode) }
        }
    }

    /// Copies bytes recovery removes into quarantine/, durably, before they are removed.
    static func quarantine(_ bytes: [UInt8], name: String, layout: StoreLayout, fs: FileSystem) throws(IOFailure) {
        if !fs.isDirectory(layout.quarantine) { try fs.makeDirectory(layout.quarantine, mode: StoreLayout.directoryMode) }
        let stamp = String(StoreOptions.systemClock().iso.filter { $0 != ":" })
        var path = layout.quarantine + "/\(stamp)-\(name)"
        var n = 1
        while fs.exists(path) { n += 1; path = layout.quarantine + "/\(stamp)-\(n)-\(name)" }
        let handle = try fs.createExclusive(path, mode: StoreLayout.fileMode)
        defer { fs.close(handle) }
        var written = 0
        while written < bytes.count { written += try fs.write(handle, bytes[written...]) }
        try fs.sync(handle)
        try fs.syncDirectory(layout.quarantine)
    }
}
