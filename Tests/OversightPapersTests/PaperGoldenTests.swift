import Foundation
import OversightDomain
import OversightPapers
import Testing

@Suite("Board papers: golden files from the bundled store, in every format")
struct PaperGoldenTests {
    static let cases: [String] = PaperFixtures.papers.flatMap { name, _ in ["md", "csv", "html"].map { "\(name).\($0)" } }

    /// `UPDATE_GOLDEN=1 swift test --skip-build --filter PaperGoldenTests` re-records; a missing file fails.
    @Test("each paper matches its golden file", arguments: cases)
    func golden(file: String) throws {
        let name = String(file[..<file.lastIndex(of: ".")!])
        let format = String(file[file.index(after: file.lastIndex(of: ".")!)...])
        let paper = try #require(PaperFixtures.papers.first { $0.0 == name }?.1)
        let text = PaperFixtures.render(paper, format)
        let url = PaperFixtures.goldenFolder.appendingPathComponent(file)
        if PaperFixtures.updating {
            try FileManager.default.createDirectory(at: PaperFixtures.goldenFolder, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
            return
        }
        let golden = try #require(FileManager.default.contents(atPath: url.path).map { String(decoding: $0, as: UTF8.self) },
                                  "no golden file \(file); record it with UPDATE_GOLDEN=1")
        #expect(text == golden, "\(file) differs from its golden file (re-record with UPDATE_GOLDEN=1 if the change is meant)")
    }
}
