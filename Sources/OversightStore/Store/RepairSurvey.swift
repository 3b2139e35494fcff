import OversightDomain

/// Everything `repair` can find, read without changing a byte: every snapshot (snapshot.json and
/// backups/snapshot-<S>.json) and every journal (journal.jsonl and backups/journal-<S>.jsonl), with
/// what replaying their entries onto the newest intact snapshot gives. Nothing acknowledged is left
/// out unseen: an entry is either brought back, or named with why it cannot be.
struct RepairSurvey {
    /// An intact journal entry and where it was read.
    struct Found {
        var entry: JournalEntry
        var place: String
    }

    /// A journal line that does not check out, the entry number it most likely held, and why.
    struct DamagedLine {
        var place: String
        var seq: Int?
        var detail: String
    }

    /// Every file read, by a name for quarantine/ (backups/journal-6.jsonl is kept as backups-journal-6.jsonl).
    var files: [(name: String, bytes: [UInt8])] = []
    /// The newest intact snapshot, and which file it is.
    var base: StoredSnapshot
    var baseName: String
    /// Snapshots that could not be used, with why.
    var snapshotProblems: [String] = []
    var entries: [Int: Found] = [:]
    var damaged: [DamagedLine] = []
    /// Entry numbers found twice with different contents (only an old bug could write that).
    var conflicts: [String] = []
    /// The highest entry number any file shows was ever written: the repaired store goes on after it.
    var highestSeq: Int

    /// What replaying gives: the state to write, and every entry after the base accounted for.
    struct Outcome {
        var loaded: LoadedGeneration
        var broughtBack: [Int] = []
        var replayed: [Int] = []
        var lost: [RepairPlan.Missing] = []
        var notReplayed: [RepairPlan.Missing] = []
        var undoWindowDropped = false
    }

    static func read(_ layout: StoreLayout, fs: FileSystem) throws(StoreError) -> RepairSurvey {
        var files: [(name: String, bytes: [UInt8])] = []
        var problems: [String] = []
        let backupNames = ((try? fs.list(layout.backups)) ?? []).filter { (try? fs.status(layout.backups + "/" + $0))?.kind == .file }
        func generation(_ name: String, _ prefix: String, _ suffix: String) -> Int? {
            guard name.hasPrefix(prefix), name.hasSuffix(suffix) else { return nil }
            return Int(name.dropFirst(prefix.count).dropLast(suffix.count))
        }
        func read(_ path: String, as name: String) -> [UInt8]? {
            do {
                guard let bytes = try fs.read(path) else { return nil }
                files.append((name, bytes))
                return bytes
            } catch {
                problems.append("\(name) cannot be read (\(error))")
                return nil
            }
        }

        // The snapshots: the newest intact one is the base.
        var snapshots: [(name: String, payload: StoredSnapshot)] = []
        var snapshotSources = [(layout.snapshot, StoreLayout.snapshotName)]
        for name in backupNames.sorted() where generation(name, "snapshot-", ".json") != nil {
            snapshotSources.append((layout.backups + "/" + name, "backups/" + name))
        }
        for (path, name) in snapshotSources {
            guard let bytes = read(path, as: name.replacingOccurrences(of: "/", with: "-")) else { continue }
            switch SnapshotCodec.read(bytes) {
            case .success(let decoded):
                if decoded.value.schemaVersion > SnapshotPayload.currentSchemaVersion {
                    throw .unreadable("Repair cannot fix this: \(name) was written by a newer version of oversight (store format \(decoded.value.schemaVersion)). Upgrade oversight. Nothing was changed.")
                }
                snapshots.append((name, decoded.value))
            case .failure(let failure):
                if case .newer(let version) = failure {
                    throw .unreadable("Repair cannot fix this: \(name) was written by a newer version of oversight (store format \(version)). Upgrade oversight. Nothing was changed.")
                }
                problems.append("\(name) is damaged (\(failure))")
            }
        }
        // Newest first; snapshot.json before a backup of the same entry.
        guard let base = snapshots.enumerated().max(by: { a, b in
            a.element.payload.seq != b.element.payload.seq ? a.element.payload.seq < b.element.payload.seq : a.offset > b.offset
        })?.element else {
            throw .unreadable("Repair cannot rebuild this store: neither snapshot.json nor any snapshot in backups/ is intact (\(problems.joined(separator: "; "))). Nothing was changed; copy the whole directory somewhere safe before anything else.")
        }
        var survey = RepairSurvey(files: [], base: base.payload, baseName: base.name, snapshotProblems: problems,
                                  highestSeq: snapshots.map(\.payload.seq).max() ?? base.payload.seq)

        // The journals, newest first: where two hold the same entry, the newer copy is the one used.
        let snapshotSeq = snapshots.first { $0.name == StoreLayout.snapshotName }?.payload.seq
        var journalSources: [(path: String, name: String, firstSeq: Int?)] = [(layout.journal, StoreLayout.journalName, snapshotSeq.map { $0 + 1 })]
        for name in backupNames.compactMap({ name in generation(name, "journal-", ".jsonl").map { (name, $0) } }).sorted(by: { $0.1 > $1.1 }) {
            journalSources.append((layout.backups + "/" + name.0, "backups/" + name.0, name.1 + 1))
        }
        for source in journalSources {
            guard let bytes = read(source.path, as: source.name.replacingOccurrences(of: "/", with: "-")) else { continue }
            survey.take(journal: bytes, name: source.name, firstSeq: source.firstSeq)
        }
        // The undo windows the intact snapshots hold are copies of entries too.
        for snapshot in snapshots {
            for raw in snapshot.payload.history.entries {
                guard let entry = try? JSONValueDecoder().decode(JournalEntry.self, from: raw), survey.entries[entry.seq] == nil else { continue }
                survey.entries[entry.seq] = Found(entry: entry, place: "the undo window of \(snapshot.name)")
            }
        }
        survey.snapshotProblems = problems
        survey.files = files
        survey.highestSeq = max(survey.highestSeq, survey.entries.keys.max() ?? 0, survey.damaged.compactMap(\.seq).max() ?? 0)
        return survey
    }

