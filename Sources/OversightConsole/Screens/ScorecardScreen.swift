import OversightDomain

extension ScreenKind {
    public static let scorecard = ScreenKind("scorecard", title: "Organisation scorecard",
                                             offers: [.open, .nextFramework, .earlierPeriod, .laterPeriod, .interventions, .notes, .actions, .decisions,
                                                      .leagueTable, .computation, .distance, .decideSegment, .addNote, .addAction, .addIntervention, .writePaper])
}

/// One organisation under the framework and period shown: who it is; its segment now, computed
/// against decided, and its history across quarters; domain scores; the metrics (Enter opens
/// one); its interventions and notes.
/// Degrade order, in terminal rows (the body `Layout` splits is three fewer): the side panel of
/// interventions and notes folds into two summary lines below 150 columns; below 24 rows the
/// decision line goes (then the segment line names the decision's date and who took it) and the
/// standing line (quartile, distance to the next segment, the ICS's median); below 22 the domains
/// and notes lines, below 20 the history, below 15 the interventions line; table columns drop
/// Trend, Standard, Metric ID, then Score.
public struct ScorecardScreen: Screen {
    public var org: OrgCode

    public init(org: OrgCode) {
        self.org = org
    }

    public var kind: ScreenKind { .scorecard }
    public var pathKey: String? { org.rawValue }

    public func crumb(_ context: ScreenContext) -> String {
        context.landscape.organisation(org).map(Labels.crumb) ?? org.rawValue
    }

    /// Up to eight periods ending with the one shown, oldest first: the sparkline's span.
    static func sparkPeriods(_ context: ScreenContext) -> [Period] {
        let periods = context.landscape.periods(of: context.viewpoint.framework)
        guard let current = context.viewpoint.period, let index = periods.firstIndex(of: current) else { return Array(periods.suffix(8)) }
        return Array(periods[max(0, index - 7)...index])
    }

    public func table(_ context: ScreenContext) -> Table {
        let landscape = context.landscape
        guard let organisation = landscape.organisation(org), let framework = context.framework else {
            return Table(columns: ScorecardScreen.columns, rows: [], noun: Noun("metric", "metrics"),
                         emptyText: "No framework has scorecards in this store.")
        }
        if ScorecardScreen.showsPublished(framework, context) {
            return PublishedMetricTable.table(organisation, framework, context)
        }
        let card = landscape.scorecard(org, framework.id, context.viewpoint.period)
        let reading = landscape.segment(org, framework.id, context.viewpoint.period)
        let history = ScorecardScreen.sparkPeriods(context).map { landscape.scorecard(org, framework.id, $0) }
        let rows = framework.metrics(for: organisation.peerGroup).map { metric -> Row in
            let value = card?.values[metric.id]
            let score = reading.metricScores[metric.id]
            return Row(key: metric.id.rawValue, cells: [
                .text(metric.id.rawValue),
                .text(metric.name),
                Labels.value(metric, value),
                .text(Labels.standard(metric)),
                Labels.score(score),
                .rag(RAGRule.rag(metric, value: value?.number, score: score)),
                .sparkline(history.map { $0?.number(metric.id) }),
            ], search: [metric.id.rawValue, metric.name, framework.theme(metric.theme)?.name ?? ""].joined(separator: " "))
        }
        let empty = framework.metrics.isEmpty
            ? "\(framework.shortName) decides segments by judgement; it has no metrics."
            : "No \(framework.shortName) metrics apply to this organisation."
        return Table(columns: ScorecardScreen.columns, rows: rows, noun: Noun("metric", "metrics"), emptyText: empty)
    }

