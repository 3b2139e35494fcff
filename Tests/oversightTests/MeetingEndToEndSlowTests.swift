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

    /// The whole meeting in the console: prepared (n), its agenda suggested from the data (S), kept (a), presented
    /// (V) stepping through two items with a decision and an action recorded at them, the minutes read (m) and
    /// approved (A), and written as a board paper (w); then the trust's scorecard exported and both files read.
    @Test("a whole meeting in the console: prepared, suggested, presented, recorded, approved and written")
    func wholeMeetingInTheConsole() throws {
        #expect(try BuiltBinary.run(["init", "--store", store], environment: ["XDG_DATA_HOME": scratch.appending("xdg")]).status == 0)
        let console = try ConsoleTmux(arguments: ["--store", store, "--user", "secretary"], scratch: scratch)
        defer { console.kill() }
        console.waitFor("England")
        console.press("M")
        console.waitFor("Press n to prepare one")
        console.press("n")
        console.waitFor("New meeting")
        console.typeByHand("West Yorkshire oversight")
        console.press("Tab", "Right", "Tab")
        console.waitFor("ICB oversight")
        console.typeByHand("2027-01-14")
        console.press("Tab", "C-u")
        console.typeByHand("14:00")
        console.press("Tab")
        console.typeByHand("Chair")
        console.press("F2")
        console.waitFor("Saved: Add meeting “West Yorkshire oversight”")
        console.pauseAfterSave()

        console.press("Enter")
        console.waitFor("S suggests them from the data")
        console.press("S")
        console.waitFor("Suggest agenda items")
        console.press("W")
        console.waitFor("▶ West Yorkshire (QWO)")
        console.press("Tab", "C-u")
        console.typeByHand("2025-26-Q4")
        console.press("F2")
        console.waitFor("2 of 2 kept for “West Yorkshire oversight” · West Yorkshire (QWO), 2025/26 Q4")
        console.press("a")
        console.waitFor("Saved: Add 2 agenda items")
        console.pauseAfterSave()

        console.press("V")
        console.waitFor("Item 1 of 2")
        console.waitFor("on this item 0:0")
        console.waitFor("LEEDS AND YORK PARTNERSHIP NHS FOUNDATION TRUST (RGD)")
        console.press("d")
        console.waitFor("At “West Yorkshire oversight”, item 1")
        console.press("Tab")
        console.typeByHand("Recovery plan not yet credible")
        console.press("F2")
        console.waitFor("Saved: RGD decision 4 (2025/26 Q4), as published.")
        console.waitFor("Item 1 of 2", timeout: 2)
        console.pauseAfterSave()
        console.press("Down")
        console.waitFor("LEEDS COMMUNITY HEALTHCARE NHS TRUST (RY6)")
        console.press("a")
        console.waitFor("At “West Yorkshire oversight”, item 2")
        console.typeByHand("Bring the sickness absence plan")
        console.press("Tab")
        console.typeByHand("Chief people officer")
        console.press("F2")
        console.waitFor("Saved: Add action for Chief people officer on RY6.")
        console.waitFor("Item 2 of 2", timeout: 2)
        console.pauseAfterSave()

        console.press("m")
        console.waitFor("MINUTES: WEST YORKSHIRE OVERSIGHT")
        console.press("A")
        console.waitFor("Approved by  Chair")
        console.press("F2")
        console.waitFor("Saved: Approve the minutes")
        console.pauseAfterSave()
        let minutes = scratch.appending("minutes.md")
        console.press("w")
        console.waitFor("Write a board paper")
        console.press("Down", "Tab", "C-u")
        console.typeByHand(minutes)
        console.press("F2")
        console.waitForWrapped("Wrote “Minutes: West Yorkshire oversight” to \(minutes).")
        console.press("Q")
        #expect(console.ending()?.exit == "EXIT:0")

        let text = try String(contentsOfFile: minutes, encoding: .utf8)
        #expect(text.contains("**Minutes:** approved by Chair"))
        #expect(text.contains("## 1. Leeds and York Partnership NHS Foundation Trust (RGD) (14:00–14:10)"))
        #expect(text.contains("Rationale: Recovery plan not yet credible"))
        #expect(text.contains("## 2. Leeds Community Healthcare NHS Trust (RY6) (14:10–14:20)"))
        #expect(text.contains("Action for Chief people officer, no due date (open): Bring the sickness absence plan"))
        let scorecard = scratch.appending("RGD.html")
        #expect(try oversight("export", "scorecard", "RGD", "--format", "html", "-o", scorecard).status == 0)
        #expect(try String(contentsOfFile: scorecard, encoding: .utf8).contains("rank 48 of 61, segment 4"))
    }
}
