import Foundation
import OversightDomain
import Testing
@testable import OversightStore

/// Damaged input of any kind gets an answer, never a crash: every cut-short prefix and every
/// single-byte change of a real document is either accepted or refused at a place inside it.
@Suite("JSON parser robustness")
struct JSONParserRobustnessTests {
    private static let sample: [UInt8] = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        let scorecard = JSONSampleDataset.dataset.scorecards[0]
        return Array(try! encoder.encode(scorecard)) + Array("\n".utf8)
    }()

    private func check(_ bytes: [UInt8], _ what: String) {
        do {
            _ = try JSONParser.parse(bytes)
        } catch {
            #expect(error.offset >= 0 && error.offset <= bytes.count, "\(what): offset \(error.offset) outside the input")
            #expect(error.line >= 1 && error.column >= 1, "\(what): position \(error.line):\(error.column)")
            #expect(!error.message.isEmpty, "\(what): no message")
        }
    }

    @Test("every prefix of a document is accepted or refused in place")
    func prefixes() {
        let sample = Self.sample
        for length in 0..<sample.count { check(Array(sample[..<length]), "prefix of \(length) bytes") }
    }

    @Test("every single-byte change of a document is accepted or refused in place")
    func byteChanges() {
        let sample = Self.sample
        let replacements: [UInt8] = [0x00, 0x22, 0x2C, 0x5C, 0x7B, 0x5D, 0x80, 0xFF]
        for position in sample.indices {
            for replacement in replacements {
                var damaged = sample
                damaged[position] = replacement
                check(damaged, "byte \(position) set to \(replacement)")
            }
        }
    }
}
