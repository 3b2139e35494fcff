import OversightDomain

/// The segmentation keys every screen that offers them shares: `L` opens a peer group's league
/// table for where the user is (`Screen.leagueOpening`), `c` the computation behind a trust's
/// segment and `m` what would move it to the next segment. `c` and `m` go back rather than pile up
/// when the screen below is the other one for the same trust. (A league table's own keys, `t`, `T`
/// and `r`, are the league table's: `LeagueTableScreen.update`.)
enum SegmentViews {
    /// The league table for where the user is: a trust's own peer group at its row; a footprint's or a
    /// region's trusts; all of England from the overview.
    static func openLeague(_ s: inout AppState) {
        let opening = s.top.screen.leagueOpening(s.top.selectedRow, s.context)
        let organisation = opening.trust.flatMap { s.landscape.organisation($0) }
        if let organisation, organisation.peerGroup == nil {
            s.message = .init("\(organisation.code) has no peer group (acute, non-acute or ambulance), so it is in no league table.", isError: true)
            return
        }
        s.push(LeagueTableScreen(peerGroup: organisation?.peerGroup ?? .acute, scope: opening.scope))
        guard let organisation else { return }
        let key = organisation.code.rawValue
        s.updateTop { $0.list.select(key: key, table: $0.table) }
        if s.top.list.selectedKey(in: s.top.table) != key, s.top.table.rows.isEmpty == false {
            s.message = .init("\(key) is not ranked in \(s.viewpoint.period?.label ?? "this period"): it has no segment under this framework.")
        }
    }

    static func openComputation(_ s: inout AppState, _ intent: Intent) {
        guard let org = s.top.screen.selection(s.top.selectedRow, s.context).org else {
            s.message = .init("Choose a trust first: c and m work on a scorecard or a league table's row.", isError: true)
            return
        }
        let screen: any Screen = intent == .computation ? ComputationScreen(org: org) : DistanceScreen(org: org)
        if s.stack.count > 1, s.stack[s.stack.count - 2].screen.isSame(as: screen) {
            s.stack.removeLast()
        } else {
            s.push(screen)
        }
    }
}

/// Where `L` opens a league table from a screen: which trusts it lists, and the trust to put the
/// cursor on (whose peer group it shows).
public struct LeagueOpening: Sendable, Equatable {
    public var scope: LeagueScope
    public var trust: OrgCode?

    public init(scope: LeagueScope, trust: OrgCode?) {
        self.scope = scope
        self.trust = trust
    }
}
