import Foundation
import OversightDomain
import OversightStore
import OversightTestSupport
import Testing

/// The built console in tmux, as a person at a terminal meets it. Needs tmux (a prerequisite in
/// the README); each test has its own tmux server, killed when the test ends.
@Suite("The console in a real terminal", .serialized)
struct ConsoleEndToEndSlowTests {
    let scratch = ScratchDirectory("console-e2e")

    /// A store of a small generated landscape (30 trusts), or of `dataset`.
    func store(_ dataset: Dataset = SyntheticDataset.make(trusts: 30), name: String = "store") throws -> String {
        let path = scratch.appending(name)
        try Store.create(path, snapshot: SnapshotCodec.encode(SnapshotPayload(seq: 0, data: dataset)))
        return path
    }

    func open(_ arguments: [String] = [], size: (Int, Int) = (80, 24), environment: [String: String] = [:]) throws -> ConsoleTmux {
        try ConsoleTmux(arguments: ["--store", try store()] + arguments, size: size, environment: environment, scratch: scratch)
    }

    /// The overview's regions table, whole. (Its status line first says the generated store is made up,
    /// in place of the position "1 of 7 regions", until a key is pressed.)
    @discardableResult
    func waitForOverview(_ console: ConsoleTmux) -> String {
        console.waitUntil("the overview's regions") { $0.contains("Segment mix") && $0.contains("North East and Yorkshire") }
    }

    @Test("drill from the overview to a trust's metric and back, then quit with a sane terminal")
    func drillDownAndBack() throws {
        let console = try open()
        defer { console.kill() }
        waitForOverview(console)
        console.press("Enter")
        console.waitFor("London ICSs")
        console.press("Enter")
        console.waitFor("Segments")
        console.press("Enter")
        console.waitFor("Metric ID")
        console.press("Enter")
        let metric = console.waitFor("Among ")
        #expect(metric.contains("rank"), "the metric screen places the trust among its peers")
        for _ in 0..<4 { console.press("Escape") }
        waitForOverview(console)
        console.press("Escape")
        console.waitFor("Quit oversight?")
        console.press("y")
        let ending = try #require(console.ending(), "the console did not end after y")
        #expect(ending.exit == "EXIT:0")
        #expect(ending.stty.contains(" icanon") && !ending.stty.contains("-icanon"), "canonical mode restored:\n\(ending.stty)")
        #expect(ending.stty.contains(" echo ") && !ending.stty.contains("-echo "), "echo restored:\n\(ending.stty)")
    }

    @Test("filter a list as you type, with the filtered badge")
    func filter() throws {
        let console = try open()
        defer { console.kill() }
        waitForOverview(console)
        console.press("Enter")
        console.waitFor("1 of 6 ICSs")
        console.press("/")
        console.type("q14")
        let filtered = console.waitFor("filtered 1/6")
        #expect(filtered.contains("Filter: q14"))
        #expect(!filtered.contains("Q07"))
        console.press("Escape")
        console.waitUntil("the whole list again, still on Q14") { $0.contains("3 of 6 ICSs") && !$0.contains("filtered") }
    }

    @Test("help opens with F1, lists the keys, and closes with Esc")
    func help() throws {
        let console = try open()
        defer { console.kill() }
        waitForOverview(console)
        console.press("F1")
        // Waits for the whole frame: on a busy machine tmux can capture ncurses part-way through a repaint.
        // The screen's own keys lead (Enter opens), the ones every screen has follow.
        let help = console.waitUntil("help drawn") { $0.contains("What it does") && $0.contains("Open the selected row") }
        #expect(help.contains("What it does") && help.contains("Open the selected row"))
        console.press("Escape")
        waitForOverview(console)
    }

    @Test("resizing reflows: 80×24, 60×16, 40×12 (too small), back to 80×24")
    func resize() throws {
        let console = try open()
        defer { console.kill() }
        waitForOverview(console)
        console.resize(width: 60, height: 16)
        console.waitUntil("a 60-column layout") { screen in
            screen.contains("North East and Yorkshire") && screen.split(separator: "\n").allSatisfy { $0.count <= 60 }
        }
        console.resize(width: 40, height: 12)
        let small = console.waitFor("Terminal too small")
        #expect(small.contains("40×12"))
        console.resize(width: 80, height: 24)
        console.waitFor("In force")
        console.press("Q")
        #expect(console.ending()?.exit == "EXIT:0")
    }