    static let columns = [
        Column(["Metric ID", "ID"], minWidth: 2, maxWidth: 10, dropOrder: 3),
        Column(["Metric"], minWidth: 14, maxWidth: 70, flexible: true),
        Column(["Value"], alignment: .right, minWidth: 6, maxWidth: 12),
        Column(["Standard", "Std"], alignment: .right, minWidth: 3, maxWidth: 14, dropOrder: 4),
        Column(["Score"], alignment: .right, minWidth: 4, dropOrder: 2),
        Column(["RAG"], minWidth: 3, maxWidth: 7),
        Column(["Trend"], minWidth: 5, maxWidth: 8, dropOrder: 5),
    ]

    public func open(_ row: Row, _ context: ScreenContext) -> (any Screen)? {
        MetricScreen(org: org, metric: MetricID(row.key))
    }

    /// Whether the scorecard leads with NHS England's figures: a framework whose method computes segments,
    /// in a store holding figures NHS England published under it. Then a quarter without them says "no
    /// published data" rather than showing a blank card.
    static func showsPublished(_ framework: Framework, _ context: ScreenContext) -> Bool {
        framework.computesSegments && context.landscape.hasPublishedFigures(framework.id)
    }

    public func interventionsScope(_ row: Row?, _ context: ScreenContext) -> InterventionsScope? { .organisation(org) }

    public func peerGroup(_ context: ScreenContext) -> PeerGroup? { context.landscape.organisation(org)?.peerGroup }

    /// Every period up to the one shown, for the history line (as many as fit are drawn), and the
    /// system view for the ICS's median beside the trust's name.
    public func needs(_ context: ScreenContext) -> Set<Need> {
        let periods = context.landscape.periods(of: context.viewpoint.framework).filter { $0 <= (context.viewpoint.period ?? $0) }
        return context.segments(of: periods).union(context.shown.map { [Need.systems($0)] } ?? [])
    }

    public func selection(_ row: Row?, _ context: ScreenContext) -> Selection {
        Selection(org: org, subject: .organisation(org))
    }

    /// The scorecard shows its own segment decision, and its interventions and notes in the lines below.
    public func place(of target: FocusTarget, _ context: ScreenContext) -> FocusPlace? {
        guard target.org == org else { return nil }
        if let id = target.scorecard, id.framework != context.viewpoint.framework || id.period != context.viewpoint.period { return nil }
        return .panel
    }

    /// Where each part goes at a body size (the terminal less the header, status and hint lines).
    struct Layout {
        var identity: Rect
        var segment: Rect
        /// Published figures only: why the segment is what it is (the override, the move since last quarter).
        var why: Rect?
        var timeline: Rect?
        var domains: Rect?
        var decision: Rect?
        var standing: Rect?
        var list: Rect
        var interventions: Rect?
        var notes: Rect?
        var side: Rect?

        /// `computesSegments`: whether the framework shown has quartiles for the standing line; `published`:
        /// whether it shows NHS England's figures, with a line saying why the segment is what it is.
        init(_ body: Rect, computesSegments: Bool, published: Bool = false) {
            var main = body
            if body.width >= 150 {
                let split = body.splitLeft(body.width - 46)
                main = split.left
                side = split.rest.inset(left: 2)
            }
            var rest = main
            (identity, rest) = rest.splitTop(2)
            (segment, rest) = rest.splitTop(1)
            if published, body.height >= 15 { let s = rest.splitTop(1); why = s.top; rest = s.rest }
            if body.height >= 17 { let s = rest.splitTop(1); timeline = s.top; rest = s.rest }
            // Five published domains with their segments need two lines at 80 columns: they wrap, never cut.
            if body.height >= 19 { let s = rest.splitTop(published && body.height >= 21 && body.width < 120 ? 2 : 1); domains = s.top; rest = s.rest }
            if body.height >= 21 { let s = rest.splitTop(1); decision = s.top; rest = s.rest }
            if body.height >= 21, computesSegments { let s = rest.splitTop(1); standing = s.top; rest = s.rest }
            if side == nil {
                if body.height >= 19 { let s = rest.splitBottom(1); notes = s.bottom; rest = s.rest }
                if body.height >= 12 { let s = rest.splitBottom(1); interventions = s.bottom; rest = s.rest }
            }
            list = rest
        }
    }