    /// Adds one journal file's entries, and its damaged lines with the entry number each most
    /// likely held (the one after the intact line before it, or before the intact line after it).
    mutating func take(journal bytes: [UInt8], name: String, firstSeq: Int?) {
        let lines = JournalScan.framedLines(bytes)
        var seqs: [Int?] = []
        var damagedAt: [Int: String] = [:]
        for (index, line) in lines.enumerated() {
            switch line.payload {
            case .success(let range):
                do {
                    let entry = try PayloadCoding.decodeEntry(bytes[range]).value
                    guard entry.v >= 1, entry.v <= SnapshotPayload.currentSchemaVersion else {
                        damagedAt[index] = "it says it is in store format \(entry.v), which this oversight does not read"
                        seqs.append(nil)
                        continue
                    }
                    seqs.append(entry.seq)
                    let place = "\(name) line \(line.number)"
                    if let existing = entries[entry.seq] {
                        if existing.entry != entry {
                            conflicts.append("entry \(entry.seq) has two different copies (\(existing.place) and \(place)); the first is used, and both are kept in quarantine/")
                        }
                    } else {
                        entries[entry.seq] = Found(entry: entry, place: place)
                    }
                } catch {
                    damagedAt[index] = "its checksum is right but it is not a journal entry (\(error))"
                    seqs.append(nil)
                }
            case .failure(let error):
                // A torn last line never held an acknowledged entry: it is not counted.
                if index == lines.count - 1, JournalScan.isTornWrite(bytes[line.offset...]) { continue }
                damagedAt[index] = error.description
                seqs.append(nil)
            }
        }
        // Entry numbers for the damaged lines, from their neighbours.
        var guesses = [Int?](repeating: nil, count: seqs.count)
        var expected = firstSeq
        for (index, seq) in seqs.enumerated() {
            if let seq { expected = seq + 1 } else { guesses[index] = expected; expected = expected.map { $0 + 1 } }
        }
        var following: Int?
        for index in seqs.indices.reversed() {
            if let seq = seqs[index] { following = seq - 1 } else {
                if guesses[index] == nil { guesses[index] = following }
                following = following.map { $0 - 1 }
            }
        }
        for (index, detail) in damagedAt.sorted(by: { $0.key < $1.key }) {
            damaged.append(DamagedLine(place: "\(name) line \(lines[index].number)", seq: guesses[index], detail: detail))
        }
    }

    /// Replays every entry after the base, in order. Before the first entry that cannot be brought
    /// back, every entry is applied (they are the journal as written); after it, an entry is applied
    /// only with `laterEntries`, and only if every record is as its before-image says (replay is
    /// physical, so such an entry means what it meant when it was written).
    func replay(laterEntries: Bool) throws(StoreError) -> Outcome {
        var outcome = Outcome(loaded: try LoadedGeneration(base))
        // A base whose undo window lacks an entry keeps its data; its window is dropped.
        var dropWindow = outcome.loaded.readOnly != nil
        var gap = false
        let last = max(highestSeq, base.seq)
        if last > base.seq {
            for seq in (base.seq + 1)...last {
                guard let found = entries[seq] else {
                    let line = damaged.first { $0.seq == seq }
                    let why = line.map { "\($0.place) holds it, damaged: \($0.detail)" }
                        ?? "no file of the store holds it (snapshot.json, journal.jsonl or backups/)"
                    outcome.lost.append(RepairPlan.Missing(seq: seq, label: nil, why: why))
                    gap = true
                    continue
                }
                let entry = found.entry
                if gap && !laterEntries {
                    outcome.notReplayed.append(RepairPlan.Missing(seq: seq, label: entry.label, why: "not replayed, as you chose; it is kept in quarantine/"))
                    continue
                }
                do {
                    outcome.loaded.dataset = try outcome.loaded.dataset.applying(entry.change)
                } catch {
                    outcome.notReplayed.append(RepairPlan.Missing(seq: seq, label: entry.label, why: "\(error)"))
                    gap = true
                    continue
                }
                if !dropWindow {
                    do {
                        try outcome.loaded.stacks.record(entry.kind, seq: entry.seq, of: entry.of)
                        if entry.kind == .do { outcome.loaded.undoable[entry.seq] = UndoableEntry(entry) }
                    } catch {
                        dropWindow = true
                    }
                }
                outcome.loaded.log.append(HistoryItem(entry))
                if gap { outcome.replayed.append(seq) } else { outcome.broughtBack.append(seq) }
            }
        }
        // Undo after a gap could take back an entry whose neighbours are missing: it starts afresh.
        if dropWindow || gap {
            outcome.undoWindowDropped = !outcome.loaded.stacks.all.isEmpty
            outcome.loaded.stacks = UndoStacks()
            outcome.loaded.undoable = [:]
        } else {
            let live = outcome.loaded.stacks.all
            outcome.loaded.undoable = outcome.loaded.undoable.filter { live.contains($0.key) }
        }
        // Every number any file shows was used stays used: the next entry comes after all of them.
        outcome.loaded.lastSeq = last
        outcome.loaded.snapshotSeq = last
        return outcome
    }
}
