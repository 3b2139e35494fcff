import OversightDomain

extension ScreenKind {
    public static let help = ScreenKind("help", title: "Help")
}

/// The keys of the screen below, then the global ones, then the keys used while typing, straight
/// from the command table. `?`, F1, Esc or q closes it.
/// Degrade order: the Intent column, then the Group column.
public struct HelpScreen: Screen {
    public var screen: ScreenKind

    public init(for screen: ScreenKind) {
        self.screen = screen
    }

    public var kind: ScreenKind { .help }

    /// `?` or F1 again closes help.
    public func update(_ intent: Intent, _ state: inout AppState) -> [Effect] {
        guard intent == .help else { return Browse.update(intent, &state) }
        state.stack.removeLast()
        return []
    }

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
        // This screen's own keys first (what the secretary came to help for), then the ones every screen has.
        let browsing = CommandTable.bindings(on: screen, mode: .browsing, readOnly: context.readOnly)
        for binding in browsing.filter({ $0.scope == .offered }) + browsing.filter({ $0.scope != .offered }) { add(binding, where: "") }
        for mode in [Mode.Kind.filtering, .goTo, .form, .confirming, .confirmingQuit] {
            for binding in CommandTable.bindings(on: screen, mode: mode, readOnly: context.readOnly) { add(binding, where: mode.label) }
        }
        return Table(columns: [
            Column(["Group"], minWidth: 6, maxWidth: 16, dropOrder: 1),
            Column(["Keys"], minWidth: 8, maxWidth: 28),
            Column(["Command"], minWidth: 6, maxWidth: 16, dropOrder: 2),
            Column(["What it does"], minWidth: 20, maxWidth: 120, flexible: true),
        ], rows: rows, noun: Noun("key binding", "key bindings"))
    }

    /// Two lines of introduction above the list; below it, when there is room, the selected key's
    /// help in full (the column cuts long ones short on a laptop or a projector).
    struct Layout {
        var list: Rect
        var detail: Rect?

        init(_ body: Rect) {
            var rest = body.splitTop(2).rest
            if rest.height >= 8 {
                let split = rest.splitBottom(2)
                rest = split.rest
                detail = split.bottom
            }
            list = rest
        }
    }

    public func listArea(in body: Rect, _ context: ScreenContext) -> Rect { Layout(body).list }

    public func draw(_ context: ScreenContext, _ level: Level, into grid: inout Grid, body: Rect) {
        var text = "Keys for \(screen.title), then keys used everywhere. Esc or ? closes help."
        if context.readOnly { text += " Read-only: editing keys are hidden." }
        let (x, width) = (body.x + TableLayout.markerWidth, body.width - TableLayout.markerWidth)
        grid.write(text, x: x, y: body.y, maxWidth: width, role: .muted)
        grid.write(HelpScreen.marks(context, grid.glyphs, width: width), x: x, y: body.y + 1, maxWidth: width, role: .muted)
        let layout = Layout(body)
        TableRenderer.draw(level.table, level.list, in: layout.list, grid: &grid)
        if let detail = layout.detail, let row = level.list.selectedRow.map({ level.table.rows[$0] }) {
            // "F3  /  filter: Filter the current list as you type …", wrapped to the two lines.
            let keys = row.cells[1].searchText, name = row.cells[2].searchText, help = row.cells[3].searchText
            let lines = TextWrap.lines("\(keys)  \(name): \(help)", width: width)
            for (i, line) in lines.prefix(detail.height).enumerated() {
                grid.write(line, x: x, y: detail.y + i, maxWidth: width)
            }
        }
    }

    /// What the marks on screens mean: "Marks: ≈ within 0.05 of a quartile boundary · ▲ better ▼ worse · † type not confirmed",
    /// the longest wording that fits whole.
    static func marks(_ context: ScreenContext, _ glyphs: Glyphs, width: Int) -> String {
        let margin = context.framework?.segmentation.nearBoundaryMargin ?? context.landscape.frameworks.compactMap(\.segmentation.nearBoundaryMargin).first
        let within = margin.map { "within \(formatDecimal($0, decimals: 2)) of" } ?? "near"
        let candidates = [
            "Marks: \(glyphs.near) \(within) a quartile boundary · \(glyphs.better) better \(glyphs.worse) worse"
                + " (in a league table, the nearer quartile) · \(glyphs.unverified) type not confirmed",
            "Marks: \(glyphs.near) \(within) a boundary · \(glyphs.better) better \(glyphs.worse) worse · \(glyphs.unverified) type not confirmed",
            "Marks: \(glyphs.near) near a boundary · \(glyphs.better) better \(glyphs.worse) worse · \(glyphs.unverified) unconfirmed",
        ]
        return candidates.first { DisplayWidth.of($0) <= width } ?? candidates.last!
    }
}