    func layout(_ body: Rect, _ context: ScreenContext) -> Layout {
        let published = context.framework.map { ScorecardScreen.showsPublished($0, context) } ?? false
        return Layout(body, computesSegments: context.landscape.computesSegments(context.viewpoint.framework), published: published)
    }

    public func listArea(in body: Rect, _ context: ScreenContext) -> Rect { layout(body, context).list }

    public func draw(_ context: ScreenContext, _ level: Level, into grid: inout Grid, body: Rect) {
        let layout = layout(body, context)
        let landscape = context.landscape
        guard let organisation = landscape.organisation(org) else {
            grid.write("There is no organisation \(org.rawValue) in this store.", x: body.x + 2, y: body.y, role: .error)
            return
        }
        drawIdentity(organisation, context, layout.identity.inset(left: TableLayout.markerWidth), &grid)
        drawSegment(context, layout.segment.inset(left: TableLayout.markerWidth), withDecision: layout.decision == nil, &grid)
        if let rect = layout.why { drawWhy(context, rect.inset(left: TableLayout.markerWidth), &grid) }
        if let rect = layout.timeline { drawTimeline(context, rect.inset(left: TableLayout.markerWidth), &grid) }
        if let rect = layout.domains { drawDomains(context, rect.inset(left: TableLayout.markerWidth), &grid) }
        if let rect = layout.decision { drawDecision(context, rect.inset(left: TableLayout.markerWidth), &grid) }
        if let rect = layout.standing { ScorecardStanding.draw(org, context, rect.inset(left: TableLayout.markerWidth), &grid) }
        TableRenderer.draw(level.table, level.list, in: layout.list, grid: &grid)
        let interventions = landscape.interventions(of: org)
        let inForce = landscape.interventionsInForce(of: org, context.viewpoint)
        let period = landscape.countingPeriod(context.viewpoint)
        if let rect = layout.interventions {
            drawInterventionsLine(interventions, inForce: inForce, period: period, landscape, rect.inset(left: TableLayout.markerWidth), &grid)
        }
        let actions = landscape.openActions(of: org)
        if let rect = layout.notes {
            drawNotesLine(landscape.notes(of: org), actions: actions, today: landscape.today, rect.inset(left: TableLayout.markerWidth), &grid)
        }
        if let side = layout.side {
            ScorecardSidePanel.draw(interventions, inForce: inForce, period: period, landscape.notes(of: org), landscape, actions: actions,
                                    in: side, grid: &grid)
        }
    }

    func drawIdentity(_ organisation: Organisation, _ context: ScreenContext, _ rect: Rect, _ grid: inout Grid) {
        let used = grid.write(organisation.name, x: rect.x, y: rect.y, maxWidth: rect.width, role: .title)
        if !organisation.provenance.tag.isEmpty, used + 2 < rect.width {
            grid.write(organisation.provenance.tag, x: rect.x + used + 1, y: rect.y, maxWidth: rect.width - used - 1, role: .muted)
        }
        var x = rect.x
        let y = rect.y + 1
        func part(_ text: String, role: StyleRole = .plain) {
            // A part that cannot show at least a few characters is left out with its separator.
            guard !text.isEmpty, x + (x > rect.x ? 3 : 0) + min(4, DisplayWidth.of(text)) <= rect.maxX else { return }
            if x > rect.x { x += grid.write(" · ", x: x, y: y, maxWidth: rect.maxX - x, role: .muted) }
            x += grid.write(text, x: x, y: y, maxWidth: rect.maxX - x, role: role)
        }
        part(organisation.code.rawValue)
        part(Labels.capitalised(organisation.kind.label))
        if let subtype = organisation.subtype {
            // NHS England's own words for the type ("Acute - Teaching"), where its files give them.
            part(subtype)
        } else if let type = organisation.type {
            part(Labels.capitalised(type.label))
            // "Acute (unconfirmed)": plain words, not the data's UNVERIFIED tag; on a projector a capitalised warning beside
            // a trust's name reads as a finding about the trust.
            if organisation.typeProvenance?.kind == .unverified, x + 1 < rect.maxX {
                x += 1 + grid.write("(unconfirmed)", x: x + 1, y: y, maxWidth: rect.maxX - x - 1, role: .muted)
            }
        }
        let landscape = context.landscape
        let regionName = landscape.region(organisation.region)?.name ?? organisation.region.rawValue
        // The trust's ICS with its position, the median member segment, to set the segment below beside.
        if let footprint = landscape.footprints(of: organisation, era: .ics2022).first {
            let median = landscape.system(footprint.id, context.viewpoint.framework, context.viewpoint.period)?.median
            let wordings = (median.map { m in ["median segment", "median"].map { footprint.name + " (\($0) \(Figures.segmentMedian(m)))" } } ?? [])
            // The longest wording that still leaves the region room after it.
            let regionRoom = 3 + DisplayWidth.of(regionName)
            part(wordings.first { x + 3 + DisplayWidth.of($0) + regionRoom <= rect.maxX } ?? footprint.name)
        }
        part(regionName)
    }