    @Test("NO_COLOR=1 draws with attributes only")
    func noColour() throws {
        let console = try open(environment: ["NO_COLOR": "1"])
        defer { console.kill() }
        waitForOverview(console)
        let escapes = console.screenWithEscapes
        let colours = escapes.ranges(of: /\u{1B}\[[0-9;]*m/).map { String(escapes[$0]) }
            .filter { $0.contains("38;") || $0.contains("48;") || $0.range(of: #"[\[;](3|4|9|10)[0-7]m"#, options: .regularExpression) != nil }
        #expect(colours.isEmpty, "colour codes on a NO_COLOR screen: \(colours.prefix(5))")
        #expect(escapes.contains("\u{1B}[7m") || escapes.contains(";7m") || escapes.contains("[1;7m"),
                "the selection is shown in reverse video")
    }

    @Test("the hardware cursor sits on the selected row")
    func cursorFollowsSelection() throws {
        let console = try open()
        defer { console.kill() }
        waitForOverview(console)
        for step in 0..<3 {
            if step > 0 { console.press("Down"); console.waitFor("\(step + 1) of 7 regions") }
            let lines = console.lines
            let marked = try #require(lines.firstIndex { $0.hasPrefix("▶") })
            #expect(console.cursorY == marked, "cursor on row \(String(describing: console.cursorY)), selection on row \(marked)")
        }
    }

    @Test("a store whose names hold escape sequences renders harmlessly")
    func hostileName() throws {
        var data = SampleDataset.make()
        let index = try #require(data.organisations.firstIndex { $0.code == SampleDataset.acute })
        data.organisations[index].name = "Evil\u{1B}]2;PWNED\u{07}\u{1B}[2J\u{1B}[31mRed\u{9B}0m Trust"
        let path = try store(data, name: "hostile")
        let console = try ConsoleTmux(arguments: ["--store", path], environment: [:], scratch: scratch)
        defer { console.kill() }
        console.waitFor("1 of 1 region")
        console.press(":")
        console.type("RAA")
        console.press("Enter")
        let screen = console.waitFor("EvilRed Trust")
        #expect(!screen.contains("PWNED"))
        #expect(console.value("#{pane_title}") != "PWNED", "an OSC sequence in a name set the window title")
        #expect(screen.contains("Segment"), "the screen was not cleared by the name")
        #expect(!console.screenWithEscapes.contains("\u{1B}[31m"), "the name's own colour code reached the terminal")
    }

    @Test("SIGTERM restores the terminal and exits 143")
    func terminateSignal() throws {
        let console = try open()
        defer { console.kill() }
        waitForOverview(console)
        let pid = try #require(Int32((try? String(contentsOfFile: console.pidFile, encoding: .utf8))?
            .trimmingCharacters(in: .whitespacesAndNewlines) ?? ""))
        Foundation.kill(pid, SIGTERM)
        let ending = try #require(console.ending())
        #expect(ending.exit == "EXIT:143")
        #expect(!ending.stty.contains("-icanon"), "canonical mode restored after SIGTERM")
    }

    @Test("a crash gives the terminal back, says the data is safe, and leaves a backtrace in the log")
    func crashSignal() throws {
        let console = try open()
        defer { console.kill() }
        waitForOverview(console)
        let pid = try #require(Int32((try? String(contentsOfFile: console.pidFile, encoding: .utf8))?
            .trimmingCharacters(in: .whitespacesAndNewlines) ?? ""))
        Foundation.kill(pid, SIGSEGV)
        let ending = try #require(console.ending())
        #expect(ending.exit == "EXIT:139", "the crash still ends the process as a crash")
        #expect(!ending.stty.contains("-icanon"), "canonical mode restored after a crash")
        #expect(!ending.stty.contains("-echo "), "echo restored after a crash")
        let screen = console.waitFor("stopped unexpectedly")
        #expect(screen.replacingOccurrences(of: "\n", with: "").contains("every change it said was saved is on disk"))
        #expect(!screen.contains("Segment mix"), "the alternate screen was left")
        let log = try String(contentsOfFile: console.logPath, encoding: .utf8)
        #expect(log.contains("crashed with signal \(SIGSEGV)"))
    }

    @Test("--read-only says so and hides the undo keys")
    func readOnly() throws {
        let console = try open(["--read-only"], size: (132, 43))
        defer { console.kill() }
        let screen = console.waitFor("read-only")
        #expect(!screen.contains("Undo"))
    }
}
