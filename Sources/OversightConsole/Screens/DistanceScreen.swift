import OversightDomain

extension ScreenKind {
    public static let distance = ScreenKind("distance", title: "To the next segment",
                                            offers: [.open, .nextFramework, .earlierPeriod, .laterPeriod, .leagueTable, .computation],
                                            foremost: [.computation])
}

/// What would move one trust to the next segment (`m` from its scorecard, its computation or a
/// league table): the quartile it aims for and the segment that would give (or what holds it, the
/// deficit override); how far the raw score must fall and the boundary today; whether the plan
/// reaches it, confirmed by applying it and recomputing the whole peer group; then the fewest
/// metric improvements, one a row: from value to value (in the metric's unit), what that achieves
/// (meet the standard, clear the floor, match the peer ranked n), the score gained and how much the
/// raw score falls with it. Enter opens the metric.
/// Degrade order: Score, Fall, Gain columns; then the selected improvement's line (height < 14),
/// then the plan line (height < 12).
public struct DistanceScreen: Screen {
    public var org: OrgCode

    public init(org: OrgCode) {
        self.org = org
    }

    public var kind: ScreenKind { .distance }
    public var pathKey: String? { org.rawValue }

    /// Names the trust: from a league table the crumbs before it do not, and on a narrow terminal
    /// the middle ones are elided.
    public func crumb(_ context: ScreenContext) -> String { "\(org.rawValue) to the next segment" }

    static let columns = [
        Column(["Metric"], minWidth: 12, maxWidth: 50, flexible: true),
        Column(["From"], alignment: .right, minWidth: 5, maxWidth: 12),
        Column(["To"], alignment: .right, minWidth: 5, maxWidth: 12),
        Column(["Achieves"], minWidth: 10, maxWidth: 26, dropOrder: 1),
        Column(["Gain"], alignment: .right, minWidth: 4, maxWidth: 5, dropOrder: 2),
        Column(["Score falls", "Fall"], alignment: .right, minWidth: 4, maxWidth: 11, dropOrder: 3),
        Column(["Metric score", "Score"], minWidth: 12, maxWidth: 12, dropOrder: 4),
    ]

    /// The distance confirmed by applying the plan and recomputing the peer group.
    public func needs(_ context: ScreenContext) -> Set<Need> {
        Set(context.shown.map { [Need.confirmedDistance(org, $0)] } ?? [])
    }

    func computation(_ context: ScreenContext) -> SegmentComputation? {
        context.landscape.segmentation(context.viewpoint.framework, context.viewpoint.period)?.organisation(org)
    }

    /// The confirmed distance, or the engine's estimate if recomputing could not be done.
    func distance(_ context: ScreenContext) -> DistanceToNextSegment? {
        guard let estimate = computation(context)?.distance else { return nil }
        return context.landscape.confirmedDistance(org, context.viewpoint.framework, context.viewpoint.period) ?? estimate
    }

    public func table(_ context: ScreenContext) -> Table {
        let noun = Noun("improvement", "improvements")
        guard let distance = distance(context), let framework = context.framework else {
            return Table(columns: DistanceScreen.columns, rows: [], noun: noun, emptyText: absent(context))
        }
        let rows = distance.improvements.map { improvement -> Row in
            let metric = framework.metric(improvement.metric)
            let format = { (v: Double) in metric?.format(v) ?? formatDecimal(v, decimals: 2) }
            return Row(key: improvement.metric.rawValue, cells: [
                .text(metric?.name ?? improvement.metric.rawValue),
                .decimal(improvement.from, text: format(improvement.from)),
                .decimal(improvement.to, text: format(improvement.to)),
                .text(improvement.target.explanation),
                .decimal(improvement.scoreGain, text: formatDecimal(improvement.scoreGain, decimals: 2)),
                .decimal(improvement.contribution, text: formatDecimal(improvement.contribution, decimals: 2)),
                .text("\(improvement.fromScore) \(Glyphs.unicode.arrow) \(improvement.toScore)"),
            ], search: [improvement.metric.rawValue, metric?.name ?? "", improvement.target.explanation].joined(separator: " "))
        }
        let empty = "No metric that counted can improve: the metrics left out (missing, suppressed) cannot help."
        return Table(columns: DistanceScreen.columns, rows: rows, noun: noun, emptyText: empty)
    }

