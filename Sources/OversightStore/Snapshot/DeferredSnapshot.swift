import OversightDomain

/// snapshot.json read with its index (`SnapshotIndex`): the whole frame's checksum checked as
/// always, then only the register, the interventions and meetings, the undo stacks and the
/// scorecards of the periods asked for parsed now. The other periods' scorecards, and with them the
/// notes and actions, wait in `WaitingRecords`; the undo window's entries and the history log wait
/// as bytes until undo or the history reaches them.
enum DeferredSnapshot {
    /// The generation, part loaded; nil whenever anything does not match exactly what the index
    /// says (the caller then reads the snapshot whole, which names any damage as it always did).
    static func load(_ bytes: [UInt8], index: SnapshotIndex,
                     opening: ([SnapshotIndex.Group]) -> Set<SnapshotIndex.GroupKey>) -> LoadedGeneration? {
        guard let range = try? Frame.wholeFilePayload(bytes),
              let crc = Frame.declared(bytes[...])?.crc else { return nil }
        let payload = bytes[range]
        let fits = payload.withUnsafeBufferPointer { index.fits($0, crc: crc) }
        guard fits else { return nil }
        let base = range.lowerBound
        func slice(_ r: Range<Int>) -> ArraySlice<UInt8> { bytes[(base + r.lowerBound)..<(base + r.upperBound)] }

        // The document, the notes, the actions and the first periods' scorecards in shares, read side
        // by side on every core: with a decade of meetings the notes and actions are as much work as
        // the rest of the document. While any period waits, the notes and actions wait with it: no
        // first frame shows them.
        var deferred = WaitingRecords(bytes: bytes, base: base, groups: index.groups)
        let firstRanges = deferred.claim(opening(index.groups))
        let periodsWait = !deferred.isEmpty
        if periodsWait, let records = index.records { deferred.wait(for: records) }
        let recordsNow = periodsWait ? nil : index.records
        let shares = firstRanges.count >= SnapshotDecoding.parallelThreshold ? ParallelMap.chunks : 1
        let unread = deferred, document = self.document(bytes[range], index: index)
        let notes = recordsNow.map { slice($0.notes) }, actions = recordsNow.map { slice($0.actions) }
        var parts = ParallelMap.map(3 + shares) { task -> Part in
            switch task {
            case 0:
                guard let value = try? JSONParser.parse(document) else { return .failed }
                return DirectReading.read(StoredSnapshot.self, value).map(Part.document) ?? .failed
            case 1: return notes.map { list($0, Direct.note).map(Part.notes) ?? .failed } ?? .notes([])
            case 2: return actions.map { list($0, Direct.action).map(Part.actions) ?? .failed } ?? .actions([])
            default:
                let share = task - 3
                let part = firstRanges[share * firstRanges.count / shares ..< (share + 1) * firstRanges.count / shares]
                return unread.readHere(part, checkingGroups: true).map(Part.cards) ?? .failed
            }
        }
        guard case .document(var stored) = parts[0], case .notes(let readNotes) = parts[1], case .actions(let readActions) = parts[2],
              stored.schemaVersion <= SnapshotPayload.currentSchemaVersion,
              stored.data.scorecards.isEmpty, stored.history.entries.isEmpty, stored.log.isEmpty else { return nil }
        if index.records != nil {
            guard stored.data.notes.isEmpty, stored.data.actions.isEmpty else { return nil }
            stored.data.notes = readNotes
            stored.data.actions = readActions
        }
        // Each share let go once copied, so that the scorecards are not held twice over.
        var first: [Scorecard] = []
        first.reserveCapacity(firstRanges.count)
        for share in parts.indices.dropFirst(3) {
            guard case .cards(let cards) = parts[share] else { return nil }
            parts[share] = .failed
            first += cards
        }
        stored.data.scorecards = first
        let window = index.windowEntries.map { (seq: $0.seq, bytes: Array(slice($0.range))) }
        guard var loaded = try? LoadedGeneration(stored, window: window, log: Array(slice(index.log))) else { return nil }
        loaded.deferred = deferred.isEmpty ? nil : deferred
        return loaded
    }

    /// The payload with the arrays the index lists emptied: everything else, to be parsed and read strictly.
    private static func document(_ payload: ArraySlice<UInt8>, index: SnapshotIndex) -> [UInt8] {
        let base = payload.startIndex
        var document: [UInt8] = []
        document.reserveCapacity(payload.count - index.cuts.reduce(0) { $0 + $1.count } + 2 * index.cuts.count)
        var cursor = 0
        for cut in index.cuts {
            document += payload[(base + cursor)..<(base + cut.lowerBound)]
            document += [UInt8(ascii: "["), UInt8(ascii: "]")]
            cursor = cut.upperBound
        }
        document += payload[(base + cursor)...]
        return document
    }

    /// An array of records read by their direct reader; nil when it does not parse or one is refused
    /// (the snapshot is then read whole, which says why).
    static func list<T>(_ bytes: ArraySlice<UInt8>, _ reader: (JSONValue) throws(DirectRefusal) -> T) -> [T]? {
        guard let value = try? JSONParser.parse(bytes) else { return nil }
        return try? Direct.list(value, reader)
    }

    /// What one of the side-by-side reads gave.
    private enum Part {
        case document(StoredSnapshot), notes([Note]), actions([Action]), cards([Scorecard]), failed
    }
}
