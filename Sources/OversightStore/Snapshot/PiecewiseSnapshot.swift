import OversightDomain

/// A large snapshot.json read in pieces when an open wants all of it at once (the commands: history,
/// papers, export). Its scorecards, nearly all of its bytes, are read a few megabytes at a time and
/// parsed as they come, so the file is never held whole beside what it decodes to (issue 16: at
/// 10,000 organisations the 100 MB file was a third of the peak memory).
///
/// Nothing is given up: the checksum runs across the pieces in the file's order and must equal the
/// frame's before anything read is used, the header must be exactly the one the index was made for,
/// and the bytes between scorecards must be what `SnapshotIndex.fits` allows. On any difference this
/// gives nil and the snapshot is read whole, which names the damage as it always did.
enum PiecewiseSnapshot {
    /// Below this a snapshot is read whole: it costs less than the pieces' extra reads and copies.
    static let threshold = 32 << 20
    static let pieceBytes = 4 << 20

    /// The rest of the payload through `DeferredSnapshot`, then every scorecard; nil as above.
    static func load(_ path: String, fs: FileSystem, size: Int, index: SnapshotIndex, pieceBytes: Int = pieceBytes) -> LoadedGeneration? {
        let header = Frame.header(crc: index.snapshotCRC, length: index.snapshotLength)
        let cards = index.placedCards
        let open = index.scorecards.lowerBound + 1
        guard let lastEnd = cards.last?.1.upperBound, size == header.count + index.snapshotLength + Frame.suffix.count,
              index.scorecards.lowerBound >= 0, open <= cards[0].1.lowerBound, lastEnd < index.scorecards.upperBound,
              index.scorecards.upperBound <= index.snapshotLength else { return nil }

        // The header and the payload up to the scorecards' `[`; from the last scorecard to the end of the file.
        guard let front = try? fs.read(path, from: 0, count: header.count + open), front.count == header.count + open,
              front.starts(with: header),
              let back = try? fs.read(path, from: header.count + lastEnd, count: size - header.count - lastEnd),
              back.count == size - header.count - lastEnd, back.suffix(Frame.suffix.count).elementsEqual(Frame.suffix) else { return nil }
        var crc = CRC32C.update(0, front[header.count...])

        // The payload with the scorecards taken out (their array left empty) and the index moved to
        // match, read as any indexed snapshot is (the document, the records, the undo window, the
        // log). First, so that its parse tree is freed before the scorecards pile up; its result is
        // used only once the checksum over every piece has matched.
        let outer = Array(front[header.count...]) + back.dropLast(Frame.suffix.count)
        let removed = lastEnd - open
        func moved(_ range: Range<Int>) -> Range<Int>? {
            if range.upperBound <= open { return range }
            return range.lowerBound >= lastEnd ? (range.lowerBound - removed)..<(range.upperBound - removed) : nil
        }
        guard let window = moved(index.window), let log = moved(index.log) else { return nil }
        var entries: [SnapshotIndex.WindowEntry] = []
        for entry in index.windowEntries {
            guard let range = moved(entry.range) else { return nil }
            entries.append(SnapshotIndex.WindowEntry(seq: entry.seq, range: range))
        }
        var records: SnapshotIndex.Records?
        if let listed = index.records {
            guard let notes = moved(listed.notes), let actions = moved(listed.actions) else { return nil }
            records = SnapshotIndex.Records(notes: notes, actions: actions)
        }
        let rest = SnapshotIndex(snapshotCRC: CRC32C.checksum(outer), snapshotLength: outer.count,
                                 scorecards: index.scorecards.lowerBound..<(index.scorecards.upperBound - removed), groups: [],
                                 window: window, windowEntries: entries, log: log, records: records)
        guard var loaded = DeferredSnapshot.load(Frame.encode(outer), index: rest, opening: { _ in [] }) else { return nil }

        var cardsRead: [Scorecard] = []
        cardsRead.reserveCapacity(cards.count)
        let pieces = self.pieces(cards, from: open, bytes: pieceBytes)
        // As many pieces at a time as there are cores: read in order (the checksum runs in the file's
        // order), then parsed side by side, then let go.
        var next = 0
        while next < pieces.count {
            let batch = Array(pieces[next..<min(next + ParallelMap.chunks, pieces.count)])
            var chunks: [[UInt8]] = []
            for piece in batch {
                guard let chunk = try? fs.read(path, from: header.count + piece.bytes.lowerBound, count: piece.bytes.count),
                      chunk.count == piece.bytes.count else { return nil }
                crc = CRC32C.update(crc, chunk[...])
                chunks.append(chunk)
            }
            let (read, firstInBatch) = (chunks, next)
            let parsed = ParallelMap.map(batch.count) { n in scorecards(batch[n], in: read[n], first: firstInBatch + n == 0) }
            for share in parsed {
                guard let share else { return nil }
                cardsRead += share
            }
            next += batch.count
        }
        crc = CRC32C.update(crc, back.dropLast(Frame.suffix.count))
        guard crc == index.snapshotCRC else { return nil }

        loaded.dataset.scorecards = cardsRead
        loaded.dataset.normalise()
        return loaded
    }

    /// A run of scorecards read together: its bytes in the payload, from just past the one before
    /// (so the comma and space between them are checked) to the end of its last.
    struct Piece {
        var bytes: Range<Int>
        var cards: ArraySlice<(SnapshotIndex.GroupKey, Range<Int>)>
    }

    /// The scorecards, in the payload's order, in runs of about `bytes` each.
    static func pieces(_ cards: [(SnapshotIndex.GroupKey, Range<Int>)], from start: Int, bytes: Int) -> [Piece] {
        var pieces: [Piece] = []
        var first = 0, pieceStart = start
        for (n, card) in cards.enumerated() where card.1.upperBound - pieceStart >= bytes || n == cards.count - 1 {
            pieces.append(Piece(bytes: pieceStart..<card.1.upperBound, cards: cards[first...n]))
            first = n + 1
            pieceStart = card.1.upperBound
        }
        return pieces
    }

    /// The piece's scorecards, each of the group it is listed under, with only whitespace and one
    /// comma before each (none before the array's first); nil otherwise.
    static func scorecards(_ piece: Piece, in bytes: [UInt8], first: Bool) -> [Scorecard]? {
        bytes.withUnsafeBufferPointer { buffer -> [Scorecard]? in
            var read: [Scorecard] = []
            read.reserveCapacity(piece.cards.count)
            var cursor = 0
            for (n, (key, range)) in zip(piece.cards.indices, piece.cards) {
                let element = (range.lowerBound - piece.bytes.lowerBound)..<(range.upperBound - piece.bytes.lowerBound)
                guard element.lowerBound >= cursor, !element.isEmpty, element.upperBound <= buffer.count,
                      SnapshotIndex.gap(cursor..<element.lowerBound, in: buffer, commas: first && n == piece.cards.startIndex ? 0 : 1),
                      let value = try? JSONParser.parse(UnsafeBufferPointer(rebasing: buffer[element])),
                      let card = WaitingRecords.scorecard(value), SnapshotIndex.GroupKey(card.id) == key else { return nil }
                read.append(card)
                cursor = element.upperBound
            }
            return read
        }
    }
}