    /// Why there is nothing to move to.
    func absent(_ context: ScreenContext) -> String {
        guard let computation = computation(context) else {
            guard let framework = context.framework, !context.landscape.computesSegments(framework.id) else {
                return ComputationScreen.absent(org, context)
            }
            return "\(framework.shortName) decides segments by judgement, so there are no quartiles to move between "
                + "and no distance to the next segment: the decision and its rationale are on the scorecard."
        }
        guard computation.quartile != nil, let raw = computation.rawScore else {
            return "Not segmented: " + (computation.notSegmented ?? "no raw score") + "."
        }
        var text = "\(org.rawValue)'s raw score is in the best quartile of its peer group, so no metric improvement can lift it"
        if let q1 = computation.boundaries?.lowerQuartile {
            text += ": \(raw) is \(Figures.score(q1 - raw.value)) inside Q1 (\(Figures.score(q1)))"
        }
        text += "."
        // In the best quartile a segment worse than 1 comes from the override or a decision, not the
        // score: say so, or the reader is left wondering why "best" shows as 3.
        if let override = computation.financialOverride, override.applied, let segment = computation.segment {
            text += " Its segment \(segment) comes from the deficit override (\(override.explanation)), not its score."
        } else if let segment = computation.segment, let adjusted = computation.adjustedSegment, segment != adjusted {
            text += " Its segment \(segment) comes from a decision (\(ComputationText.decision(computation))), not its score."
        }
        return text
    }

    public func open(_ row: Row, _ context: ScreenContext) -> (any Screen)? {
        MetricScreen(org: org, metric: MetricID(row.key))
    }

    public func interventionsScope(_ row: Row?, _ context: ScreenContext) -> InterventionsScope? { .organisation(org) }

    public func selection(_ row: Row?, _ context: ScreenContext) -> Selection {
        Selection(org: org, subject: .organisation(org))
    }

    /// The lines above the list: the aim (with chips), then what holds it, the fall and the plan,
    /// each wrapped when there is room.
    func paragraphs(_ d: DistanceToNextSegment, _ c: SegmentComputation) -> [Paragraph] {
        var paragraphs: [Paragraph] = []
        if let held = d.heldBy { paragraphs.append(Paragraph(label: "Held", text: held)) }
        let raw = c.rawScore.map { "\($0)" } ?? "–"
        paragraphs.append(Paragraph(label: "Fall", text: "raw score \(raw) must fall \(formatDecimal(d.fall, decimals: 2)) to \(d.targetScore) "
            + "or below (\(NearBoundary.name(of: d.toQuartile)) is \(Figures.score(d.boundary)) today, and moves as the score does)"))
        paragraphs.append(Paragraph(label: "Plan", text: DistanceScreen.plan(d, c), role: d.reachable ? .plain : .error))
        return paragraphs
    }

    /// Where each part goes: the aim line, the paragraphs with the lines each is given (one each,
    /// more while the list keeps five rows), the list, and the selected improvement in full.
    struct Layout {
        var paragraphs: [Int]
        var list: Rect
        var detail: Rect?

        init(_ body: Rect, _ paragraphs: [Paragraph]) {
            let detailLines = body.height >= 14 ? (body.height >= 20 ? 2 : 1) : 0
            let budget = max(0, body.height - 1 - detailLines - 6)
            self.paragraphs = Paragraph.allot(paragraphs, budget: budget, width: body.width - TableLayout.markerWidth,
                                              labelWidth: ComputationScreen.labelWidth)
            var rest = body.splitTop(1 + self.paragraphs.reduce(0, +)).rest
            if detailLines > 0 { let s = rest.splitBottom(detailLines); detail = s.bottom; rest = s.rest }
            list = rest
        }
    }

