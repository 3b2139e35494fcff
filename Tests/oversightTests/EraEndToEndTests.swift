import Foundation
import OversightStore
import OversightTestSupport
import Testing

/// The 2016 era and NHS England's published figures in the built console, in tmux at 80×24, on a store made
/// from the bundled data as a first run makes it: `f` through all four frameworks, `p` back to 2016/17 with
/// the regions of 2016, a footprint's trusts beside its CCGs, and an acute trust opened on its latest
/// published quarter.
@Suite("The 2016 era and the published figures in a real terminal", .serialized)
struct EraEndToEndSlowTests {
    let scratch = ScratchDirectory("era-e2e")

    func open() throws -> ConsoleTmux {
        let path = scratch.appending("store")
        let bundled = Array(try #require(FileManager.default.contents(atPath: BuiltBinary.packageRoot + "/data/store/snapshot.json")))
        try Store.create(path, snapshot: bundled)
        return try ConsoleTmux(arguments: ["--store", path], size: (80, 24), environment: [:], scratch: scratch)
    }

    @Test("f through all four frameworks, p back to 2016/17 with the four regions of 2016, X on a footprint, then an acute trust")
    func eraSwitch() throws {
        let console = try open()
        defer { console.kill() }
        let first = console.waitFor("NOF 2025/26")
        #expect(first.contains("2025/26 Q4 published"), "the opening quarter says what it covers")
        // Each f names the next framework in the header (the first line); four presses come round again.
        var seen: [String] = []
        for _ in 0..<4 {
            let before = console.lines.first ?? ""
            console.press("f")
            let screen = console.waitUntil("the next framework") { ($0.split(separator: "\n").first.map(String.init) ?? "") != before }
            let header = screen.split(separator: "\n").first.map(String.init) ?? ""
            seen += ["CCG IAF", "SOF 2016", "SOF 2021/22", "NOF 2025/26"].filter { header.contains($0 + " ") }
        }
        #expect(Set(seen) == ["NOF 2025/26", "CCG IAF", "SOF 2016", "SOF 2021/22"], "\(seen)")
        // To SOF 2016, then back to its first quarter.
        for _ in 0..<4 where !(console.lines.first ?? "").contains("SOF 2016 ") {
            let before = console.lines.first ?? ""
            console.press("f")
            console.waitUntil("the next framework") { ($0.split(separator: "\n").first.map(String.init) ?? "") != before }
        }
        for _ in 0..<14 { console.press("p") }
        let earliest = console.waitFor("2016/17 Q3 is the earliest period.")
        #expect(earliest.contains("Midlands and East") && earliest.contains("North ") && earliest.contains("STPs"), "\(earliest)")
        // Lancashire and South Cumbria, its trusts beside its CCGs.
        console.press(":")
        console.type("E54000048")
        console.press("Enter")
        console.waitFor("Lancashire and South Cumbria · E54000048")
        console.press("X")
        let beside = console.waitFor("the trusts beside the CCGs")
        #expect(beside.contains("RW5") && beside.contains("Blackpool CCG"), "\(beside)")
        // NOF again: an acute trust opens on the latest quarter published for acute trusts.
        console.press("Escape")
        console.press("Escape")
        // Both Escapes land before the first f: else a header changed by the second Escape reads as f's, and one f too many is sent.
        console.waitUntil("both Escapes taken") { screen in
            let header = screen.split(separator: "\n").first.map(String.init) ?? ""
            return !header.contains("Trusts and CCGs") && !header.contains("Lancashire and South Cumbria")
        }
        for _ in 0..<4 where !(console.lines.first ?? "").contains("NOF 2025/26") {
            let before = console.lines.first ?? ""
            console.press("f")
            console.waitUntil("the next framework") { ($0.split(separator: "\n").first.map(String.init) ?? "") != before }
        }
        console.press(":")
        console.type("RM3")
        console.press("Enter")
        let trust = console.waitFor("rank 116 of 134")
        #expect(trust.contains("NHS England"), "\(trust)")
    }
}
