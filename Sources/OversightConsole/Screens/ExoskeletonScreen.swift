import OversightDomain

extension ScreenKind {
    public static let exoskeleton = ScreenKind("exoskeleton", title: "Trusts and CCGs (the exoskeleton)",
                                               offers: [.open, .earlierPeriod, .laterPeriod, .interventions, .notes, .actions, .switchEra])
}

/// The "exoskeleton" that held organisations to their STP from outside, which no published tool shows: a
/// 2016–2021 footprint's trusts with what the Single Oversight Framework said of them (a segment) beside its
/// CCGs with what the CCG Improvement and Assessment Framework said (a rating), each with the interventions in
/// force, and how many of each are known. Where nothing was published it says "no published rating"; a SOF
/// segment worked out from the special measures record says so. Enter opens the organisation.
/// Degrade order: Source, then In force columns; then the CCGs' count line. `i` lists the selected
/// organisation's interventions.
public struct ExoskeletonScreen: Screen {
    public var footprint: FootprintID

    public init(footprint: FootprintID) {
        self.footprint = footprint
    }

    public var kind: ScreenKind { .exoskeleton }
    public var pathKey: String? { footprint.rawValue + "/exoskeleton" }

    public func crumb(_ context: ScreenContext) -> String { "Trusts and CCGs" }

    static let columns = [
        Column(["Kind"], minWidth: 4, maxWidth: 5),
        Column(["Code"], minWidth: 3, maxWidth: 6),
        Column(["Name"], minWidth: 16, maxWidth: 36, flexible: true),
        Column(["Standing", "Rated"], minWidth: 6, maxWidth: 22),
        Column(["Source"], minWidth: 7, maxWidth: 10, dropOrder: 3),
        Column(["Interventions in force", "In force"], alignment: .right, minWidth: 8, maxWidth: 22, dropOrder: 2),
    ]

    /// The exoskeleton of the footprint in the period shown, nil outside the footprints' and frameworks' years.
    static func view(_ footprint: FootprintID, _ context: ScreenContext) -> Exoskeleton? {
        guard let period = context.viewpoint.period else { return nil }
        return Exoskeleton(context.landscape.dataset, footprint: footprint, period: period)
    }

    public func table(_ context: ScreenContext) -> Table {
        let noun = Noun("organisation", "organisations")
        guard let view = Self.view(footprint, context) else {
            return Table(columns: Self.columns, rows: [], noun: noun, emptyText: "No footprint \(footprint.rawValue) in this store.")
        }
        let dataset = context.landscape.dataset
        func rows(_ side: Exoskeleton.Side, kind: String) -> [Row] {
            let framework = side.framework.flatMap { dataset.framework($0) }
            return side.lines.map { line in
                let standing = Self.standing(line.standing, framework)
                let source = line.standing.map { $0.provenance.isDerived ? "derived" : ($0.provenance.kind == .unverified ? "unconfirmed" : "sourced") } ?? ""
                // How many; `i` lists them for the selected organisation.
                let inForce = line.interventions.count
                var name = line.organisation.name
                if line.role == .serves { name += " (serves)" }
                return Row(key: line.organisation.code.rawValue, cells: [
                    .text(kind),
                    .text(line.organisation.code.rawValue),
                    .text(name),
                    line.standing == nil ? .text(standing, .muted) : .text(standing),
                    .text(source, .muted),
                    inForce > 0 ? .integer(inForce) : .empty,
                ])
            }
        }
        let all = rows(view.trusts, kind: "Trust") + rows(view.ccgs, kind: "CCG")
        let empty = "\(context.landscape.footprint(footprint)?.name ?? footprint.rawValue) has no trusts or CCGs on \(view.day.display)."
        return Table(columns: Self.columns, rows: all, noun: noun, emptyText: empty)
    }

