import OversightDomain

extension ScreenKind {
    public static let segmentChanges = ScreenKind("segment-changes", title: "Segment changes",
                                                  offers: [.open, .earlierPeriod, .laterPeriod, .nextFramework, .interventions, .leagueTable],
                                                  foremost: [.open])
}

/// Every organisation whose segment changed since the period before, worst move first: the list the
/// overview shows the top of, entered with Tab, each row opening the trust's scorecard.
public struct SegmentChangesScreen: Screen {
    public init() {}

    public var kind: ScreenKind { .segmentChanges }

    public func crumb(_ context: ScreenContext) -> String {
        "Segment changes" + (context.viewpoint.period.map { ", " + $0.label } ?? "")
    }

    public func table(_ context: ScreenContext) -> Table {
        let landscape = context.landscape
        let changes = landscape.segmentChanges(context.viewpoint)
        let rows = changes.map { change -> Row in
            let org = landscape.organisation(change.org)
            let near = landscape.segment(change.org, context.viewpoint.framework, change.period).nearBoundary
            let region = org.flatMap { landscape.region($0.region)?.name } ?? ""
            let system = org.map { landscape.placeNames($0).system } ?? ""
            return Row(key: change.org.rawValue, cells: [
                .text(change.isBetter ? "better" : "worse", change.isBetter ? .plain : .badge),
                .text(change.org.rawValue),
                .text(org?.name ?? change.org.rawValue),
                .segment(change.from, nearBoundary: false),
                .segment(change.to, nearBoundary: near),
                .text(system),
                .text(region),
            ], search: [change.org.rawValue, org?.name ?? "", system, region, change.isBetter ? "better" : "worse"].joined(separator: " "))
        }
        let against = changes.first.map { "against " + $0.previous.label } ?? ""
        return Table(columns: [
            Column(["Moved"], minWidth: 6, maxWidth: 6),
            Column(["Code"], minWidth: 3, maxWidth: 6),
            Column(["Name"], minWidth: 16, maxWidth: 60, flexible: true),
            Column(["From"], alignment: .right, minWidth: 4, maxWidth: 5),
            Column(["To " + against, "To"], alignment: .right, minWidth: 3, maxWidth: 24),
            Column(["ICS"], minWidth: 8, maxWidth: 30, dropOrder: 2),
            Column(["Region"], minWidth: 8, maxWidth: 24, dropOrder: 1),
        ], rows: rows, noun: Noun("segment change", "segment changes"),
        emptyText: context.viewpoint.period == nil ? "No scorecards yet." : "No segment changes since the period before.")
    }

    public func open(_ row: Row, _ context: ScreenContext) -> (any Screen)? {
        ScorecardScreen(org: OrgCode(row.key))
    }

    public func selection(_ row: Row?, _ context: ScreenContext) -> Selection {
        row.map { Selection(org: OrgCode($0.key), subject: .organisation(OrgCode($0.key))) } ?? Selection()
    }

    public func interventionsScope(_ row: Row?, _ context: ScreenContext) -> InterventionsScope? {
        row.map { .organisation(OrgCode($0.key)) }
    }
}
