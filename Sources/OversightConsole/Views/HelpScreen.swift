import OversightDomain

extension ScreenKind {
    public static let help = ScreenKind("help", title: "Help")
}

/// The keys of the screen below and the global ones, then the keys used while typing, straight
/// from the command table. `?`, F1, Esc or q closes it.
/// Degrade order: the Command column, then the Group column.
public struct HelpScreen: Screen {
    public var screen: ScreenKind

    public init(for screen: ScreenKind) {
        self.screen = screen
    }

    public var kind: ScreenKind { .help }

    public func crumb(_ context: ScreenContext) -> String { "Help: " + screen.title }

    public func table(_ context: ScreenContext) -> Table {
        var rows: [Row] = []
        var seen = Set<String>()
        func add(_ binding: CommandBinding, where place: String) {
            guard seen.insert(place + binding.name).inserted else { return }
            let keys = binding.keys.map(\.label).joined(separator: "  ")
            rows.append(Row(key: place + "/" + binding.name, cells: [
                .text(binding.group, .muted),
                .text(keys),
                .text(binding.name),
                .text(binding.help),
            ]))
        }
        for binding in CommandTable.bindings(on: screen, mode: .browsing, readOnly: context.readOnly) { add(binding, where: "") }
        for mode in [InputMode.filtering, .goTo, .form, .confirming, .confirmingQuit] {
            for binding in CommandTable.bindings(on: screen, mode: mode, readOnly: context.readOnly) { add(binding, where: mode.label) }
        }
        return Table(columns: [
            Column(["Group"], minWidth: 6, maxWidth: 16, dropOrder: 1),
            Column(["Keys"], minWidth: 8, maxWidth: 28),
            Column(["Command"], minWidth: 6, maxWidth: 16, dropOrder: 2),
            Column(["What it does"], minWidth: 20, maxWidth: 120, flexible: true),
        ], rows: rows, noun: Noun("key binding", "key bindings"))
    }

    public func listArea(in body: Rect, _ context: ScreenContext) -> Rect { body.splitTop(2).rest }

    public func draw(_ context: ScreenContext, _ level: Level, into grid: inout Grid, body: Rect) {
        var text = "Keys for \(screen.title), then keys used everywhere. Esc or ? closes help."
        if context.readOnly { text += " Read-only: editing keys are hidden." }
        let (x, width) = (body.x + TableLayout.markerWidth, body.width - TableLayout.markerWidth)
        grid.write(text, x: x, y: body.y, maxWidth: width, role: .muted)
        grid.write(HelpScreen.marks(context, grid.glyphs, width: width), x: x, y: body.y + 1, maxWidth: width, role: .muted)
        TableRenderer.draw(level.table, level.list, in: listArea(in: body, context), grid: &grid)
    }

    /// What the marks on screens mean: "Marks: ≈ within 0.05 of a quartile boundary · ▲ better ▼ worse · † type UNVERIFIED",
    /// the longest wording that fits whole.
    static func marks(_ context: ScreenContext, _ glyphs: Glyphs, width: Int) -> String {
        let margin = context.framework?.segmentation.nearBoundaryMargin ?? context.landscape.frameworks.compactMap(\.segmentation.nearBoundaryMargin).first
        let within = margin.map { "within \(formatDecimal($0, decimals: 2)) of" } ?? "near"
        let candidates = [
            "Marks: \(glyphs.near) \(within) a quartile boundary · \(glyphs.better) better \(glyphs.worse) worse"
                + " (in a league table, the nearer quartile) · \(glyphs.unverified) type UNVERIFIED",
            "Marks: \(glyphs.near) \(within) a boundary · \(glyphs.better) better \(glyphs.worse) worse · \(glyphs.unverified) type UNVERIFIED",
            "Marks: \(glyphs.near) near a boundary · \(glyphs.better) better \(glyphs.worse) worse · \(glyphs.unverified) UNVERIFIED",
        ]
        return candidates.first { DisplayWidth.of($0) <= width } ?? candidates.last!
    }
}
