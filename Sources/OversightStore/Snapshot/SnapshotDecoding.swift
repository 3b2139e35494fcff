import OversightDomain

/// Decodes snapshot.json's scorecards on every core. They are most of a snapshot (the bundled one
/// holds thousands, a third of the time it takes to open), and each is independent of the others.
///
/// Only the clean case is done here: when anything is off (a type error, an unknown field, no
/// scorecards array at all) this returns nil and the caller decodes the whole document again on
/// one thread, so every message about a damaged snapshot names the same path and offset it
/// always did.
enum SnapshotDecoding {
    /// Below this many scorecards, handing out chunks costs more than it saves.
    static let parallelThreshold = 256

    /// Straight from the payload bytes: the scorecards' bytes are found by `JSONOutline`, and each
    /// core parses and decodes its share one scorecard at a time, so no tree of the whole array ever
    /// exists (a 100 MB snapshot's tree took several times its size); the rest of the document is
    /// parsed with an empty array in the scorecards' place. Every byte is still parsed strictly: the
    /// pieces are valid exactly when the whole is. Nil when anything is off, or the store is small.
    ///
    /// With `scanningText`, each piece's text is also checked as `validate` checks it (`StoredTextScan`),
    /// and any problem gives nil too.
    static func streamed(_ payload: ArraySlice<UInt8>, scanningText: Bool = false) -> PayloadCoding.Decoded<StoredSnapshot>? {
        payload.withUnsafeBufferPointer { buffer -> PayloadCoding.Decoded<StoredSnapshot>? in
            let outline = JSONOutline(buffer)
            guard let arrayStart = outline.start(of: ["data", "scorecards"]),
                  let (elements, arrayEnd) = outline.elements(ofArrayAt: arrayStart),
                  elements.count >= parallelThreshold else { return nil }
            let array = arrayStart..<arrayEnd
            var restBytes = Array(buffer[..<array.lowerBound])
            restBytes.reserveCapacity(array.lowerBound + 2 + buffer.count - array.upperBound)
            restBytes += [UInt8(ascii: "["), UInt8(ascii: "]")]
            restBytes += buffer[array.upperBound...]
            let rest = restBytes
            let base = UInt(bitPattern: buffer.baseAddress)
            let count = buffer.count
            let chunks = ParallelMap.chunks
            let pieces = ParallelMap.map(chunks + 1) { index -> Piece in
                guard index < chunks else {
                    guard let value = try? JSONParser.parse(rest),
                          !scanningText || StoredTextScan.problems(in: value).isEmpty else { return .rest(nil) }
                    return .rest(DirectReading.read(StoredSnapshot.self, value))
                }
                // The buffer outlives the map (it returns before `withUnsafeBufferPointer` does).
                let whole = UnsafeBufferPointer(start: UnsafePointer<UInt8>(bitPattern: base), count: count)
                var cards: [Scorecard] = []
                let share = elements[index * elements.count / chunks ..< (index + 1) * elements.count / chunks]
                cards.reserveCapacity(share.count)
                for range in share {
                    // Parsed alone, a scorecard may nest three levels deeper than inside the whole
                    // document; no scorecard the direct reader accepts comes near the limit.
                    guard let value = try? JSONParser.parse(UnsafeBufferPointer(rebasing: whole[range])),
                          !scanningText || StoredTextScan.problems(in: value).isEmpty,
                          let card = try? Direct.scorecard(value) else { return .scorecards(nil) }
                    cards.append(card)
                }
                return .scorecards(cards)
            }
            guard case .rest(var snapshot?) = pieces.last, snapshot.data.scorecards.isEmpty else { return nil }
            var scorecards: [Scorecard] = []
            scorecards.reserveCapacity(elements.count)
            for case .scorecards(let chunk) in pieces.dropLast() {
                guard let chunk else { return nil }
                scorecards.append(contentsOf: chunk)
            }
            snapshot.data.scorecards = scorecards
            return PayloadCoding.Decoded(value: snapshot, unknownFields: [])
        }
    }

    static func parallel(_ document: JSONValue) -> PayloadCoding.Decoded<StoredSnapshot>? {
        guard case .object(var root) = document.content,
              let dataIndex = root.members.firstIndex(where: { $0.key == "data" }),
              case .object(var data) = root.members[dataIndex].value.content,
              let cardsIndex = data.members.firstIndex(where: { $0.key == "scorecards" }),
              case .array(let cards) = data.members[cardsIndex].value.content,
              cards.count >= parallelThreshold else { return nil }

        // The rest of the document, with an empty scorecards array where the real one was.
        data.members[cardsIndex].value.content = .array([])
        root.members[dataIndex].value.content = .object(data)
        let rest = JSONValue(.object(root), offset: document.offset)

        // One task decodes the rest of the document while the others decode the scorecards in chunks.
        let chunks = ParallelMap.chunks
        let pieces = ParallelMap.map(chunks + 1) { index -> Piece in
            guard index < chunks else { return .rest(Self.clean(StoredSnapshot.self, rest)) }
            let slice = Array(cards[index * cards.count / chunks ..< (index + 1) * cards.count / chunks])
            return .scorecards(Self.clean([Scorecard].self, JSONValue(.array(slice), offset: document.offset)))
        }
        guard case .rest(var snapshot?) = pieces.last else { return nil }
        var scorecards: [Scorecard] = []
        scorecards.reserveCapacity(cards.count)
        for case .scorecards(let chunk) in pieces.dropLast() {
            guard let chunk else { return nil }
            scorecards.append(contentsOf: chunk)
        }
        snapshot.data.scorecards = scorecards
        return PayloadCoding.Decoded(value: snapshot, unknownFields: [])
    }

    /// What one task decoded: nil where decoding failed or left a field unread.
    private enum Piece {
        case scorecards([Scorecard]?)
        case rest(StoredSnapshot?)
    }

    /// The value, or nil when decoding failed or left a field unread.
    private static func clean<T: Decodable>(_ type: T.Type, _ value: JSONValue) -> T? {
        guard let (decoded, unknown) = try? JSONValueDecoder().decodeReportingUnknownFields(type, from: value),
              unknown.isEmpty else { return nil }
        return decoded
    }
}
