import OversightDomain

/// What opening a store finds and does, one step at a time (`Store.open` calls them in order).
///
/// Two separate questions are kept apart throughout: may this process write (`access`: the user's
/// `--read-only`, another process's lock, `repair` looking before it asks), and is the store whole
/// (`damage`: what is wrong with its files, whoever looks). Only the lock holder, opening to
/// recover, changes a byte; and no byte is removed before it has been copied into quarantine/.
struct Recovery {
    let layout: StoreLayout
    let options: StoreOptions
    private(set) var notices: [String] = []
    private(set) var access: ReadOnlyReason?
    private(set) var damage: ReadOnlyReason?
    /// Whether this open took the lock (and so must give it back).
    private(set) var locked = false
    /// A torn last line this open left in place (it did not tidy), for `repair` to offer to cut.
    private(set) var tornTail: (line: Int, offset: Int)?

    init(layout: StoreLayout, options: StoreOptions) {
        self.layout = layout
        self.options = options
        access = options.readOnly ? .requested : nil
    }

    var fs: FileSystem { options.fileSystem }
    /// Only the lock holder tidies, and not when it is `repair` looking before it asks.
    var tidies: Bool { locked && options.recover }

    /// Step 1: decides, by looking only, that the directory is a store this process can read
    /// (`StoreDirectory`); anything else throws, having touched nothing.
    static func requireStore(_ layout: StoreLayout, fs: FileSystem) throws(StoreError) {
        switch StoreDirectory.inspect(layout, fs: fs) {
        case .store:
            return
        case .absent:
            throw .notAStore("\(layout.directory) does not exist; create a store with `oversight init --store \(layout.directory)`.")
        case .empty, .interruptedCreate:
            throw .notAStore("\(layout.directory) holds no snapshot.json, so it is not an oversight store. Create one with `oversight init --store \(layout.directory)`.")
        case .notAStore(let why):
            throw .notAStore(why)
        case .unreadable(let why), .unsafe(let why):
            throw .unreadable(why)
        }
    }

    /// Step 2: the lock, unless the user asked to read only. Held by another process: read-only,
    /// naming the holder. Opened for `repair` (`recover: false`): held, but nothing changes yet.
    mutating func takeLock() {
        guard access == nil else { return }
        do {
            switch try fs.lock(layout.lock) {
            case .acquired: locked = true
            case .heldBy(let pid): access = .lockedByAnotherProcess(pid: pid)
            }
        } catch {
            access = .syncFailed("could not take the store's lock: \(error)")
        }
        if locked && !options.recover { access = .inspecting }
    }

    /// Gives the lock back when opening fails after taking it.
    func giveUp(_ error: StoreError) -> StoreError {
        if locked { fs.unlock(layout.lock) }
        return error
    }

    /// Step 3, for the lock holder only: removes the store's own scratch files and makes loose modes private.
    mutating func tidy() {
        guard tidies else { return }
        Recovery.removeScratchFiles(layout, fs: fs)
        Recovery.tightenModes(layout, fs: fs, notices: &notices)
    }

    /// Step 4: the snapshot (or the newest backup, when it is damaged) and the journal, read as one state.
    mutating func read() throws(StoreError) -> (loaded: LoadedGeneration, journal: JournalRead) {
        let read: (LoadedGeneration, JournalRead)
        do {
            read = try Recovery.readConsistently(layout, fs: fs, opening: options.opening, maxRecordBytes: options.maxEntryBytes,
                                                     piecewiseAbove: options.piecewiseAbove)
        } catch {
            throw giveUp(error)
        }
        notices += read.0.notices
        damage = read.0.readOnly
        return read
    }

    /// Step 5: a last line a crash cut short. The lock holder copies it to quarantine/ and trims it,
    /// but only in a store otherwise whole; anyone else leaves it (a reader never changes a byte).
    /// Any other bad line is damage. Returns the journal's length once this is done.
    mutating func settleTail(_ scan: JournalScan, of bytes: [UInt8]) -> Int {
        switch scan.damage {
        case .tornTail(let line, let offset, let detail)?:
            if tidies && damage == nil {
                do throws(IOFailure) {
                    try JournalFile.cutTornTail(bytes, at: offset, layout: layout, fs: fs)
                    notices.append("The last journal entry (line \(line)) was cut short, probably by a crash before it was saved; its \(bytes.count - offset) bytes were moved to quarantine/. Everything saved before it is here.")
                    return offset
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
        return bytes.count
    }

    /// Step 6: replays every intact entry after the snapshot; the first that does not fit stops it.
    /// Decoding is the costly part and each line stands alone, so the lines are decoded side by side
    /// first. Returns how many lines were replayed (or skipped as already in the snapshot).
    mutating func replay(_ journal: JournalRead, onto loaded: inout LoadedGeneration) -> Int {
        var replayed = 0
        for (line, result) in zip(journal.scan.lines, journal.decoded) {
            if let problem = Recovery.replay(line, decoded: result, of: journal.bytes, into: &loaded) {
                damage = damage ?? problem
                break
            }
            replayed += 1
        }
        return replayed
    }

    /// Step 7: the data's own checks (the `PRAGMA integrity_check` analogue), then, last so that
    /// anything about the store's health is said first, whether its scorecards are made up.
    /// A dataset with scorecards still waiting (`LoadedGeneration.deferred`) is checked whole when they
    /// are read (`Store.finishOpening`): its rules tie records to scorecards a part would lack.
    mutating func check(_ dataset: Dataset, partial: Bool = false) {
        let problems = partial ? [] : DatasetValidator.problems(in: dataset)
        if let first = problems.first {
            damage = damage ?? .invalidData(count: problems.count, first: first.description)
        }
        if let notice = Store.illustrativeNotice(dataset) { notices.append(notice) }
    }

    /// The store's own scratch files from an interrupted compaction (or init's marker, left by a
    /// crash after the snapshot was in place) are never authoritative. Only those names: anything
    /// else ending in .tmp is not the store's to delete.
    static func removeScratchFiles(_ layout: StoreLayout, fs: FileSystem) {
        for path in [layout.snapshotTemp, layout.journalTemp, layout.snapshotIndexTemp, layout.initMarker] where (try? fs.status(path))?.kind == .file {
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
        for path in [layout.snapshot, layout.snapshotIndex, layout.journal, layout.readme, layout.lock] {
            guard let status = try? fs.status(path), status.kind == .file, status.mode & 0o077 != 0 else { continue }
            try? fs.setMode(path, StoreLayout.fileMode)
        }
    }
}
