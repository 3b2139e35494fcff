import OversightDomain

/// Where the parts of snapshot.json's payload lie, so that an open can parse what the first frame
/// needs and leave the rest for later (issue 16): the scorecards of each framework and period, each
/// entry of the undo window, the history log. Offsets count from the payload's first byte.
///
/// It is kept beside the snapshot as `snapshot-index.json`, one CRC frame, and is derived: it names
/// the snapshot frame it was made for by that frame's checksum and length, and an open that finds it
/// missing, damaged, made for another snapshot, or not matching the bytes (`fits`) reads the snapshot
/// whole, as before. The snapshot stays the one source of truth, and its whole-frame checksum is
/// still checked before any of it is parsed: the index only says which bytes can wait.
struct SnapshotIndex: Equatable {
    static let version = 1

    /// The snapshot frame this describes: its payload's CRC-32C and length.
    var snapshotCRC: UInt32
    var snapshotLength: Int
    /// `data.scorecards`, from its `[` to just past its `]`, and its elements in groups.
    var scorecards: Range<Int>
    var groups: [Group]
    /// `history.entries`, and each entry with its sequence number.
    var window: Range<Int>
    var windowEntries: [WindowEntry]
    /// `log`.
    var log: Range<Int>
    /// `data.notes` and `data.actions`, read beside the rest of the document rather than inside it
    /// (a decade of meetings leaves thousands). Nil in an index written before they were listed.
    var records: Records?

    struct Records: Equatable {
        var notes: Range<Int>
        var actions: Range<Int>
    }

    /// One framework's scorecards for one period, each element's bytes in the array's order, and
    /// whether any of them holds figures NHS England published (which the console's first frame
    /// looks for across the year it opens on). True when an index does not say.
    struct Group: Equatable {
        var key: GroupKey
        var cards: [Range<Int>]
        var published = true
    }

    struct WindowEntry: Equatable {
        var seq: Int
        var range: Range<Int>
    }

    /// A framework and a period, as a scorecard's id names them.
    struct GroupKey: Hashable, Comparable {
        var framework: FrameworkID
        var period: Period

        init(framework: FrameworkID, period: Period) {
            self.framework = framework
            self.period = period
        }

        init(_ id: ScorecardID) { self.init(framework: id.framework, period: id.period) }

        static func < (lhs: GroupKey, rhs: GroupKey) -> Bool {
            lhs.framework != rhs.framework ? lhs.framework < rhs.framework : lhs.period < rhs.period
        }
    }

    /// The index of a payload, given what its arrays hold in order (the scorecards, and the undo
    /// window's sequence numbers) and the groups with published figures: nil when the payload's shape
    /// does not match them.
    static func make(payload: ArraySlice<UInt8>, scorecards: [ScorecardID], published: Set<GroupKey>, window: [Int]) -> SnapshotIndex? {
        payload.withUnsafeBufferPointer { buffer -> SnapshotIndex? in
            let outline = JSONOutline(buffer)
            guard let cardsStart = outline.start(of: ["data", "scorecards"]),
                  let (cards, cardsEnd) = outline.elements(ofArrayAt: cardsStart), cards.count == scorecards.count,
                  let windowStart = outline.start(of: ["history", "entries"]),
                  let (entries, windowEnd) = outline.elements(ofArrayAt: windowStart), entries.count == window.count,
                  let logStart = outline.start(of: ["log"]), let (_, logEnd) = outline.elements(ofArrayAt: logStart),
                  cardsEnd <= windowStart, windowEnd <= logStart else { return nil }
            var records: Records?
            if let notesStart = outline.start(of: ["data", "notes"]), let (_, notesEnd) = outline.elements(ofArrayAt: notesStart),
               let actionsStart = outline.start(of: ["data", "actions"]), let (_, actionsEnd) = outline.elements(ofArrayAt: actionsStart) {
                records = Records(notes: notesStart..<notesEnd, actions: actionsStart..<actionsEnd)
            }
            var groups: [GroupKey: [Range<Int>]] = [:]
            for (id, range) in zip(scorecards, cards) { groups[GroupKey(id), default: []].append(range) }
            return SnapshotIndex(snapshotCRC: CRC32C.checksum(buffer), snapshotLength: buffer.count,
                                 scorecards: cardsStart..<cardsEnd,
                                 groups: groups.keys.sorted().map { Group(key: $0, cards: groups[$0]!, published: published.contains($0)) },
                                 window: windowStart..<windowEnd,
                                 windowEntries: zip(window, entries).map { WindowEntry(seq: $0, range: $1) },
                                 log: logStart..<logEnd, records: records)
        }
    }

