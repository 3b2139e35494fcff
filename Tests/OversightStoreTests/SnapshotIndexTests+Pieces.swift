import Foundation
import OversightDomain
@testable import OversightStore
import OversightTestSupport
import Testing

/// A large snapshot wanted all at once is read in pieces (`PiecewiseSnapshot`): the same records as a
/// whole read, and every byte still under the checksum and the index's checks, or it is read whole.
extension SnapshotIndexTests {
    /// The snapshot's bytes and its index.
    func snapshotParts(_ path: String) throws -> (bytes: [UInt8], index: SnapshotIndex) {
        ([UInt8](try Data(contentsOf: URL(fileURLWithPath: path + "/snapshot.json"))), try #require(try writtenIndex(path)))
    }

    /// `PiecewiseSnapshot.load` on the store's snapshot file, with this index and piece size.
    func readInPieces(_ path: String, index: SnapshotIndex, pieceBytes: Int) -> LoadedGeneration? {
        let file = path + "/snapshot.json"
        let size = (try? POSIXFileSystem().status(file))?.size ?? 0
        return PiecewiseSnapshot.load(file, fs: POSIXFileSystem(), size: size, index: index, pieceBytes: pieceBytes)
    }

    @Test("a snapshot read in pieces of any size gives the records, undo window and history a whole read gives")
    func piecesReadAsAWhole() throws {
        let path = try deepStore(entries: 8)
        let (bytes, index) = try snapshotParts(path)
        let whole = try #require(DeferredSnapshot.load(bytes, index: index) { Set($0.map(\.key)) })
        #expect(whole.dataset.scorecards.count > 300)
        // One scorecard a piece, a few, and all of them in one.
        for pieceBytes in [1, 5_000, 1 << 30] {
            let pieces = PiecewiseSnapshot.pieces(index.placedCards, from: index.scorecards.lowerBound + 1, bytes: pieceBytes)
            #expect(pieceBytes != 1 || pieces.count == whole.dataset.scorecards.count)
            #expect(pieceBytes != 1 << 30 || pieces.count == 1)
            let read = try #require(readInPieces(path, index: index, pieceBytes: pieceBytes), "pieces of \(pieceBytes) bytes")
            #expect(read.dataset == whole.dataset)
            #expect(read.log.all == whole.log.all && read.stacks == whole.stacks && read.snapshotSeq == whole.snapshotSeq)
            #expect(read.undoable.keys.sorted() == whole.undoable.keys.sorted())
        }
        // Through an open, with the journal replayed on top: the same store as one read without the index.
        var options = self.options(readOnly: true, opening: false)
        options.piecewiseAbove = 0
        expectSame(try Store.open(path, options: options), try openWhole(path))
    }

    @Test("a changed byte anywhere, a header that is not the index's or an index that misplaces a scorecard reads the snapshot whole",
          arguments: ["in a scorecard", "between scorecards", "in the document", "in the log", "the header's length", "a card moved", "groups swapped"])
    func piecesCheckEveryByte(kind: String) throws {
        let path = try deepStore()
        var (bytes, index) = try snapshotParts(path)
        let payload = try Frame.payloadRange(in: bytes[0..<(bytes.count - 1)]).lowerBound
        let cards = index.placedCards.map(\.1)
        func change(_ at: Int, to byte: UInt8) {
            #expect(bytes[payload + at] != byte)
            bytes[payload + at] = byte
        }
        switch kind {
        case "in a scorecard": change(cards[cards.count / 2].lowerBound + 1, to: UInt8(ascii: " "))
        case "between scorecards": change(cards[3].lowerBound - 1, to: UInt8(ascii: ","))
        case "in the document": change(index.scorecards.lowerBound - 2, to: UInt8(ascii: "x"))
        case "in the log": change(index.log.lowerBound, to: UInt8(ascii: "{"))
        case "the header's length": index.snapshotLength -= 1
        case "a card moved": index.groups[0].cards[1] = (index.groups[0].cards[1].lowerBound + 1)..<index.groups[0].cards[1].upperBound
        default:
            let keys = index.groups.map(\.key)
            for i in index.groups.indices { index.groups[i].key = keys[(i + 1) % keys.count] }
        }
        try Data(bytes).write(to: URL(fileURLWithPath: path + "/snapshot.json"))
        let readAllTheSame = readInPieces(path, index: index, pieceBytes: 3_000) != nil
        #expect(!readAllTheSame, "\(kind): read in pieces all the same")
        // The open then reads it whole, and says what it says without pieces.
        try Data(index.encoded()).write(to: URL(fileURLWithPath: path + "/snapshot-index.json"))
        var options = self.options(readOnly: true, opening: false)
        options.piecewiseAbove = 0
        let inPieces = Result { try Store.open(path, options: options) }
        let whole = Result { try openWhole(path) }
        switch (inPieces, whole) {
        case (.success(let a), .success(let b)): expectSame(a, b, "\(kind)")
        case (.failure(let a), .failure(let b)): #expect("\(a)" == "\(b)")
        default: Issue.record("\(kind): in pieces \(inPieces), whole \(whole)")
        }
    }

    @Test("CRC-32C continued across pieces is the checksum of the whole")
    func checksumAcrossPieces() {
        let bytes = (0..<50_000).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 13) }
        for cut in [0, 1, 7, 12_288, 30_001, 50_000] {
            #expect(CRC32C.update(CRC32C.update(0, bytes[..<cut]), bytes[cut...]) == CRC32C.checksum(bytes), "cut at \(cut)")
        }
        #expect(CRC32C.update(0, Array("123456789".utf8)[...]) == 0xE306_9283)
    }
}
