/// Decodes a journal's lines on every core: each line is a document of its own, and decoding is
/// most of what opening a store with a long journal costs. Replay stays in order, on one thread.
enum JournalDecoding {
    typealias Decoded = Result<PayloadCoding.Decoded<JournalEntry>, any Error>

    /// One result per line, in line order.
    static func decode(_ lines: [JournalScan.Line], of bytes: [UInt8]) -> [Decoded] {
        @Sendable func decodeLine(_ line: JournalScan.Line) -> Decoded { Result { try PayloadCoding.decodeEntry(bytes[line.payload]) } }
        // A handful of lines is quicker on this thread than handing out.
        guard lines.count > 16 else { return lines.map(decodeLine) }
        let chunks = min(lines.count, ParallelMap.chunks)
        return ParallelMap.map(chunks) { chunk in
            lines[chunk * lines.count / chunks ..< (chunk + 1) * lines.count / chunks].map(decodeLine)
        }.flatMap { $0 }
    }
}