    /// Whether this index describes `payload`: made for its frame, and every range where the payload
    /// has what it says. The arrays start and end with their brackets, in order, and the elements
    /// listed cover each array exactly, with only whitespace and one comma between neighbours, so
    /// each listed range is exactly one element and none is left out. Costs a look at the bytes
    /// between elements, not at the elements.
    func fits(_ payload: UnsafeBufferPointer<UInt8>, crc: UInt32) -> Bool {
        guard crc == snapshotCRC, payload.count == snapshotLength,
              scorecards.upperBound <= window.lowerBound, window.upperBound <= log.lowerBound, log.upperBound <= payload.count,
              SnapshotIndex.tiles(groups.flatMap(\.cards).sorted { $0.lowerBound < $1.lowerBound }, scorecards, payload),
              SnapshotIndex.tiles(windowEntries.map(\.range), window, payload),
              SnapshotIndex.isArray(log, payload) else { return false }
        if let records {
            guard SnapshotIndex.isArray(records.notes, payload), SnapshotIndex.isArray(records.actions, payload) else { return false }
        }
        let cut = cuts
        return zip(cut, cut.dropFirst()).allSatisfy { $0.upperBound <= $1.lowerBound }
    }

    /// Every scorecard's group and place, in the payload's order.
    var placedCards: [(GroupKey, Range<Int>)] {
        groups.flatMap { group in group.cards.map { (group.key, $0) } }.sorted { $0.1.lowerBound < $1.1.lowerBound }
    }

    /// The groups holding published figures among these scorecards (`Group.published`).
    static func published(_ cards: [Scorecard]) -> Set<GroupKey> {
        Set(cards.lazy.filter { $0.published != nil }.map { GroupKey($0.id) })
    }

    /// The arrays an open reads apart from the rest of the document, in the payload's order: the
    /// document is parsed with each of them emptied.
    var cuts: [Range<Int>] {
        ([scorecards, window, log] + (records.map { [$0.notes, $0.actions] } ?? [])).sorted { $0.lowerBound < $1.lowerBound }
    }

    private static func isArray(_ range: Range<Int>, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        range.lowerBound >= 0 && range.count >= 2 && range.upperBound <= bytes.count
            && bytes[range.lowerBound] == UInt8(ascii: "[") && bytes[range.upperBound - 1] == UInt8(ascii: "]")
    }

    private static func tiles(_ elements: [Range<Int>], _ array: Range<Int>, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard isArray(array, bytes) else { return false }
        var cursor = array.lowerBound + 1
        for (n, element) in elements.enumerated() {
            guard !element.isEmpty, element.lowerBound >= cursor, element.upperBound < array.upperBound,
                  gap(cursor..<element.lowerBound, in: bytes, commas: n == 0 ? 0 : 1) else { return false }
            cursor = element.upperBound
        }
        return gap(cursor..<(array.upperBound - 1), in: bytes, commas: 0)
    }

    /// Whether only whitespace and `commas` commas lie in `range`: what lies between an array's elements.
    static func gap(_ range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>, commas: Int) -> Bool {
        var seen = 0
        for index in range {
            switch bytes[index] {
            case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"): continue
            case UInt8(ascii: ","): seen += 1
            default: return false
            }
        }
        return seen == commas
    }
}
