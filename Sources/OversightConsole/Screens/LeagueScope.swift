import OversightDomain

/// Which trusts of a peer group's league table are listed: all of England, one region's, or one
/// footprint's (ICS or STP). Ranks are always national: a scope only leaves rows out.
public enum LeagueScope: Hashable, Sendable {
    case england
    case region(RegionCode)
    case footprint(FootprintID)

    /// ", London", ", Black Country ICS", or nothing for England.
    func suffix(_ landscape: Landscape) -> String {
        switch self {
        case .england: return ""
        case .region(let code): return ", " + (landscape.region(code)?.name ?? code.rawValue)
        case .footprint(let id): return ", " + (landscape.footprint(id)?.name ?? id.rawValue)
        }
    }

    /// "England", "London", "Black Country ICS".
    func name(_ landscape: Landscape) -> String {
        self == .england ? "England" : String(suffix(landscape).dropFirst(2))
    }

    func contains(_ org: Organisation, _ landscape: Landscape) -> Bool {
        switch self {
        case .england: return true
        case .region(let code): return org.region == code
        case .footprint(let id): return landscape.footprintsByOrganisation[org.code]?.contains(id) == true
        }
    }

    /// The next scope `r` gives: England, then each region in turn, then England again; a
    /// footprint's scope widens to its region.
    func next(_ landscape: Landscape) -> LeagueScope {
        // The seven regions: trusts' own region codes, which a league table filters by.
        let regions = landscape.regions.map(\.code)
        switch self {
        case .england: return regions.first.map(LeagueScope.region) ?? .england
        case .region(let code):
            guard let index = regions.firstIndex(of: code), index + 1 < regions.count else { return .england }
            return .region(regions[index + 1])
        case .footprint(let id):
            return landscape.footprint(id).map { .region($0.region) } ?? .england
        }
    }
}
