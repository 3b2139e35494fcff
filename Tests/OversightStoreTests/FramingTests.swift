import OversightDomain
@testable import OversightStore
import OversightTestSupport
import Testing

/// T1: the checksum and the frame catch every change to a journal, and no damaged journal is ever
/// read as something it is not.
@Suite("T1 CRC32C and framing")
struct FramingSlowTests {
    @Test("CRC32C gives the published check values")
    func knownVectors() {
        #expect(CRC32C.checksum(Array("123456789".utf8)) == 0xE306_9283, "the CRC32C check value")
        #expect(CRC32C.checksum([UInt8]()) == 0)
        // RFC 3720 (iSCSI) appendix B.4 vectors.
        #expect(CRC32C.checksum([UInt8](repeating: 0, count: 32)) == 0x8A91_36AA)
        #expect(CRC32C.checksum([UInt8](repeating: 0xFF, count: 32)) == 0x62A8_AB43)
        #expect(CRC32C.checksum((0..<32).map { UInt8($0) }) == 0x46DD_794E)
        #expect(CRC32C.checksum((0..<32).reversed().map { UInt8($0) }) == 0x113F_DB5C)
        #expect(CRC32C.hex(0x0000_00AB) == "000000ab", "hex is eight lowercase digits")
        let text = Array("The quick brown fox jumps over the lazy dog".utf8)
        #expect(CRC32C.checksum(text.lazy.map { $0 }) == CRC32C.checksum(text), "bytes without contiguous storage give the same checksum")
    }