    func drawSegment(_ context: ScreenContext, _ rect: Rect, withDecision: Bool, _ grid: inout Grid) {
        let landscape = context.landscape
        guard let framework = context.framework, let period = context.viewpoint.period else {
            grid.write("No scorecards in this store.", x: rect.x, y: rect.y, maxWidth: rect.width, role: .muted)
            return
        }
        var x = rect.x
        let y = rect.y
        x += grid.write("Segment ", x: x, y: y, role: .title)
        let reading = landscape.segment(org, framework.id, period)
        if ScorecardScreen.showsPublished(framework, context), reading.published != nil || reading.decided == nil {
            drawPublishedSegment(reading, framework, context, x: x, rect, &grid)
            return
        }
        guard let card = landscape.scorecard(org, framework.id, period) else {
            grid.write("no \(framework.shortName) scorecard for \(period.label)", x: x, y: y, maxWidth: rect.maxX - x, role: .muted)
            return
        }
        let tag = card.provenance.tag
        let tagRoom = tag.isEmpty ? 0 : DisplayWidth.of(tag) + 1
        let limit = rect.maxX - tagRoom
        if let segment = reading.segment {
            x += grid.write(" \(segment) ", x: x, y: y, role: .segment(segment)) + 1
            var facts: [String] = []
            // A decision that did not change the segment leads, in words short enough for 80 columns: users
            // take a recorded decision to be the segment unless the headline says otherwise.
            let overruled = reading.computation.flatMap { Self.overruledDecision($0.decision) }
            if reading.nearBoundary {
                var near = grid.glyphs.near + " near a boundary "
                if let overruled, x + DisplayWidth.of(near + overruled) > limit { near = grid.glyphs.near + " " }
                x += grid.write(near, x: x, y: y, maxWidth: limit - x)
            }
            if let overruled { facts.append(overruled) }
            if let label = framework.segment(segment)?.label { facts.append(label) }
            if let computation = reading.computation {
                switch computation.decision {
                case .differs?, .notApplicable?: break
                case .entered?: facts.append("entered by decision" + (reading.computed.map { ", computed \($0)" } ?? ""))
                case .agrees?: facts.append("computed \(reading.computed ?? segment), decision agrees")
                case nil: facts.append((reading.computed.map { "computed \($0), " } ?? "") + "no decision")
                }
                if let raw = reading.rawScore { facts.append("score " + formatDecimal(raw, decimals: 2)) }
            } else if let decided = reading.decided {
                facts.append("decided \(decided)")
                if let computed = reading.computed { facts.append("computed \(computed)" + (computed != decided ? " (differs)" : "")) }
            }
            if let rank = reading.rank, let of = reading.rankOutOf { facts.append("rank \(rank) of \(of)") }
            if withDecision, let decision = card.decision { facts.append("\(decision.date.display), \(decision.decidedBy)") }
            grid.write(facts.joined(separator: " · "), x: x, y: y, maxWidth: limit - x)
        } else {
            grid.write("not segmented for \(period.label)", x: x, y: y, maxWidth: limit - x, role: .muted)
        }
        if !tag.isEmpty { grid.write(tag, x: rect.maxX - DisplayWidth.of(tag), y: y, role: .muted) }
    }

