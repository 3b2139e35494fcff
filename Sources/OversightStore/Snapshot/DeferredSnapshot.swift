import OversightDomain

/// snapshot.json read with its index (`SnapshotIndex`): the whole frame's checksum checked as
/// always, then only the register, the records people write, the undo stacks and the scorecards of
/// the periods asked for parsed now. The other periods' scorecards wait in `DeferredScorecards`; the
/// undo window's entries and the history log wait as bytes until undo or the history reaches them.
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
        // the rest of the document.
        var deferred = DeferredScorecards(bytes: bytes, base: base, groups: index.groups)
        let firstRanges = deferred.claim(opening(index.groups))
        let shares = firstRanges.count >= SnapshotDecoding.parallelThreshold ? ParallelMap.chunks : 1
        let unread = deferred, document = self.document(bytes[range], index: index), records = index.records
        let notes = records.map { slice($0.notes) }, actions = records.map { slice($0.actions) }
        var parts = ParallelMap.map(3 + shares) { task -> Part in
            switch task {
            case 0:
                guard let value = try? JSONParser.parse(document) else { return .failed }
                return DirectReading.read(StoredSnapshot.self, value).map(Part.document) ?? .failed
            case 1: return notes.map { read($0, Direct.note).map(Part.notes) ?? .failed } ?? .notes([])
            case 2: return actions.map { read($0, Direct.action).map(Part.actions) ?? .failed } ?? .actions([])
            default:
                let share = task - 3
                let part = firstRanges[share * firstRanges.count / shares ..< (share + 1) * firstRanges.count / shares]
                return unread.readHere(part, checkingGroups: true).map(Part.cards) ?? .failed
            }
        }
        guard case .document(var stored) = parts[0], case .notes(let readNotes) = parts[1], case .actions(let readActions) = parts[2],
              stored.schemaVersion <= SnapshotPayload.currentSchemaVersion,
              stored.data.scorecards.isEmpty, stored.history.entries.isEmpty, stored.log.isEmpty else { return nil }
        if records != nil {
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
    private static func read<T>(_ bytes: ArraySlice<UInt8>, _ reader: (JSONValue) throws(DirectRefusal) -> T) -> [T]? {
        guard let value = try? JSONParser.parse(bytes) else { return nil }
        return try? Direct.list(value, reader)
    }

    /// What one of the side-by-side reads gave.
    private enum Part {
        case document(StoredSnapshot), notes([Note]), actions([Action]), cards([Scorecard]), failed
    }
}

/// The scorecards of the periods not yet read: the snapshot's bytes (already checked against its
/// checksum) and where each period's scorecards lie in them.
struct DeferredScorecards {
    private let bytes: [UInt8]
    private let base: Int
    private var groups: [SnapshotIndex.GroupKey: [Range<Int>]]
    /// What the journal changed in waiting scorecards, entry by entry, to apply when they are read.
    private var held: [Change] = []

    init(bytes: [UInt8], base: Int, groups: [SnapshotIndex.Group]) {
        self.bytes = bytes
        self.base = base
        self.groups = Dictionary(groups.map { ($0.key, $0.cards) }, uniquingKeysWith: { $0 + $1 })
    }

    var isEmpty: Bool { groups.isEmpty }
    func isWaiting(_ key: SnapshotIndex.GroupKey) -> Bool { groups[key] != nil }

    /// A journal entry's changes to waiting scorecards (each of them in a waiting group).
    mutating func hold(_ change: Change) { held.append(change) }

    /// Every scorecard still waiting, with the changes held for them applied in the journal's order, as
    /// replay would have applied them (each checked against its before-image).
    mutating func readAll() -> Result<[Scorecard], Failure> {
        guard let cards = takeAll() else { return .failure(.unreadable(wholeReadFailure())) }
        guard !held.isEmpty else { return .success(cards) }
        var part = Dataset(scorecards: cards.isSortedByID ? cards : cards.sortedByID())
        for change in held {
            do { try part.apply(change) } catch { return .failure(.conflict("\(error)")) }
        }
        held = []
        return .success(part.scorecards)
    }

