import Dispatch
import Foundation
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

        let chunks = 4 * max(1, ProcessInfo.processInfo.activeProcessorCount)
        let slots = Slots(count: chunks + 1)
        DispatchQueue.concurrentPerform(iterations: chunks + 1) { index in
            guard index < chunks else {
                slots.rest = Self.clean(StoredSnapshot.self, rest)
                return
            }
            let slice = Array(cards[index * cards.count / chunks ..< (index + 1) * cards.count / chunks])
            slots.cards[index] = Self.clean([Scorecard].self, JSONValue(.array(slice), offset: document.offset))
        }
        guard var snapshot = slots.rest else { return nil }
        var scorecards: [Scorecard] = []
        scorecards.reserveCapacity(cards.count)
        for chunk in slots.cards {
            guard let chunk else { return nil }
            scorecards.append(contentsOf: chunk)
        }
        snapshot.data.scorecards = scorecards
        return PayloadCoding.Decoded(value: snapshot, unknownFields: [])
    }

    /// The value, or nil when decoding failed or left a field unread.
    private static func clean<T: Decodable>(_ type: T.Type, _ value: JSONValue) -> T? {
        guard let (decoded, unknown) = try? JSONValueDecoder().decodeReportingUnknownFields(type, from: value),
              unknown.isEmpty else { return nil }
        return decoded
    }

    /// Results each worker writes at its own index; the rest of the document in its own slot.
    /// Written from several threads but never the same slot twice, and read only after
    /// `concurrentPerform` has returned.
    private final class Slots: @unchecked Sendable {
        private let storage: UnsafeMutablePointer<[Scorecard]?>
        private let count: Int
        var rest: StoredSnapshot?

        init(count: Int) {
            self.count = count - 1
            storage = .allocate(capacity: self.count)
            storage.initialize(repeating: nil, count: self.count)
        }

        deinit {
            storage.deinitialize(count: count)
            storage.deallocate()
        }

        var cards: UnsafeMutableBufferPointer<[Scorecard]?> { UnsafeMutableBufferPointer(start: storage, count: count) }
    }
}