    /// NHS England's segment and what it published beside it, or that nothing is published for the quarter;
    /// "NHS England" at the end says whose figures these are.
    func drawPublishedSegment(_ reading: SegmentReading, _ framework: Framework, _ context: ScreenContext, x start: Int, _ rect: Rect,
                              _ grid: inout Grid) {
        var x = start
        guard let standing = reading.published, let segment = reading.segment else {
            let organisation = context.landscape.organisation(org)
            let text = organisation.map { PublishedLines.noData($0, framework, context) } ?? "no published data"
            grid.write(text, x: x, y: rect.y, maxWidth: rect.maxX - x, role: .muted)
            return
        }
        let source = "NHS England"
        let sourceRoom = DisplayWidth.of(source) + 1
        x += grid.write(" \(segment) ", x: x, y: rect.y, role: .segment(segment)) + 1
        if reading.nearBoundary { x += grid.write(grid.glyphs.near + " ", x: x, y: rect.y) }
        let facts = PublishedLines.headline(standing, reading, framework)
        let withSource = facts.first { DisplayWidth.of($0) + sourceRoom <= rect.maxX - x }
        let text = withSource ?? facts.first { DisplayWidth.of($0) <= rect.maxX - x } ?? facts.last!
        grid.write(text, x: x, y: rect.y, maxWidth: rect.maxX - x)
        if withSource != nil { grid.write(source, x: rect.maxX - DisplayWidth.of(source), y: rect.y, role: .muted) }
    }

    /// "Why  Unadjusted 2, moved to 3 by the deficit override · since Q1: 3 → 3 unchanged".
    func drawWhy(_ context: ScreenContext, _ rect: Rect, _ grid: inout Grid) {
        guard let standing = context.landscape.segment(org, context.viewpoint.framework, context.viewpoint.period).published,
              let period = context.viewpoint.period else { return }
        var x = rect.x
        x += grid.write("Why ", x: x, y: rect.y, role: .title)
        let options = PublishedLines.why(standing, period: period)
        let text = options.first { DisplayWidth.of($0) <= rect.maxX - x } ?? options.last ?? ""
        grid.write(text, x: x, y: rect.y, maxWidth: rect.maxX - x)
    }

    /// "decided 3, computed 4 stands": a recorded decision the method did not apply, or nil.
    static func overruledDecision(_ outcome: DecisionOutcome?) -> String? {
        switch outcome {
        case .differs(let recorded, let computed)?: return "decided \(recorded), computed \(computed) stands"
        case .notApplicable(let decided, _, let computed)?: return "decided \(decided) not applied, computed \(computed) stands"
        default: return nil
        }
    }