    /// "4 (special measures)", "Good", "no published rating", "no framework then".
    static func standing(_ standing: Exoskeleton.Standing?, _ framework: Framework?) -> String {
        guard let framework else { return "no framework then" }
        guard let standing else { return "no published rating" }
        if let segment = standing.segment {
            return "segment \(segment)" + (framework.segment(segment).map { " " + $0.label.lowercased() } ?? "")
        }
        if let rating = standing.rating {
            return framework.ratings.first { $0.id == rating }?.label ?? rating
        }
        return "no published rating"
    }

    public func open(_ row: Row, _ context: ScreenContext) -> (any Screen)? { ScorecardScreen(org: OrgCode(row.key)) }

    public func selection(_ row: Row?, _ context: ScreenContext) -> Selection {
        Selection(org: row.map { OrgCode($0.key) }, subject: .footprint(footprint))
    }

    public func interventionsScope(_ row: Row?, _ context: ScreenContext) -> InterventionsScope? {
        row.map { .organisation(OrgCode($0.key)) } ?? .footprint(footprint)
    }

    func summaryLines(_ body: Rect) -> Int { body.height >= 14 ? 3 : 2 }

    public func listArea(in body: Rect, _ context: ScreenContext) -> Rect { body.splitTop(summaryLines(body)).rest }

    public func draw(_ context: ScreenContext, _ level: Level, into grid: inout Grid, body: Rect) {
        let x = body.x + TableLayout.markerWidth
        let width = body.width - TableLayout.markerWidth
        let landscape = context.landscape
        if let view = Self.view(footprint, context), let period = context.viewpoint.period {
            let name = landscape.footprint(footprint)?.name ?? footprint.rawValue
            grid.write("\(name) on \(view.day.display): the trusts beside the CCGs (\(period.label))", x: x, y: body.y, maxWidth: width, role: .title)
            let fit = { (options: [String]) in options.first { DisplayWidth.of($0) <= width } ?? options.last! }
            grid.write(fit(Self.sideLine("Trusts", view.trusts, landscape, ratingNoun: "a segment")), x: x, y: body.y + 1, maxWidth: width)
            if summaryLines(body) >= 3 {
                grid.write(fit(Self.sideLine("CCGs", view.ccgs, landscape, ratingNoun: "a rating")), x: x, y: body.y + 2, maxWidth: width)
            }
        }
        TableRenderer.draw(level.table, level.list, in: listArea(in: body, context), grid: &grid)
    }

    /// "Trusts 12 · SOF 2016: 2 with a segment (1 derived from special measures) · 3 with interventions in force".
    /// Longest wording first: the counts stay whole, the explanations go.
    static func sideLine(_ noun: String, _ side: Exoskeleton.Side, _ landscape: Landscape, ratingNoun: String) -> [String] {
        let framework = side.framework.flatMap { landscape.framework($0) }
        let derived = side.lines.filter { $0.standing?.provenance.isDerived == true }.count
        let head = "\(noun) \(side.count)"
        guard let framework else {
            return ["\(head) · no framework of the store's was in force for them then · \(side.withInterventions) with interventions in force",
                    "\(head) · no framework then · \(side.withInterventions) in force"]
        }
        let known = "\(framework.shortName): \(side.known) with \(ratingNoun)"
        return ["\(head) · \(known)" + (derived > 0 ? " (\(derived) derived from the record)" : "") + " · \(side.withInterventions) with interventions in force",
                "\(head) · \(known)" + (derived > 0 ? " (\(derived) derived)" : "") + " · \(side.withInterventions) with interventions",
                "\(head) · \(known) · \(side.withInterventions) in force"]
    }

    /// The 2016 era's view: the period moves with `p`/`P`, and `e` goes to the ICS the footprint became.
    public func update(_ intent: Intent, _ state: inout AppState) -> [Effect] {
        switch intent {
        case .switchEra: FootprintLineage.jump(from: footprint, &state)
        default: return Browse.update(intent, &state)
        }
        return []
    }
}
