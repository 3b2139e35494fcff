import OversightDomain

extension Recovery {
    /// The snapshot and the journal as one state. A reader holds no lock, so another process may
    /// compact between its reads of journal.jsonl and snapshot.json: the old journal with the new
    /// snapshot, or the old snapshot with the new (emptied, then appended) journal, is no state the
    /// store was ever in. Compaction replaces snapshot.json before the journal, so if snapshot.json
    /// is the same file after both reads as before them, the two belong together; if not, read both again.
    static func readConsistently(_ layout: StoreLayout, fs: FileSystem, opening: StoreOptions.Opening? = nil,
                                 maxRecordBytes: Int, piecewiseAbove: Int) throws(StoreError) -> (LoadedGeneration, JournalRead) {
        var attempts = 0
        while true {
            attempts += 1
            let before = (try? fs.status(layout.snapshot))?.map(\.identity)
            // The journal first, so that its lines are decoded while the snapshot is read.
            let journal: [UInt8]
            do {
                journal = try fs.read(layout.journal) ?? []
            } catch {
                throw .unreadable("Cannot read \(layout.journal): \(error). Nothing was changed.")
            }
            let reading = JournalRead.start(journal, maxRecordBytes: maxRecordBytes)
            let loaded = try loadGeneration(layout, fs: fs, opening: opening, piecewiseAbove: piecewiseAbove)
            let read = reading.wait()
            let after = (try? fs.status(layout.snapshot))?.map(\.identity)
            // A store compacted 20 times during one read is being rewritten in a loop; show what was read.
            if before == after || attempts >= 20 { return (loaded, read) }
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

    /// Loads snapshot.json, or the newest backup generation when it is missing or damaged
    /// (read-only then, so that `repair` is a decision the user takes). Never starts empty.
    static func loadGeneration(_ layout: StoreLayout, fs: FileSystem, opening: StoreOptions.Opening? = nil,
                               piecewiseAbove: Int) throws(StoreError) -> LoadedGeneration {
        // The index (small) is read first and decoded while the snapshot is read: on a deep store each
        // takes a few milliseconds, and the read is mostly the kernel's copy. Only the read uses `fs`.
        let indexBytes = (try? fs.read(layout.snapshotIndex)) ?? nil
        // A large snapshot wanted all at once is read in pieces, never held whole beside what it decodes to.
        if opening == nil, let status = try? fs.status(layout.snapshot), status.kind == .file, status.size >= piecewiseAbove,
           let index = indexBytes.flatMap(SnapshotIndex.decode),
           let loaded = PiecewiseSnapshot.load(layout.snapshot, fs: fs, size: status.size, index: index) {
            return loaded
        }
        let files = OneThreadAtATime(fs)
        let (snapshotRead, index) = ParallelMap.both({ () -> Result<[UInt8]?, IOFailure> in
            do throws(IOFailure) { return .success(try files.value.read(layout.snapshot)) } catch { return .failure(error) }
        }, { indexBytes.flatMap(SnapshotIndex.decode) })
        let snapshotBytes: [UInt8]?
        switch snapshotRead {
        case .success(let bytes): snapshotBytes = bytes
        case .failure(let error): throw .unreadable("Cannot read \(layout.snapshot): \(error)")
        }
        let damage: String
        // By the index when there is one: every period at once unless `opening` says which come first,
        // but the undo window and the history log left as bytes until they are asked for.
        if let bytes = snapshotBytes, let index,
           let loaded = readByIndex(bytes, index: index, opening: opening ?? { _, periods, _ in Set(periods) }) {
            return loaded
        }
        if let bytes = snapshotBytes {
            switch SnapshotCodec.read(bytes) {
            case .success(let decoded):
                let payload = decoded.value
                var loaded = try LoadedGeneration(payload)
                let window = payload.history.entries.map { UndoableEntry(raw: $0)?.seq }
                if !window.contains(nil) {
                    loaded.indexSource = (bytes, payload.data.scorecards.map(\.id), SnapshotIndex.published(payload.data.scorecards),
                                          window.compactMap { $0 })
                }
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

    /// The snapshot read by its index (`DeferredSnapshot`), the periods `opening` asks for first; nil when
    /// the index is not this snapshot's, or anything does not match it.
    private static func readByIndex(_ bytes: [UInt8], index: SnapshotIndex, opening: StoreOptions.Opening) -> LoadedGeneration? {
        DeferredSnapshot.load(bytes, index: index) { groups in
            Set(Dictionary(grouping: groups, by: \.key.framework).flatMap { framework, groups in
                opening(framework, groups.map(\.key.period).sorted(), Set(groups.filter(\.published).map(\.key.period)))
                    .map { SnapshotIndex.GroupKey(framework: framework, period: $0) }
            })
        }
    }

    /// A file system handed to another thread while this one does not use it (the file systems tests
    /// use to inject faults count their calls, so two threads never use one at the same moment).
    private struct OneThreadAtATime: @unchecked Sendable {
        let value: FileSystem
        init(_ value: FileSystem) { self.value = value }
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
                  case .success(let decoded) = SnapshotCodec.read(bytes) else { continue }
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
