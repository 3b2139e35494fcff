import Foundation
import OversightDomain
import OversightStore
import OversightTestSupport
import Testing

/// A meeting from the suggested agenda to the exported minutes, with the recording done in the built console
/// in tmux at 80×24 on the bundled (published) store. Every wait polls the screen; nothing sleeps.
@Suite("A meeting in a real terminal", .serialized)
struct MeetingEndToEndSlowTests {
    let scratch = ScratchDirectory("meeting-e2e")
    var store: String { scratch.appending("store") }

    func oversight(_ arguments: String...) throws -> BuiltBinary.Result {
        try BuiltBinary.run(arguments + ["--store", store, "--user", "secretary"], environment: ["XDG_DATA_HOME": scratch.appending("xdg")])
    }

    @Test("suggested agenda kept, an action recorded at an item in the console, minutes approved and exported")
    func meetingThroughTheConsole() throws {
        #expect(try BuiltBinary.run(["init", "--store", store], environment: ["XDG_DATA_HOME": scratch.appending("xdg")]).status == 0)
        let made = try oversight("meeting", "new", "--title", "West Yorkshire oversight", "--kind", "icb-oversight", "--date", "2026-04-20")
        let id = try #require(made.stdout.split(separator: "\n").first { $0.hasPrefix("Meeting id: ") }?.dropFirst(12)).description
        #expect(try oversight("meeting", "suggest", "--ics", "QWO", "--period", "2025-26-Q4", "--into", id, "--keep", "1").status == 0)

        let console = try ConsoleTmux(arguments: ["--store", store, "--user", "secretary"], scratch: scratch)
        defer { console.kill() }
        console.waitFor("England")
        console.press("M")
        console.waitFor("West Yorkshire oversight")
        console.press("Enter")
        console.waitFor("Leeds and York Partnership")
        console.press("a")
        console.waitFor("At “West Yorkshire oversight”, item 1")
        console.type("Bring the sickness absence plan")
        console.press("Tab")
        console.type("Chief people officer")
        console.press("F2")
        console.waitFor("Saved: Add action")
        console.pauseAfterSave()
        console.press("Q")
        #expect(console.ending()?.exit == "EXIT:0")

        #expect(try oversight("meeting", "approve", id, "--by", "Chair").status == 0)
        let minutes = scratch.appending("minutes.md")
        #expect(try oversight("export", "minutes", id, "-o", minutes).status == 0)
        let text = try String(contentsOfFile: minutes, encoding: .utf8)
        #expect(text.contains("## 1. Leeds and York Partnership NHS Foundation Trust (RGD)"))
        #expect(text.contains("Action for Chief people officer, no due date (open): Bring the sickness absence plan"))
        #expect(text.contains("**Minutes:** approved by Chair"))
        let scorecard = scratch.appending("RGD.html")
        #expect(try oversight("export", "scorecard", "RGD", "--format", "html", "-o", scorecard).status == 0)
        #expect(try String(contentsOfFile: scorecard, encoding: .utf8).contains("rank 48 of 61, segment 4"))
    }
}
