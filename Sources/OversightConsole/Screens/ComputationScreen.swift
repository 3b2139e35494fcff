import OversightDomain

extension ScreenKind {
    public static let computation = ScreenKind("computation", title: "Computation",
                                               offers: [.open, .nextFramework, .earlierPeriod, .laterPeriod, .leagueTable, .distance],
                                               foremost: [.distance])
}

/// The computation behind one trust's segment (`c` from its scorecard or a league table): above the
/// list, the method's steps with their arithmetic — the segment and rank; the weighted mean and its
/// rounding; the peer group's quartile boundaries and the quartile; the deficit override; the
/// decision; how far it is from the next segment (confirmed by recomputing); its ICS's position —
/// and below them every metric scored or left out: value, score, weight and how (met the standard,
/// failed the floor, ranked p of n, bracket, given, left out and why). The selected metric's line
/// is spelt out in full under the list; Enter opens the metric.
/// Degrade order: Domain, Metric ID, Weight columns; then, as height falls, the selected metric's
/// line, the ICS line, the distance line, the decision line, the override line (the list keeps at
/// least five rows).
public struct ComputationScreen: Screen {
    public var org: OrgCode

    public init(org: OrgCode) {
        self.org = org
    }

    public var kind: ScreenKind { .computation }
    public var pathKey: String? { org.rawValue }

    /// Names the trust: from a league table the crumbs before it do not, and on a narrow terminal
    /// the middle ones are elided.
    public func crumb(_ context: ScreenContext) -> String { "\(org.rawValue) computation" }

    static let columns = [
        Column(["Metric"], minWidth: 12, maxWidth: 24),
        Column(["Value"], alignment: .right, minWidth: 5, maxWidth: 12),
        Column(["Score"], alignment: .right, minWidth: 4, maxWidth: 5),
        Column(["Weight", "Wt"], alignment: .right, minWidth: 2, maxWidth: 6, dropOrder: 2),
        Column(["How it was scored", "How"], minWidth: 16, maxWidth: 100, flexible: true),
        Column(["Metric ID", "ID"], minWidth: 2, maxWidth: 10, dropOrder: 3),
        Column(["Domain"], minWidth: 6, maxWidth: 30, dropOrder: 4),
    ]

    /// The system view for the trust beside its ICS, and the distance to the next segment confirmed by recomputing.
    public func needs(_ context: ScreenContext) -> Set<Need> {
        guard let shown = context.shown else { return [] }
        return [.systems(shown), .confirmedDistance(org, shown)]
    }

    /// The engine's computation for this trust, when the framework computes segments and it has a scorecard.
    func computation(_ context: ScreenContext) -> SegmentComputation? {
        context.landscape.segmentation(context.viewpoint.framework, context.viewpoint.period)?.organisation(org)
    }

    public func table(_ context: ScreenContext) -> Table {
        let noun = Noun("metric", "metrics")
        guard let computation = computation(context), let framework = context.framework else {
            return Table(columns: ComputationScreen.columns, rows: [], noun: noun, emptyText: ComputationScreen.absent(org, context))
        }
        let rows = ComputationScreen.listed(computation).map { line -> Row in
            let metric = framework.metric(line.metric)
            let how = line.basis.explanation { metric?.format($0) ?? formatDecimal($0, decimals: 2) }
            let domain = framework.theme(line.theme)?.name ?? line.theme.rawValue
            return Row(key: line.metric.rawValue, cells: [
                .text(metric?.label ?? line.metric.rawValue),
                metric.map { Labels.value($0, line.value) } ?? .text(""),
                Labels.score(line.score?.value),
                line.counts ? .decimal(line.weight, text: Figures.weight(line.weight)) : .decimal(nil, text: ""),
                .text(how, line.counts ? .plain : .muted),
                .text(line.metric.rawValue),
                .text(domain),
            ], search: [line.metric.rawValue, metric?.name ?? "", domain, how].joined(separator: " "))
        }
        return Table(columns: ComputationScreen.columns, rows: rows, noun: noun, emptyText: "No metrics apply to this trust.")
    }

