/// Who belonged to a footprint on a day, by kind: its trusts beside its CCGs (and its ICB, for an ICS).
/// Membership is read through `Organisation.role(in:on:)`, the rule every screen's counts use.
public struct FootprintMembers: Hashable, Sendable {
    public struct Member: Hashable, Sendable {
        public let organisation: Organisation
        /// `.primary` when the footprint hosted it, `.serves` when it only served it.
        public let role: Membership.Role
        /// The membership that places it there that day (the host one when there are several), whose
        /// provenance says whether the placing is sourced or derived.
        public let membership: Membership
    }

    public let footprint: FootprintID
    public let day: CalendarDate
    /// NHS trusts and foundation trusts, hosted ones first, then by name.
    public let trusts: [Member]
    /// Clinical commissioning groups (to June 2022), by name.
    public let ccgs: [Member]
    /// Anything else placed there: an ICS's own ICB.
    public let others: [Member]

    public var isEmpty: Bool { trusts.isEmpty && ccgs.isEmpty && others.isEmpty }
    public var count: Int { trusts.count + ccgs.count + others.count }
}

extension Dataset {
    /// The organisations that belonged to a footprint on a day and were open then.
    public func members(of footprint: FootprintID, on day: CalendarDate) -> FootprintMembers {
        var trusts: [FootprintMembers.Member] = []
        var ccgs: [FootprintMembers.Member] = []
        var others: [FootprintMembers.Member] = []
        for org in organisations where org.isOpen(on: day) {
            guard let role = org.role(in: footprint, on: day),
                  let membership = org.memberships.first(where: { $0.footprint == footprint && $0.role == role && $0.covers(day) })
            else { continue }
            let member = FootprintMembers.Member(organisation: org, role: role, membership: membership)
            if org.isProvider { trusts.append(member) } else if org.kind == .ccg { ccgs.append(member) } else { others.append(member) }
        }
        func ordered(_ list: [FootprintMembers.Member]) -> [FootprintMembers.Member] {
            list.sorted { ($0.role == .primary ? 0 : 1, $0.organisation.name, $0.organisation.code) < ($1.role == .primary ? 0 : 1, $1.organisation.name, $1.organisation.code) }
        }
        return FootprintMembers(footprint: footprint, day: day, trusts: ordered(trusts), ccgs: ordered(ccgs), others: ordered(others))
    }

    /// Trusts open on a day that no footprint of an era held then: those whose footprint no source
    /// gives (the care trusts), listed so that a screen can say so rather than leave them out. Empty
    /// when the era had no footprints that day.
    public func unplacedProviders(era: Footprint.Era, on day: CalendarDate) -> [Organisation] {
        let ids = Set(footprints.filter { $0.era == era && $0.isValid(on: day) }.map(\.id))
        guard !ids.isEmpty else { return [] }
        return organisations.filter { org in
            org.isProvider && org.isOpen(on: day) && !org.memberships.contains { ids.contains($0.footprint) && $0.covers(day) }
        }
    }
}