    /// "History  24/25 Q1 3 Q2 3 Q3 2 Q4 2 │ 25/26 Q1 3": the latest quarters that fit.
    func drawTimeline(_ context: ScreenContext, _ rect: Rect, _ grid: inout Grid) {
        let landscape = context.landscape
        let framework = context.viewpoint.framework
        let periods = landscape.periods(of: framework).filter { $0 <= (context.viewpoint.period ?? $0) }
        var x = rect.x
        x += grid.write("History ", x: x, y: rect.y, role: .title)
        guard !periods.isEmpty else { return }
        // Lay out from the newest backwards, then draw oldest first.
        var entries: [(year: String?, period: Period)] = []
        var width = 0
        for (i, period) in periods.enumerated().reversed() {
            let startsYear = i == 0 || periods[i - 1].financialYear != period.financialYear
            let cost = 6 + (startsYear ? 9 : 0) // "Q1 3 " plus the chip's padding; "2025/26 " and a space
            if width + cost > rect.maxX - x { break }
            width += cost
            entries.insert((startsYear ? period.label.split(separator: " ").first.map(String.init) : nil, period), at: 0)
        }
        // The oldest chip shown always names its year, which costs a year label more: make room by
        // dropping the oldest quarters, never by letting the newest (the one under review) run off the edge.
        while let first = entries.first, first.year == nil, entries.count > 1, width + 9 > rect.maxX - x {
            entries.removeFirst()
            width -= 6
        }
        if let first = entries.first, first.year == nil {
            entries[0].year = first.period.label.split(separator: " ").first.map(String.init)
        }
        for entry in entries {
            if let year = entry.year { x += grid.write(year + " ", x: x, y: rect.y, role: .muted) + 1 }
            let quarter = entry.period.quarter.map { "Q\($0)" } ?? "Yr"
            x += grid.write(quarter, x: x, y: rect.y, role: entry.period == context.viewpoint.period ? .currentColumn : .muted)
            let segment = landscape.segment(org, framework, entry.period).segment
            x += grid.write(segment.map { " \($0) " } ?? " \(grid.glyphs.dash) ", x: x, y: rect.y,
                            role: segment.map { StyleRole.segment($0) } ?? .muted) + 1
        }
    }

    func drawDomains(_ context: ScreenContext, _ rect: Rect, _ grid: inout Grid) {
        guard let framework = context.framework else { return }
        let reading = context.landscape.segment(org, framework.id, context.viewpoint.period)
        var x = rect.x
        x += grid.write(Labels.capitalised(framework.themeNoun) + "s ", x: x, y: rect.y, role: .title)
        if ScorecardScreen.showsPublished(framework, context) {
            guard let published = context.landscape.scorecard(org, framework.id, context.viewpoint.period)?.published else {
                grid.write("none published", x: x, y: rect.y, maxWidth: rect.maxX - x, role: .muted)
                return
            }
            // Each domain whole, wrapping onto the next line where there is one: a cut would leave a score
            // without its segment.
            let indent = x
            var y = rect.y
            for (i, part) in PublishedLines.domains(published, framework).enumerated() {
                var text = (i > 0 ? " · " : "") + part
                if x + DisplayWidth.of(text) > rect.maxX {
                    guard y + 1 < rect.maxY else { break }
                    (x, y, text) = (indent, y + 1, part)
                }
                x += grid.write(text, x: x, y: y)
            }
            return
        }
        for theme in framework.themes where x < rect.maxX {
            var text = theme.name
            if let score = reading.domainScores[theme.id] { text += " " + formatDecimal(score, decimals: 2) }
            x += grid.write(text, x: x, y: rect.y, maxWidth: rect.maxX - x)
            x += grid.write(" · ", x: x, y: rect.y, maxWidth: rect.maxX - x, role: .muted)
        }
    }

    /// "Interventions 1 in force in 2024/25 Q1, 1 at other times · Recovery Support Programme since c. 2024":
    /// counted for the period on screen, as every list counts them, so the line agrees with the row
    /// the trust was opened from.
    func drawInterventionsLine(_ interventions: [Intervention], inForce: [Intervention], period: Period, _ landscape: Landscape,
                               _ rect: Rect, _ grid: inout Grid) {
        var x = rect.x
        x += grid.write("Interventions ", x: x, y: rect.y, role: .title)
        guard !interventions.isEmpty else {
            grid.write("none recorded", x: x, y: rect.y, maxWidth: rect.maxX - x, role: .muted)
            return
        }
        var text = "\(inForce.count) in force in \(period.label), \(interventions.count - inForce.count) at other times"
        if let latest = inForce.first {
            let name = landscape.dataset.interventionType(latest.type)?.name ?? latest.type.rawValue
            text += " · \(name) since \(latest.start.display)"
        }
        text += " · i for the history"
        grid.write(text, x: x, y: rect.y, maxWidth: rect.maxX - x)
    }