    /// The metric lines listed: those the framework does not score for the peer group are not part of its computation.
    static func listed(_ c: SegmentComputation) -> [MetricScore] {
        c.metrics.filter(\.appliesToPeerGroup)
    }

    /// Why there is no computation to show.
    static func absent(_ org: OrgCode, _ context: ScreenContext) -> String {
        guard let framework = context.framework, let period = context.viewpoint.period else { return "No framework has scorecards in this store." }
        guard context.landscape.computesSegments(framework.id) else {
            return "\(framework.shortName) decides segments by judgement, so there is no computation to show: "
                + "the decision and its rationale are on the scorecard."
        }
        return "No \(framework.shortName) scorecard for \(org.rawValue) in \(period.label)."
    }

    public func open(_ row: Row, _ context: ScreenContext) -> (any Screen)? {
        MetricScreen(org: org, metric: MetricID(row.key))
    }

    public func interventionsScope(_ row: Row?, _ context: ScreenContext) -> InterventionsScope? { .organisation(org) }

    public func selection(_ row: Row?, _ context: ScreenContext) -> Selection {
        Selection(org: org, subject: .organisation(org))
    }

    /// This trust's segment decision shows in the decision step.
    public func place(of target: FocusTarget, _ context: ScreenContext) -> FocusPlace? {
        guard target.org == org, let id = target.scorecard,
              id.framework == context.viewpoint.framework, id.period == context.viewpoint.period else { return nil }
        return .panel
    }

    /// The step lines in the order they give way (the segment line last), and the detail line.
    enum Step: Int, CaseIterable {
        case segment, mean, quartile, override, decision, toNext, system, detail
    }

    /// Where each part goes: the steps that fit (the list keeps at least five rows and its
    /// heading), how many lines each takes (more than one only on a tall terminal), the list, and
    /// the selected metric's line in full below it.
    struct Layout {
        var steps: [(step: Step, lines: Int)] = []
        var list: Rect
        var detail: Rect?

        /// `rows` is how many metrics the list has: lines it would leave empty go to wrapping the steps.
        init(_ body: Rect, paragraphs: [Step: Paragraph], rows: Int) {
            let shown = Step.allCases.prefix(max(1, body.height - 6)).filter { $0 != .detail }
            // The selected metric's line repeats its row in words: one line until the steps have room.
            let detailLines = body.height - 6 >= Step.allCases.count ? (body.height >= 26 ? 2 : 1) : 0
            let wrapping = shown.filter { paragraphs[$0] != nil }
            var lines = Dictionary(uniqueKeysWithValues: shown.map { ($0, 1) })
            let spare = body.height - shown.count - detailLines - (rows + 1)
            let extra = max(spare, body.height >= 30 ? wrapping.count : 0)
            if extra > 0 {
                let given = Paragraph.allot(wrapping.map { paragraphs[$0]! }, budget: wrapping.count + extra,
                                            width: body.width - TableLayout.markerWidth, labelWidth: ComputationScreen.labelWidth)
                for (step, count) in zip(wrapping, given) { lines[step] = count }
            }
            steps = shown.map { ($0, lines[$0]!) }
            var rest = body.splitTop(steps.reduce(0) { $0 + $1.lines }).rest
            if detailLines > 0 {
                let s = rest.splitBottom(detailLines)
                detail = s.bottom
                rest = s.rest
            }
            list = rest
        }
    }

    func layout(_ body: Rect, _ context: ScreenContext) -> Layout {
        guard let computation = computation(context), let framework = context.framework else { return Layout(body, paragraphs: [:], rows: 0) }
        return Layout(body, paragraphs: paragraphs(computation, framework, context), rows: ComputationScreen.listed(computation).count)
    }

    public func listArea(in body: Rect, _ context: ScreenContext) -> Rect { layout(body, context).list }

