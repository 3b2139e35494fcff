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
        func giveUp(_ error: StoreError) -> StoreError {
            if locked { fs.unlock(layout.lock) }
            return error
        }

        if locked {
            removeScratchFiles(layout, fs: fs)
            tightenModes(layout, fs: fs, notices: &notices)
        }

        var loaded: LoadedGeneration
        do {
            loaded = try loadGeneration(layout, fs: fs)
        } catch {
            throw giveUp(error)
        }
        notices += loaded.notices
        damage = loaded.readOnly

        let journalBytes: [UInt8]
        do {
            journalBytes = try fs.read(layout.journal) ?? []
        } catch {
            throw giveUp(.unreadable("Cannot read \(layout.journal): \(error)"))
        }
        let scan = JournalScan(journalBytes)
        var journalSize = journalBytes.count
        switch scan.damage {
        case .tornTail(let line, let offset, let detail)?:
            // Only the lock holder trims, and only a store otherwise whole: a reader never changes a byte.
            if locked && damage == nil {
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
                notices.append("The journal ends in an incomplete entry (line \(line): \(detail)); it is ignored here and will be set aside by the process that can edit this store.")
            }
        case .middle(let line, let offset, let detail)?:
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
        if !fs.isDirectory(layout.quarantine) {
            // The new folder's own entry must be durable before anything is cut on the strength of the copy.
            try fs.makeDirectory(layout.quarantine, mode: StoreLayout.directoryMode)
            try fs.syncDirectory(layout.directory)
        }
        let stamp = String(StoreOptions.systemClock().iso.filter { $0 != ":" })
        var path = layout.quarantine + "/\(stamp)-\(name)"
        var n = 1
        while fs.exists(path) { n += 1; path = layout.quarantine + "/\(stamp)-\(n)-\(name)" }
        try StoreWriter(fs: fs).writeDurably(bytes, to: path)
        try fs.syncDirectory(layout.quarantine)
    }
}