    func layout(_ body: Rect, _ context: ScreenContext) -> Layout? {
        guard let d = distance(context), let c = computation(context) else { return nil }
        return Layout(body, paragraphs(d, c))
    }

    public func listArea(in body: Rect, _ context: ScreenContext) -> Rect {
        layout(body, context)?.list ?? body.splitTop(2).rest
    }

    public func draw(_ context: ScreenContext, _ level: Level, into grid: inout Grid, body: Rect) {
        let inset = TableLayout.markerWidth
        let (x, width) = (body.x + inset, body.width - inset)
        guard let d = distance(context), let c = computation(context) else {
            if let c = computation(context) { drawStanding(c, Rect(x: x, y: body.y, width: width, height: 1), &grid) }
            for (i, line) in TextWrap.lines(absent(context), width: width).prefix(max(0, body.height - 2)).enumerated() {
                grid.write(line, x: x, y: body.y + 2 + i, maxWidth: width, role: .muted)
            }
            return
        }
        let paragraphs = paragraphs(d, c)
        let layout = Layout(body, paragraphs)
        var aim = LineWriter(Rect(x: x, y: body.y, width: width, height: 1))
        aim.label("Aim", width: ComputationScreen.labelWidth, grid: &grid)
        aim.text("quartile \(d.fromQuartile) → \(d.toQuartile): segment ", grid: &grid)
        aim.chip(c.segment, grid: &grid)
        aim.text(" → ", grid: &grid)
        aim.chip(d.segmentAfter, grid: &grid)
        if d.heldBy != nil { aim.text(" (held)", grid: &grid) }
        var y = body.y + 1
        for (paragraph, lines) in zip(paragraphs, layout.paragraphs) {
            y += paragraph.draw(x: x, y: y, width: width, labelWidth: ComputationScreen.labelWidth, maxLines: lines, grid: &grid)
        }
        TableRenderer.draw(level.table, level.list, in: layout.list, grid: &grid)
        if let rect = layout.detail, let row = level.selectedRow,
           let improvement = d.improvements.first(where: { $0.metric.rawValue == row.key }) {
            let text = ComputationText.improvement(improvement, context.framework?.metric(improvement.metric))
            for (i, part) in TextWrap.lines(text, width: width).prefix(rect.height).enumerated() {
                grid.write(part, x: x, y: rect.y + i, maxWidth: width, role: .muted)
            }
        }
    }

    /// "these 2 give 1.85, quartile 1 · confirmed by recomputing all 10 ambulance trusts", or why not.
    static func plan(_ d: DistanceToNextSegment, _ c: SegmentComputation) -> String {
        let after = d.scoreAfter.map { "\($0)" } ?? "no score"
        let peers = c.boundaries.map { "all \($0.count)" + (c.peerGroup.map { " \($0.label)" } ?? "") + " trusts" } ?? "the peer group"
        guard d.reachable else {
            return "not reachable by improving the metrics that counted: all \(d.improvements.count) below give \(after), "
                + "short of \(d.targetScore)"
        }
        let these = d.improvements.count == 1 ? "this improvement gives" : "these \(d.improvements.count) improvements give"
        let them = d.improvements.count == 1 ? "it" : "them"
        let how = d.confirmedByRecomputing ? "confirmed by applying \(them) and recomputing \(peers)"
                                           : "an estimate with every peer held as it is (not confirmed)"
        return "\(these) \(after), quartile \(d.toQuartile) · \(how)"
    }

    /// One line when there is nothing to move to: the segment, its quartile and score.
    func drawStanding(_ c: SegmentComputation, _ rect: Rect, _ grid: inout Grid) {
        var line = LineWriter(rect)
        line.label("Segment", width: ComputationScreen.labelWidth, grid: &grid)
        line.chip(c.segment, grid: &grid)
        if let quartile = c.quartile, let raw = c.rawScore { line.text(" · quartile \(quartile) · raw score \(raw)", grid: &grid) }
    }
}