    public func draw(_ context: ScreenContext, _ level: Level, into grid: inout Grid, body: Rect) {
        let inset = TableLayout.markerWidth
        guard let computation = computation(context), let framework = context.framework else {
            Notice.draw(level.table.emptyText, in: body.splitTop(1).rest, grid: &grid)
            return
        }
        let paragraphs = paragraphs(computation, framework, context)
        let layout = Layout(body, paragraphs: paragraphs, rows: level.table.rows.count)
        let (x, width) = (body.x + inset, body.width - inset)
        var y = body.y
        for (step, lines) in layout.steps {
            if let paragraph = paragraphs[step] {
                paragraph.draw(x: x, y: y, width: width, labelWidth: ComputationScreen.labelWidth, maxLines: lines, grid: &grid)
            } else {
                var line = LineWriter(Rect(x: x, y: y, width: width, height: 1))
                let published = context.landscape.segment(org, context.viewpoint.framework, context.viewpoint.period).published
                drawChipStep(step, computation, published: published, &line, &grid)
            }
            y += lines
        }
        TableRenderer.draw(level.table, level.list, in: layout.list, grid: &grid)
        if let rect = layout.detail, let row = level.selectedRow, let lineScore = computation.metric(MetricID(row.key)) {
            let text = ComputationText.line(lineScore, framework.metric(lineScore.metric), totalWeight: computation.totalWeight)
            for (i, part) in TextWrap.lines(text, width: width).prefix(rect.height).enumerated() {
                grid.write(part, x: x, y: rect.y + i, maxWidth: width, role: .muted)
            }
        }
    }

    static let labelWidth = 10

    /// The steps written as text, which may wrap; the segment line carries a chip instead (the
    /// decision's text names the segment it leads to, so it wraps rather than lose its end).
    func paragraphs(_ c: SegmentComputation, _ framework: Framework, _ context: ScreenContext) -> [Step: Paragraph] {
        let landscape = context.landscape
        let (fw, period) = (context.viewpoint.framework, context.viewpoint.period)
        let finance = landscape.scorecard(org, fw, period)?.finance
        let beside = landscape.beside(org, fw, period)
        let era = beside.flatMap { landscape.footprint($0.system.footprint)?.era }
        let distance = c.distance == nil ? nil : landscape.confirmedDistance(org, fw, period)
        return [
            .mean: Paragraph(label: "Mean", text: ComputationText.mean(c)),
            .quartile: Paragraph(label: "Quartile", text: ComputationText.quartile(c)),
            .override: Paragraph(label: "Override", text: ComputationText.override(c, finance: finance, rules: framework.segmentation),
                                 role: c.financialOverride?.applied == true ? .plain : .muted),
            .decision: Paragraph(label: "Decision", text: ComputationText.decision(c), role: c.decision == nil ? .muted : .plain),
            .toNext: Paragraph(label: "To next", text: ComputationText.toNext(c, distance)),
            .system: Paragraph(label: era == .stp2016 ? "Its STP" : "Its ICS", text: ComputationText.beside(beside)),
        ]
    }

    func drawChipStep(_ step: Step, _ c: SegmentComputation, published: PublishedStanding?, _ line: inout LineWriter, _ grid: inout Grid) {
        let label = ComputationScreen.labelWidth
        switch step {
        case .segment:
            line.label("Segment", width: label, grid: &grid)
            line.chip(c.segment, grid: &grid)
            if c.isNearBoundary { line.text(" " + grid.glyphs.near + " near a boundary", grid: &grid) }
            guard c.segment != nil else {
                line.text(" not segmented: " + (c.notSegmented ?? "no raw score"), role: .muted, grid: &grid)
                return
            }
            var facts: [String] = []
            if let group = c.peerGroup, let rank = c.rank { facts.append("rank \(rank) of \(c.tableSize) \(group.label)") }
            facts.append("\(c.metricsScored) of \(ComputationScreen.listed(c).count) metrics scored")
            // Where NHS England published the quarter, this is the check on its figures: say so, and set them beside it.
            if let standing = published {
                let rank = standing.rankText.map { ", rank \($0)" } ?? ""
                let average = standing.averageScore.map { ", " + formatDecimal($0, decimals: 2) } ?? ""
                facts = ["recomputed"] + facts + ["NHS England published \(standing.shownSegment)\(rank)\(average)"]
            }
            line.text(" · " + facts.joined(separator: " · "), grid: &grid)
        default:
            break
        }
    }
}
