import Foundation
import FoundationXML
import OversightDomain
import OversightPapers
import SwiftCSV
import Testing

@Suite("Board papers: HTML is well-formed and self-contained, CSV round-trips, figures are the published ones")
struct PaperFormatTests {
    static let names = PaperFixtures.papers.map(\.0)

    static func paper(_ name: String) -> Paper { PaperFixtures.papers.first { $0.0 == name }!.1 }

    /// Collects element names while parsing, so the test can see the charts are there.
    final class Elements: NSObject, XMLParserDelegate {
        var names: [String] = []
        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName qName: String?,
                    attributes attributeDict: [String: String] = [:]) {
            names.append(elementName)
        }
    }

    @Test("the HTML parses as XML, holds no script and reaches for nothing outside itself", arguments: names)
    func htmlIsWellFormed(name: String) throws {
        let html = PaperFixtures.render(Self.paper(name), "html")
        let parser = XMLParser(data: Data(html.utf8))
        let elements = Elements()
        parser.delegate = elements
        #expect(parser.parse(), "\(name): \(parser.parserError.map { "\($0)" } ?? "") at line \(parser.lineNumber)")
        #expect(!elements.names.contains("script"))
        #expect(!elements.names.contains("link") && !elements.names.contains("img") && !elements.names.contains("iframe"))
        // The only URLs are the two namespace names, which nothing fetches.
        let urls = html.components(separatedBy: "http").count - 1
        let namespaces = html.components(separatedBy: "http://www.w3.org/").count - 1
        #expect(urls == namespaces, "\(name) mentions a URL other than a namespace")
        #expect(html.contains("@media print"))
        if name.hasPrefix("scorecard-RGD") {
            #expect(elements.names.filter { $0 == "svg" }.count >= 3, "segment timeline, league position and metric trends")
            #expect(elements.names.contains("polyline"))
        }
    }

    @Test("the CSV reads back through SwiftCSV: header, every row, every cell as written", arguments: names)
    func csvRoundTrips(name: String) throws {
        let paper = Self.paper(name)
        let text = PaperFixtures.render(paper, "csv")
        let csv = try CSV<Enumerated>(string: text, delimiter: .comma, loadColumns: false)
        #expect(csv.header == paper.table.columns)
        #expect(csv.rows.count == paper.table.rows.count)
        for (row, expected) in zip(csv.rows, paper.table.rows) {
            let cells = expected.map(\.plain).map { $0.first.map { "=+@".contains($0) } == true ? "'" + $0 : $0 }
            #expect(row == cells)
        }
    }

    @Test("the scorecard's metric figures are NHS England's published values, ranks and quartiles, as numbers")
    func scorecardFiguresArePublished() throws {
        let paper = Self.paper("scorecard-RGD-2025-26-Q4")
        let card = try #require(PaperFixtures.data.scorecard(ScorecardID(org: "RGD", framework: BundledStore.nof, period: .quarter(2025, 4)))?.published)
        let columns = paper.table.columns
        let id = columns.firstIndex(of: "Metric ID")!, value = columns.firstIndex(of: "Value")!, rank = columns.firstIndex(of: "Rank")!
        let median = columns.firstIndex(of: "Peer median")!
        #expect(paper.table.rows.count >= 10)
        for row in paper.table.rows {
            let metric = MetricID(row[id].plain)
            guard case .number(let shown, _) = row[value] else { continue }
            #expect(shown == card.rows[metric]?.value, "\(metric)")
            #expect(Double(row[value].plain) == card.rows[metric]?.value, "\(metric): CSV holds a real number")
            #expect(Int(row[rank].plain) == card.rows[metric]?.rank, "\(metric)")
            #expect(row[median].plain.isEmpty ? card.rows[metric]?.median == nil : Double(row[median].plain) == card.rows[metric]?.median)
        }
        let md = PaperFixtures.render(paper, "md")
        #expect(md.contains("**Segment:** 4 (unadjusted 4: no override)"))
        #expect(md.contains("**Rank:** 48= of 61"))
    }

    @Test("a quarter with nothing published says so instead of showing a figure")
    func unpublishedSaysSo() {
        let md = PaperFixtures.render(Self.paper("scorecard-RR8-2025-26-Q3-unpublished"), "md")
        #expect(md.contains("NHS England has published no NOF 2025/26 segment for this trust for 2025/26 Q3"))
        #expect(md.contains("No NOF 2025/26 metrics published for this trust for 2025/26 Q3."))
        #expect(Self.paper("scorecard-RR8-2025-26-Q3-unpublished").table.rows.isEmpty)
    }

    @Test("recorded text cannot break the formats: markup is escaped, a formula is kept as text")
    func hostileText() throws {
        let table = PaperTable(caption: "T", columns: ["A", "B"], rows: [[.text("=HYPERLINK(\"x\")"), .text("<script>alert(1)</script> & \"q\" |pipe|\nline")]])
        let paper = Paper(title: "Title <b>", blocks: [.table(table), .paragraph("# not a heading")], table: table)
        let html = HTMLRenderer.render(paper, generated: "g")
        #expect(!html.contains("<script>") && html.contains("&lt;script&gt;"))
        #expect(XMLParser(data: Data(html.utf8)).parse())
        let csv = CSVRenderer.render(paper)
        #expect(csv.contains("\"'=HYPERLINK(\"\"x\"\")\""))
        let md = MarkdownRenderer.render(paper)
        #expect(md.contains("\\|pipe\\|"))
        #expect(md.contains("\\# not a heading"))
    }

    static let chromium = ["chromium", "chromium-browser", "google-chrome"].compactMap { name -> String? in
        ProcessInfo.processInfo.environment["PATH"]?.split(separator: ":").map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }.first

    @Test("a headless browser renders the scorecard paper to a PNG",
          .enabled(if: chromium != nil, "no chromium, chromium-browser or google-chrome on PATH: install Chromium from the system's packages to render the paper"))
    func rendersToPNG() throws {
        let scratch = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("oversight-png-\(getpid())")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let html = scratch.appendingPathComponent("paper.html")
        try Data(PaperFixtures.render(Self.paper("scorecard-RGD-2025-26-Q4"), "html").utf8).write(to: html)
        let png = scratch.appendingPathComponent("paper.png")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.chromium!)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--screenshot=\(png.path)", "--window-size=1200,1600", html.absoluteString]
        try process.run()
        process.waitUntilExit()
        let bytes = try #require(FileManager.default.contents(atPath: png.path))
        #expect(bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        #expect(bytes.count > 10_000)
    }
}