    @Test("the CPU's CRC-32C instruction, where there is one, agrees with the tables at every length and alignment")
    func hardwareAgreesWithTables() {
        var random = SeededGenerator(seed: 0x5EED_0C2C)
        // Past 12,288 bytes the hardware runs three CRCs side by side and joins them: lengths either side of
        // that, and ones whose thirds leave every remainder of 8 and of 24.
        let bytes = (0..<40_200).map { _ in UInt8.random(in: 0...255, using: &random) }
        bytes.withUnsafeBufferPointer { buffer in
            for start in 0..<9 {
                for count in [0, 1, 7, 8, 9, 15, 16, 17, 63, 64, 65, 1_000, 4_096, 4_191 - start,
                              12_287, 12_288, 12_289, 12_311, 12_312, 24_577, 39_999, 40_191 - start] {
                    let piece = UnsafeBufferPointer(rebasing: buffer[start..<(start + count)])
                    #expect(CRC32C.checksum(buffer: piece) == CRC32C.software(piece.baseAddress!, count: count),
                            "from \(start), \(count) bytes (hardware: \(CRC32C.hardware))")
                }
            }
        }
    }

    @Test("10,000 random payloads survive framing, alone and as a journal")
    func randomRoundTrips() throws {
        var random = SeededGenerator(seed: 0x5EED_0001)
        var journal: [UInt8] = []
        var payloads: [[UInt8]] = []
        for index in 0..<10_000 {
            let count = Int.random(in: 0...(index % 10 == 0 ? 4_000 : 300), using: &random)
            // Journal payloads are one-line JSON, so never hold a newline; any other byte may appear.
            let payload = randomBytes(count, &random).map { $0 == 0x0A ? 0xFF : $0 }
            let frame = Frame.encode(payload)
            #expect(frame.last == 0x0A)
            let range = try Frame.payloadRange(in: frame[0..<(frame.count - 1)])
            #expect(Array(frame[range]) == payload, "payload \(index) (\(count) bytes) did not come back unchanged")
            journal += frame
            payloads.append(payload)
        }
        let scan = JournalScan(journal)
        #expect(scan.damage == nil)
        #expect(scan.lines.count == payloads.count)
        #expect(zip(scan.lines, payloads).allSatisfy { Array(journal[$0.payload]) == $1 }, "every framed payload reads back from the journal")
    }

    @Test("a damaged newline merging the last two lines is damage, not a torn tail")
    func mergedLastLines() {
        let first = Frame.encode(Array(#"{"seq":1}"#.utf8)), second = Frame.encode(Array(#"{"seq":2}"#.utf8))
        var merged = first + second
        merged[first.count - 1] = UInt8(ascii: " ")
        guard case .damaged(let line, let offset, _)? = JournalScan(merged).damage else {
            Issue.record("expected damage, got \(String(describing: JournalScan(merged).damage))")
            return
        }
        #expect(line == 1 && offset == 0)
        let torn = first + second.prefix(20)
        guard case .tornTail(let tornLine, let tornOffset, _)? = JournalScan(torn).damage else {
            Issue.record("a half-written last line is a torn tail, got \(String(describing: JournalScan(torn).damage))")
            return
        }
        #expect(tornLine == 2 && tornOffset == first.count)
    }

    /// Split in four so that the cases run on every core; each part takes every fourth byte. A
    /// changed byte in a line that a crash cannot have left (every flip: the line keeps its length,
    /// and its newline or its record's length says it was whole) opens read-only, the last line's
    /// included; the journal cut short at any byte of its last line (what a crash leaves) is trimmed.
    @Test("flipping any byte of a 4 KiB journal, or any bit of its first 64 bytes, is always detected and never accepted as other data; cutting its last line anywhere is a torn tail, trimmed",
          arguments: 0..<4)
    func everyCorruptionDetected(part: Int) throws {
        let fixture = try JournalFixture.make(minimumBytes: 4_096)
        var byteVariants = 0
        var bitVariants = 0
        var cuts = 0
        var outcomes = Outcomes()
        let lastLine = fixture.lineOffsets.last!
        for offset in (lastLine + 1)..<fixture.journal.count where offset % 4 == part {
            outcomes.add(try fixture.check(Array(fixture.journal[..<offset]), flippedAt: offset - 1, cut: true))
            cuts += 1
        }
        for offset in fixture.journal.indices where offset % 4 == part {
            var damaged = fixture.journal
            damaged[offset] ^= 0xFF
            outcomes.add(try fixture.check(damaged, flippedAt: offset))
            byteVariants += 1
            if offset < 64 {
                for bit in 0..<8 {
                    damaged = fixture.journal
                    damaged[offset] ^= UInt8(1 << bit)
                    outcomes.add(try fixture.check(damaged, flippedAt: offset))
                    bitVariants += 1
                }
            }
        }
        #expect(fixture.journal.count >= 4_096)
        #expect(outcomes.wrong.isEmpty, "wrong data accepted \(outcomes.wrong.count) times; first: \(outcomes.wrong.prefix(3))")
        #expect(outcomes.undetected.isEmpty, "corruption not detected \(outcomes.undetected.count) times; first: \(outcomes.undetected.prefix(3))")
        #expect(outcomes.trimmed == cuts && outcomes.readOnly == byteVariants + bitVariants, "every cut was trimmed (\(outcomes.trimmed) of \(cuts)) and every flip opened read-only (\(outcomes.readOnly) of \(byteVariants + bitVariants))")
        print("T1 part \(part + 1)/4: \(fixture.journal.count)-byte journal of \(fixture.lineOffsets.count) entries; \(byteVariants) byte flips and \(bitVariants) bit flips opened read-only (\(outcomes.readOnly)), \(cuts) cuts of the last line trimmed as a torn tail (\(outcomes.trimmed)), wrong data accepted \(outcomes.wrong.count) times")
    }

    /// Random bytes, eight per draw (drawing them one by one is slow in a debug build).
    func randomBytes(_ count: Int, _ random: inout SeededGenerator) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(count + 8)
        while bytes.count < count { withUnsafeBytes(of: random.next()) { bytes += $0 } }
        return Array(bytes.prefix(count))
    }

    struct Outcomes {
        var trimmed = 0
        var readOnly = 0
        var wrong: [String] = []
        var undetected: [String] = []

        mutating func add(_ outcome: JournalFixture.Outcome) {
            switch outcome {
            case .trimmed: trimmed += 1
            case .readOnly: readOnly += 1
            case .undetected(let why): undetected.append(why)
            case .wrong(let why): wrong.append(why)
            }
        }
    }
}

