import OversightDomain

/// What an open by the index left for later (`DeferredSnapshot`): the scorecards of the periods not
/// yet read and, while any wait, the notes and actions (a decade of meetings leaves thousands, and no
/// first frame shows them). It keeps the snapshot's bytes, already checked against its checksum, and
/// where each part lies in them.
struct WaitingRecords {
    private let bytes: [UInt8]
    private let base: Int
    private var groups: [SnapshotIndex.GroupKey: [Range<Int>]]
    /// `data.notes` and `data.actions`, when they wait.
    private var records: SnapshotIndex.Records?
    /// What the journal changed in waiting records, entry by entry, to apply when they are read.
    private var held: [Change] = []

    init(bytes: [UInt8], base: Int, groups: [SnapshotIndex.Group]) {
        self.bytes = bytes
        self.base = base
        self.groups = Dictionary(groups.map { ($0.key, $0.cards) }, uniquingKeysWith: { $0 + $1 })
    }

    var isEmpty: Bool { groups.isEmpty && records == nil }

    /// Leaves the notes and actions at these places for later too.
    mutating func wait(for records: SnapshotIndex.Records) { self.records = records }

    /// Whether a change to this record waits for it to be read: a scorecard of a waiting period, or
    /// any note or action while they wait (a new one too, so that it is not added twice).
    func isWaiting(_ key: RecordKey) -> Bool {
        switch key {
        case .scorecard(let id): return groups[SnapshotIndex.GroupKey(id)] != nil
        case .note, .action: return records != nil
        case .intervention, .organisation, .release, .meeting: return false
        }
    }

    /// A journal entry's changes to waiting records (`isWaiting`).
    mutating func hold(_ change: Change) { held.append(change) }

    /// What was waiting, as it is once read: the notes and actions nil when they were not waiting.
    struct Read {
        var scorecards: [Scorecard]
        var notes: [Note]?
        var actions: [Action]?

        var keys: [RecordKey] {
            scorecards.map { .scorecard($0.id) } + (notes ?? []).map { .note($0.id) } + (actions ?? []).map { .action($0.id) }
        }

        /// Put into the records read first: the scorecards merged in, and the notes and actions (none of
        /// which were read first, the journal's changes to them all held) as they are.
        func add(to dataset: inout Dataset) {
            dataset.scorecards = LoadedGeneration.merged(dataset.scorecards, scorecards)
            if let notes { dataset.notes = notes }
            if let actions { dataset.actions = actions }
        }
    }

    /// Everything still waiting, with the changes held for it applied in the journal's order, as
    /// replay would have applied them (each checked against its before-image).
    mutating func readAll() -> Result<Read, Failure> {
        guard let cards = takeAll() else { return .failure(.unreadable(wholeReadFailure())) }
        var read = Read(scorecards: cards)
        if let waiting = records {
            records = nil
            if let notes = DeferredSnapshot.list(slice(waiting.notes), Direct.note),
               let actions = DeferredSnapshot.list(slice(waiting.actions), Direct.action) {
                (read.notes, read.actions) = (notes, actions)
            } else if case .success(let whole) = SnapshotCodec.read(bytes), whole.unknownFields.isEmpty {
                // An index that put them in each other's place (its checks at open look only at the
                // brackets) costs a whole read here, never the records.
                (read.notes, read.actions) = (whole.value.data.notes, whole.value.data.actions)
            } else {
                return .failure(.unreadable(wholeReadFailure()))
            }
        }
        guard !held.isEmpty else { return .success(read) }
        var part = Dataset(scorecards: cards, notes: read.notes ?? [], actions: read.actions ?? [])
        part.normalise()
        for change in held {
            do { try part.apply(change) } catch { return .failure(.conflict("\(error)")) }
        }
        held = []
        return .success(Read(scorecards: part.scorecards, notes: read.notes == nil ? nil : part.notes,
                             actions: read.actions == nil ? nil : part.actions))
    }

    private func slice(_ range: Range<Int>) -> ArraySlice<UInt8> { bytes[(base + range.lowerBound)..<(base + range.upperBound)] }

    enum Failure: Error, CustomStringConvertible {
        /// A record does not read (the snapshot is damaged although its checksum is right): why, as a whole read says it.
        case unreadable(String)
        /// A journal entry held for waiting records does not fit them.
        case conflict(String)

        var description: String {
            switch self {
            case .unreadable(let why): return "one of snapshot.json's records does not read although its checksum is right: \(why)"
            case .conflict(let why): return "a journal entry does not fit the records it changes: \(why)"
            }
        }
    }

    /// Every scorecard still waiting, as the snapshot holds it. Which group the index put each in no
    /// longer matters here: every element of the array is read, so one listed under the wrong period is still read.
    private mutating func takeAll() -> [Scorecard]? { read(claim(Set(groups.keys)), checkingGroups: false) }

    /// Why the snapshot does not read whole, in the words an open that reads it whole would use.
    func wholeReadFailure() -> String {
        switch SnapshotCodec.read(bytes) {
        case .failure(let failure): return failure.description
        case .success(let whole) where !whole.unknownFields.isEmpty:
            return "it has a field this oversight does not know: \(whole.unknownFields.summary)"
        case .success: return "its records do not read as its index says"
        }
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
                guard let value = try? JSONParser.parse(element), let card = WaitingRecords.scorecard(value),
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
