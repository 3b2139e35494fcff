import OversightDomain

/// A snapshot (or, when it is damaged, the newest backup) with the journal replayed onto it so far.
struct LoadedGeneration {
    var dataset: Dataset
    var snapshotSeq: Int
    var lastSeq: Int
    var stacks: UndoStacks
    var undoable: [Int: UndoableEntry]
    var log: HistoryLog
    var notices: [String] = []
    var readOnly: ReadOnlyReason?

    init(_ payload: StoredSnapshot) throws(StoreError) {
        var data = payload.data
        data.normalise()
        dataset = data
        snapshotSeq = payload.seq
        lastSeq = payload.seq
        stacks = UndoStacks(undo: payload.history.undo, redo: payload.history.redo)
        undoable = Dictionary(payload.history.entries.compactMap(UndoableEntry.init(raw:)).map { ($0.seq, $0) },
                              uniquingKeysWith: { first, _ in first })
        log = HistoryLog(stored: payload.log)
        if let missing = stacks.all.first(where: { undoable[$0] == nil }) {
            readOnly = .inconsistentJournal(line: nil, offset: nil, detail: "the snapshot's undo window lacks entry \(missing)")
        }
    }

    /// Applies one journal entry: its images, then the undo stacks.
    mutating func replay(_ entry: JournalEntry) throws {
        try dataset.apply(entry.change)
        try stacks.record(entry.kind, seq: entry.seq, of: entry.of)
        if entry.kind == .do { undoable[entry.seq] = UndoableEntry(entry) }
        if entry.kind == .do, undoable.count > stacks.undo.count + stacks.redo.count {
            let live = stacks.all
            undoable = undoable.filter { live.contains($0.key) }
        }
        log.append(HistoryItem(entry))
        lastSeq = entry.seq
    }
}

extension Store {
    /// Loads snapshot.json, or the newest backup generation when it is missing or damaged
    /// (read-only then, so that `repair` is a decision the user takes). Never starts empty.
    static func loadGeneration(_ layout: StoreLayout, fs: FileSystem) throws(StoreError) -> LoadedGeneration {
        let snapshotBytes: [UInt8]?
        do {
            snapshotBytes = try fs.read(layout.snapshot)
        } catch {
            throw .unreadable("Cannot read \(layout.snapshot): \(error)")
        }
        let damage: String
        if let bytes = snapshotBytes {
            switch readSnapshot(bytes) {
            case .success(let decoded):
                let payload = decoded.value
                var loaded = try LoadedGeneration(payload)
                if payload.schemaVersion > SnapshotPayload.currentSchemaVersion {
                    loaded.readOnly = .newerSchema(found: payload.schemaVersion, supported: SnapshotPayload.currentSchemaVersion)
                } else if !decoded.unknownFields.isEmpty {
                    // Saving would drop fields this version does not know: keep the store as it is.
                    loaded.readOnly = .invalidData(count: decoded.unknownFields.count,
                                                   first: "snapshot.json has a field this oversight does not know: \(decoded.unknownFields.summary)")
                }
                return loaded
            case .failure(let failure):
                if case .newer(let version) = failure {
                    throw .unreadable("This store was written by a newer version of oversight (store format \(version); this one reads up to \(SnapshotPayload.currentSchemaVersion)) and cannot be read. Upgrade oversight. Nothing was changed.")
                }
                damage = "snapshot.json is damaged (\(failure))."
            }
        } else {
            let journalExists = ((try? fs.read(layout.journal)) ?? nil).map { !$0.isEmpty } ?? false
            let backups = (try? fs.list(layout.backups)) ?? []
            if backups.isEmpty && !journalExists {
                throw .notAStore("\(layout.directory) holds no snapshot.json, so it is not an oversight store. Create one with `oversight init --store \(layout.directory)`.")
            }
            damage = "snapshot.json is missing although other store files exist."
        }
        guard var restored = try restoreNewestBackup(layout, fs: fs) else {
            throw .unreadable("\(damage) There is no backup to restore from. Nothing was changed; keep the directory and run `oversight validate --store \(layout.directory)` for details.")
        }
        restored.readOnly = .damagedSnapshot(damage + " Showing the newest backup (as of entry \(restored.snapshotSeq)) with the journals after it.")
        return restored
    }

    enum SnapshotFailure: Error, CustomStringConvertible {
        case frame(Frame.DecodeError)
        case newer(Int)
        case payload(String)

        var description: String {
            switch self {
            case .frame(let error): return error.description
            case .newer(let version): return "store format \(version)"
            case .payload(let why): return why
            }
        }
    }

    /// A snapshot file is exactly one frame and a newline.
    static func readSnapshot(_ bytes: [UInt8]) -> Result<PayloadCoding.Decoded<StoredSnapshot>, SnapshotFailure> {
        guard bytes.last == 0x0A else { return .failure(.frame(.malformed("it does not end with a newline: it was cut short"))) }
        let range: Range<Int>
        do {
            range = try Frame.payloadRange(in: bytes[0..<(bytes.count - 1)])
        } catch {
            return .failure(.frame(error))
        }
        do {
            return .success(try PayloadCoding.decodeStoredSnapshot(bytes[range]))
        } catch {
            if let version = PayloadCoding.schemaVersion(bytes[range]), version > SnapshotPayload.currentSchemaVersion {
                return .failure(.newer(version))
            }
            return .failure(.payload("its checksum is right but its content is not a snapshot: \(error)"))
        }
    }

    /// The newest backups/snapshot-<S>.json that reads, with backups/journal-<S>.jsonl replayed onto it.
    static func restoreNewestBackup(_ layout: StoreLayout, fs: FileSystem) throws(StoreError) -> LoadedGeneration? {
        let names = (try? fs.list(layout.backups)) ?? []
        let generations = names.compactMap { name -> Int? in
            guard name.hasPrefix("snapshot-"), name.hasSuffix(".json") else { return nil }
            return Int(name.dropFirst("snapshot-".count).dropLast(".json".count))
        }.sorted(by: >)
        for seq in generations {
            guard let bytes = try? fs.read(layout.backupSnapshot(seq: seq)),
                  case .success(let decoded) = readSnapshot(bytes) else { continue }
            var loaded = try LoadedGeneration(decoded.value)
            let journal = ((try? fs.read(layout.backupJournal(seq: seq))) ?? nil) ?? []
            let scan = JournalScan(journal)
            for line in scan.lines {
                guard let entry = try? PayloadCoding.decodeEntry(journal[line.payload]).value else { break }
                if entry.seq <= loaded.lastSeq { continue }
                guard entry.seq == loaded.lastSeq + 1, (try? loaded.replay(entry)) != nil else { break }
            }
            return loaded
        }
        return nil
    }
}