    enum Failure: Error, CustomStringConvertible {
        /// A scorecard does not read (the snapshot is damaged although its checksum is right): why, as a whole read says it.
        case unreadable(String)
        /// A journal entry held for waiting scorecards does not fit them.
        case conflict(String)

        var description: String {
            switch self {
            case .unreadable(let why): return "one of snapshot.json's scorecards does not read although its checksum is right: \(why)"
            case .conflict(let why): return "a journal entry does not fit the scorecards it changes: \(why)"
            }
        }
    }

    /// Every scorecard still waiting, as the snapshot holds it. Which group the index put each in no
    /// longer matters here: every element of the array is read, so one listed under the wrong period is still read.
    private mutating func takeAll() -> [Scorecard]? { read(claim(Set(groups.keys)), checkingGroups: false) }

    /// Why the snapshot does not read whole, in the words an open that reads it whole would use.
    func wholeReadFailure() -> String {
        if case .failure(let failure) = SnapshotCodec.read(bytes) { return failure.description }
        return "its scorecards do not read as its index says"
    }

    /// Where the scorecards of these groups (those still waiting) lie, in the array's order, which
    /// the snapshot writes sorted by id (merging them in is then one pass); they stop waiting here.
    mutating func claim(_ wanted: Set<SnapshotIndex.GroupKey>) -> [(SnapshotIndex.GroupKey, Range<Int>)] {
        var found: [(SnapshotIndex.GroupKey, Range<Int>)] = []
        for key in wanted.sorted() {
            guard let cards = groups.removeValue(forKey: key) else { continue }
            found += cards.map { (key, $0) }
        }
        found.sort { $0.1.lowerBound < $1.1.lowerBound }
        return found
    }

    /// The scorecards at these places, on every core when there are many. Nil when one does not read
    /// (or, `checkingGroups`, is not of the group it is listed under): the snapshot is then read whole,
    /// which says what is wrong with it.
    func read(_ ranges: [(SnapshotIndex.GroupKey, Range<Int>)], checkingGroups: Bool) -> [Scorecard]? {
        let chunks = ranges.count >= SnapshotDecoding.parallelThreshold ? ParallelMap.chunks : 1
        var read = ParallelMap.map(chunks) { chunk in
            self.readHere(ranges[chunk * ranges.count / chunks ..< (chunk + 1) * ranges.count / chunks], checkingGroups: checkingGroups)
        }
        var cards: [Scorecard] = []
        cards.reserveCapacity(ranges.count)
        for chunk in read.indices {
            guard let share = read[chunk] else { return nil }
            read[chunk] = nil
            cards += share
        }
        return cards
    }

    /// The scorecards at these places, read on this thread; nil as for `read`.
    func readHere(_ share: ArraySlice<(SnapshotIndex.GroupKey, Range<Int>)>, checkingGroups: Bool) -> [Scorecard]? {
        var cards: [Scorecard] = []
        cards.reserveCapacity(share.count)
        return bytes.withUnsafeBufferPointer { buffer -> [Scorecard]? in
            for (key, range) in share {
                let element = UnsafeBufferPointer(rebasing: buffer[(base + range.lowerBound)..<(base + range.upperBound)])
                guard let value = try? JSONParser.parse(element), let card = DeferredScorecards.scorecard(value),
                      !checkingGroups || SnapshotIndex.GroupKey(card.id) == key else { return nil }
                cards.append(card)
            }
            return cards
        }
    }

    /// A scorecard read as the snapshot's own reading would: the direct reader, else `Decodable`
    /// (which accepts what the direct reader leaves to it), with no field it does not know.
    static func scorecard(_ value: JSONValue) -> Scorecard? {
        if let card = try? Direct.scorecard(value) { return card }
        guard let (card, unknown) = try? JSONValueDecoder().decodeReportingUnknownFields(Scorecard.self, from: value),
              unknown.isEmpty else { return nil }
        return card
    }
}