    /// "Decision 3 set (computed 2) · 20 Nov 2026 · secretary: Finances worse than the metrics show",
    /// or how to record one.
    func drawDecision(_ context: ScreenContext, _ rect: Rect, _ grid: inout Grid) {
        var x = rect.x
        x += grid.write("Decision ", x: x, y: rect.y, role: .title)
        guard let framework = context.framework, let period = context.viewpoint.period, !framework.segments.isEmpty else {
            grid.write("this framework gives ratings, not segments", x: x, y: rect.y, maxWidth: rect.maxX - x, role: .muted)
            return
        }
        let card = context.landscape.scorecard(org, framework.id, period)
        guard let decision = card?.decision else {
            let how = context.readOnly ? "" : " · d records one"
            grid.write("none recorded for \(period.label)\(how)", x: x, y: rect.y, maxWidth: rect.maxX - x, role: .muted)
            return
        }
        x += grid.write(" \(decision.segment) ", x: x, y: rect.y, role: .segment(decision.segment)) + 1
        var text = decision.basis.rawValue
        if let computed = decision.computed, computed != decision.segment {
            // Under a method that computes segments the computed one stands, unless this decision entered 5.
            let stands = context.landscape.segment(org, framework.id, period).final == computed
            text += stands ? " (computed \(computed) stands)" : " (computed \(computed))"
        }
        text += " · \(decision.date.display) · \(decision.decidedBy)"
        if !decision.provenance.tag.isEmpty { text += " (\(decision.provenance.tag))" }
        // Before the rationale, which is cut first: that there were earlier decisions, and where they are.
        if let earlier = card?.earlierDecisions.count, earlier > 0 { text += " · \(earlier) earlier (K)" }
        text += ": " + decision.rationale.split(separator: "\n").joined(separator: " / ")
        grid.write(text, x: x, y: rect.y, maxWidth: rect.maxX - x)
    }

    /// "Actions 1 OVERDUE (due 1 Dec 2026, Director of finance), 2 open · A lists" ahead of the notes when any action
    /// is open: an overdue action is what a board asks about first.
    func drawNotesLine(_ notes: [Note], actions: [Action], today: CalendarDate, _ rect: Rect, _ grid: inout Grid) {
        var x = rect.x
        if !actions.isEmpty {
            let overdue = actions.filter { $0.isOverdue(on: today) }
            x += grid.write("Actions ", x: x, y: rect.y, role: .title)
            if let first = overdue.first {
                x += grid.write("\(overdue.count) OVERDUE", x: x, y: rect.y, maxWidth: rect.maxX - x, role: .error)
                x += grid.write(" (due \(first.due?.display ?? ""), \(first.owner)), ", x: x, y: rect.y, maxWidth: rect.maxX - x)
            }
            x += grid.write("\(actions.count) open · A lists · ", x: x, y: rect.y, maxWidth: rect.maxX - x)
        }
        guard x < rect.maxX else { return }
        x += grid.write("Notes ", x: x, y: rect.y, role: .title)
        guard let latest = notes.first else {
            grid.write("none", x: x, y: rect.y, maxWidth: rect.maxX - x, role: .muted)
            return
        }
        grid.write("\(notes.count) · latest \(latest.created.date.display), \(latest.author): \(latest.text)", x: x, y: rect.y,
                   maxWidth: rect.maxX - x)
    }
}

extension ScorecardScreen {
    /// The trust's scorecard paper for the framework and period shown.
    public func paper(_ context: ScreenContext, _ level: Level) -> PaperRequest? {
        guard let framework = context.viewpoint.framework, let period = context.viewpoint.period else { return nil }
        return .scorecard(org, framework, period)
    }
}