/// A sample store on a simulated disk whose journal holds entries of every kind, with the model
/// state after each, for planting damaged copies of the journal and opening them.
struct JournalFixture {
    var disk: SimulatedDisk
    var journal: [UInt8]
    var model: StoreModel
    /// Where each journal line starts.
    var lineOffsets: [Int]
    let journalPath = SimulatedStore.directory + "/journal.jsonl"

    static func make(minimumBytes: Int) throws -> JournalFixture {
        let fs = CrashSimFileSystem(disk: SimulatedStore.disk())
        let runner = try WorkloadRunner(directory: SimulatedStore.directory, model: StoreModel(start: SampleDataset.make()),
                                        fileSystem: fs, options: { SimulatedStore.options($0) })
        for step in Workloads.standard() where step.isAction {
            try runner.perform(step)
            if (fs.disk.contents(of: SimulatedStore.directory + "/journal.jsonl")?.count ?? 0) >= minimumBytes { break }
        }
        runner.store.close(compacting: false)
        let journal = fs.disk.contents(of: SimulatedStore.directory + "/journal.jsonl")!
        let offsets = [0] + journal.indices.filter { journal[$0] == 0x0A && $0 + 1 < journal.count }.map { $0 + 1 }
        return JournalFixture(disk: fs.disk, journal: journal, model: runner.model, lineOffsets: offsets)
    }

    enum Outcome {
        case trimmed
        case readOnly
        case undetected(String)
        case wrong(String)
    }

    /// Opens the store with `damaged` as its journal and says how the store took it. Every entry
    /// before the damaged line must be there, nothing after it, and the data must be exactly the
    /// model's state at that entry. A `cut` journal (its last line cut short) must be trimmed;
    /// any other damage must open read-only and leave the journal as it is.
    func check(_ damaged: [UInt8], flippedAt offset: Int, cut: Bool = false) throws -> Outcome {
        var planted = disk
        planted.plant(damaged, at: journalPath)
        let fs = CrashSimFileSystem(disk: planted)
        let store = try Store.open(SimulatedStore.directory, options: SimulatedStore.options(fs))
        defer { store.close(compacting: false) }
        let line = lineOffsets.lastIndex { $0 <= offset }!
        let expectedSeq = model.firstSeq + line
        let variant = "byte \(offset) (line \(line + 1)) → \(damaged[offset])"
        guard store.lastSeq <= model.lastSeq, let state = model.state(at: store.lastSeq) else {
            return .wrong("\(variant): the store reports entry \(store.lastSeq), beyond the last written (\(model.lastSeq))")
        }
        if let why = StoreComparison.difference(store: store, expected: state, seq: store.lastSeq) {
            return .wrong("\(variant): \(why)")
        }
        guard store.lastSeq == expectedSeq else {
            return .wrong("\(variant): the store stopped at entry \(store.lastSeq), expected \(expectedSeq) (every entry before the damaged line)")
        }
        if cut {
            let trimmedTo = Array(damaged[0..<lineOffsets[line]])
            let quarantined = (try fs.list(SimulatedStore.directory + "/quarantine")).compactMap {
                fs.disk.contents(of: SimulatedStore.directory + "/quarantine/" + $0)
            }
            guard store.readOnlyReason == nil, fs.disk.contents(of: journalPath) == trimmedTo,
                  quarantined == [Array(damaged[lineOffsets[line]...])] else {
                return .undetected("\(variant): the damaged last line was not set aside and trimmed (read-only: \(String(describing: store.readOnlyReason)))")
            }
            return .trimmed
        }
        guard case .damagedJournal(let reported, _, _)? = store.readOnlyReason, reported == line + 1 else {
            return .undetected("\(variant): expected read-only for damage at line \(line + 1), got \(String(describing: store.readOnlyReason))")
        }
        guard fs.disk.contents(of: journalPath) == damaged else { return .wrong("\(variant): a damaged journal was changed on open") }
        return .readOnly
    }
}
