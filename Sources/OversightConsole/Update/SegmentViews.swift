import OversightDomain

/// The segmentation keys while browsing: `L` opens a peer group's league table (from a trust, its
/// own, at its row; from a footprint or a region, only its trusts), `t`/`T` switch the peer group
/// and `r` the region there, `c` opens the computation behind a trust's segment and `m` what would
/// move it to the next segment. `c` and `m` go back rather than pile up when the screen below is
/// the other one for the same trust.
func openSegmentView(_ s: inout AppState, _ command: Intent) {
    let selection = s.top.screen.selection(s.top.selectedRow, s.context)
    switch command {
    case .leagueTable:
        openLeague(&s, org: selection.org)
    case .nextPeerGroup, .previousPeerGroup:
        guard let league = s.top.screen as? LeagueTableScreen else { return }
        let groups = PeerGroup.allCases
        let index = groups.firstIndex(of: league.peerGroup) ?? 0
        let step = command == .nextPeerGroup ? 1 : groups.count - 1
        let next = LeagueTableScreen(peerGroup: groups[(index + step) % groups.count], scope: league.scope)
        replaceTop(&s, with: next)
        s.message = .init("\(next.crumb(s.context)): \(s.top.table.noun.count(s.top.table.rows.count)).")
    case .nextRegion:
        guard let league = s.top.screen as? LeagueTableScreen else { return }
        let next = LeagueTableScreen(peerGroup: league.peerGroup, scope: league.scope.next(s.landscape))
        replaceTop(&s, with: next)
        let shown = s.top.table.noun.count(s.top.table.rows.count)
        s.message = .init(next.scope == .england ? "Showing all of England: \(shown)." : "Showing \(next.scope.name(s.landscape)): \(shown); ranks stay national.")
    case .computation, .distance:
        guard let org = selection.org else {
            s.message = .init("Choose a trust first: c and m work on a scorecard or a league table's row.", isError: true)
            return
        }
        let screen: any Screen = command == .computation ? ComputationScreen(org: org) : DistanceScreen(org: org)
        if s.stack.count > 1, s.stack[s.stack.count - 2].screen.kind == screen.kind, s.stack[s.stack.count - 2].screen.pathKey == org.rawValue {
            s.stack.removeLast()
        } else {
            s.push(screen)
        }
    default:
        break
    }
}

/// The league table for where the user is: a trust's own peer group at its row; a footprint's or a
/// region's trusts; all of England from the overview.
private func openLeague(_ s: inout AppState, org: OrgCode?) {
    let landscape = s.landscape
    var scope = LeagueScope.england
    var focus = org
    switch s.top.screen {
    case let footprint as FootprintScreen:
        scope = .footprint(footprint.id)
        // A member with no peer group (an ICB) leaves the footprint's acute trusts to show.
        if focus.flatMap({ landscape.organisation($0)?.peerGroup }) == nil { focus = nil }
    case let footprints as FootprintsScreen:
        scope = footprints.region.map(LeagueScope.region) ?? .england
        focus = nil
    case is OverviewScreen:
        focus = nil
    default:
        break
    }
    let organisation = focus.flatMap { landscape.organisation($0) }
    if let organisation, organisation.peerGroup == nil {
        s.message = .init("\(organisation.code) has no peer group (acute, non-acute or ambulance), so it is in no league table.", isError: true)
        return
    }
    s.push(LeagueTableScreen(peerGroup: organisation?.peerGroup ?? .acute, scope: scope))
    guard let organisation else { return }
    let key = organisation.code.rawValue
    s.updateTop { $0.list.select(key: key, table: $0.table) }
    if s.top.list.selectedKey(in: s.top.table) != key, s.top.table.rows.isEmpty == false {
        s.message = .init("\(key) is not ranked in \(s.viewpoint.period?.label ?? "this period"): it has no segment under this framework.")
    }
}

/// Puts another screen in place of the top one, carrying the sort and filter over, and the cursor
/// when its row is still there (else to the top).
func replaceTop(_ s: inout AppState, with screen: any Screen) {
    let old = s.top
    var level = Level(screen, context: s.context)
    level.list = old.list.carried(to: level.table, previous: old.table)
    if level.list.selectedKey(in: level.table) != old.list.selectedKey(in: old.table) {
        level.list.moveTo(0)
        level.list.top = 0
    }
    s.stack[s.stack.count - 1] = level
}
