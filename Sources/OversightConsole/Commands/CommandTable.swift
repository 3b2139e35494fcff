/// The one command table. The keymap, the help screen, the hint bar and docs/keys.md are all
/// generated from it, so a key documented is a key that works.
public enum CommandTable {
    static let segmentScreens: [ScreenKind] = [.overview, .footprints, .footprint, .scorecard, .metric]

    public static let all: [CommandBinding] = [
        // Moving
        CommandBinding(.moveDown, name: "move-down", keys: [.down, .character("j")], help: "Next row", group: "Moving"),
        CommandBinding(.moveUp, name: "move-up", keys: [.up, .character("k")], help: "Previous row", group: "Moving"),
        CommandBinding(.pageDown, name: "page-down", keys: [.pageDown], help: "One screen down", group: "Moving"),
        CommandBinding(.pageUp, name: "page-up", keys: [.pageUp], help: "One screen up", group: "Moving"),
        CommandBinding(.top, name: "first-row", keys: [.home, .character("g")], help: "First row", group: "Moving"),
        CommandBinding(.bottom, name: "last-row", keys: [.end, .character("G")], help: "Last row", group: "Moving"),
        CommandBinding(.columnLeft, name: "column-left", keys: [.left, .character("h")],
                       help: "Previous column (the one sort uses)", group: "Moving"),
        CommandBinding(.columnRight, name: "column-right", keys: [.right, .character("l")],
                       help: "Next column (the one sort uses)", group: "Moving"),
        // Levels
        CommandBinding(.open, name: "open", keys: [.enter], help: "Open the selected row (drill in)", group: "Levels",
                       hint: .init("Open", priority: 3)),
        CommandBinding(.back, name: "back", keys: [.escape, .backspace, .character("q")],
                       help: "Back one level (at the top, asks before quitting)", group: "Levels", hint: .init("Back", priority: 4)),
        CommandBinding(.quitNow, name: "quit", keys: [.function(10), .character("Q")], help: "Quit at once", group: "Levels",
                       hint: .init("Quit", priority: 1)),
        // Finding
        CommandBinding(.help, name: "help", keys: [.function(1), .character("?")], help: "Keys for this screen", group: "Finding",
                       hint: .init("Help", priority: 0)),
        CommandBinding(.goTo, name: "go-to", keys: [.function(2), .character(":")],
                       help: "Go to an organisation or footprint by code or name, or run a command by name", group: "Finding",
                       hint: .init("Go to", priority: 2)),
        CommandBinding(.filter, name: "filter", keys: [.function(3), .character("/")],
                       help: "Filter this list as you type (words must all match; !word excludes)", group: "Finding",
                       hint: .init("Filter", priority: 5)),
        CommandBinding(.sort, name: "sort", keys: [.function(4), .character("s")],
                       help: "Sort by the current column; again reverses", group: "Finding", hint: .init("Sort", priority: 6)),
        // What the screens show
        CommandBinding(.switchEra, name: "switch-era", keys: [.function(5), .character("e")],
                       help: "Switch between the 44 STP footprints (2016) and the 42 ICSs (2022)", group: "Showing",
                       scope: .screens([.overview, .footprints]), hint: .init("Era", priority: 7)),
        CommandBinding(.nextFramework, name: "next-framework", keys: [.function(6), .character("f")],
                       help: "Next oversight framework", group: "Showing", scope: .screens(segmentScreens),
                       hint: .init("Framework", priority: 8)),
        CommandBinding(.earlierPeriod, name: "earlier-period", keys: [.function(7), .character("p")],
                       help: "Earlier period (quarter)", group: "Showing", scope: .screens(segmentScreens),
                       hint: .init("Period", priority: 9)),
        CommandBinding(.laterPeriod, name: "later-period", keys: [.character("P")], help: "Later period (quarter)",
                       group: "Showing", scope: .screens(segmentScreens)),
        CommandBinding(.interventions, name: "interventions", keys: [.character("i")],
                       help: "Interventions of this organisation, footprint, or the nation", group: "Showing",
                       scope: .screens([.overview, .footprints, .footprint, .scorecard, .metric]),
                       hint: .init("Interventions", priority: 10)),
        // Journal
        CommandBinding(.undo, name: "undo", keys: [.function(8), .character("u")], help: "Undo the last change", group: "Journal",
                       hint: .init("Undo", priority: 11), edits: true),
        CommandBinding(.redo, name: "redo", keys: [.function(9), .control("r")], help: "Redo what was undone", group: "Journal",
                       hint: .init("Redo", priority: 12), edits: true),
        // Typing a filter
        CommandBinding(.accept, name: "keep-filter", keys: [.enter], help: "Keep the filter and go back to the list",
                       group: "Typing a filter", scope: .mode(.filtering), hint: .init("Keep", priority: 1)),
        CommandBinding(.cancel, name: "clear-filter", keys: [.escape], help: "Clear the filter", group: "Typing a filter",
                       scope: .mode(.filtering), hint: .init("Clear", priority: 2)),
        CommandBinding(.erase, name: "erase", keys: [.backspace], help: "Erase the last character", group: "Typing a filter",
                       scope: .mode(.filtering)),
        CommandBinding(.moveDown, name: "move-down", keys: [.down], help: "Next row", group: "Typing a filter", scope: .mode(.filtering)),
        CommandBinding(.moveUp, name: "move-up", keys: [.up], help: "Previous row", group: "Typing a filter", scope: .mode(.filtering)),
        // Go to
        CommandBinding(.accept, name: "go", keys: [.enter], help: "Go to the chosen match", group: "Go to",
                       scope: .mode(.goTo), hint: .init("Go", priority: 1)),
        CommandBinding(.complete, name: "complete", keys: [.tab], help: "Complete to the chosen match", group: "Go to",
                       scope: .mode(.goTo), hint: .init("Complete", priority: 3)),
        CommandBinding(.moveDown, name: "next-match", keys: [.down], help: "Next match", group: "Go to", scope: .mode(.goTo)),
        CommandBinding(.moveUp, name: "previous-match", keys: [.up], help: "Previous match", group: "Go to", scope: .mode(.goTo)),
        CommandBinding(.erase, name: "erase", keys: [.backspace], help: "Erase the last character", group: "Go to", scope: .mode(.goTo)),
        CommandBinding(.cancel, name: "cancel", keys: [.escape], help: "Close without going anywhere", group: "Go to",
                       scope: .mode(.goTo), hint: .init("Cancel", priority: 2)),
        // Confirm quit
        CommandBinding(.confirm, name: "yes", keys: [.character("y"), .character("Y"), .enter, .function(10), .character("Q")],
                       help: "Yes, quit", group: "Quitting", scope: .mode(.confirmingQuit), hint: .init("Yes, quit", priority: 1)),
        CommandBinding(.decline, name: "no", keys: [.character("n"), .character("N"), .escape, .character("q")],
                       help: "No, stay", group: "Quitting", scope: .mode(.confirmingQuit), hint: .init("No, stay", priority: 2)),
    ]

    /// The bindings that apply on a screen in a mode (edits left out when read-only).
    public static func bindings(on screen: ScreenKind, mode: InputMode, readOnly: Bool) -> [CommandBinding] {
        all.filter { $0.applies(on: screen, mode: mode) && !(readOnly && $0.edits) }
    }
}
