// Where an organisation or a footprint came from and what it became, with the dates, for lineage
// lines ("merged into NHS Tees Valley CCG on 1 Apr 2020") and for one key from a 2016 footprint to
// the ICS it became and back.

/// An organisation at one end of a succession: for `successors(of:)` the successor, for
/// `predecessors(of:)` the predecessor; `succession` is the predecessor's own record of the step.
public struct OrganisationLink: Hashable, Sendable {
    public let organisation: Organisation
    public let succession: OrganisationSuccession
}

/// A footprint at one end of a succession, the same way round as `OrganisationLink`.
public struct FootprintLink: Hashable, Sendable {
    public let footprint: Footprint
    public let succession: Succession
}

extension Dataset {
    /// The organisations that took this one over, in date order.
    public func successors(ofOrganisation code: OrgCode) -> [OrganisationLink] {
        guard let org = organisation(code) else { return [] }
        return org.successors.sorted { $0.date < $1.date }.compactMap { step in
            organisation(step.org).map { OrganisationLink(organisation: $0, succession: step) }
        }
    }

    /// The organisations that this one took over, in date order, then by code.
    public func predecessors(ofOrganisation code: OrgCode) -> [OrganisationLink] {
        organisations.flatMap { org in
            org.successors.filter { $0.org == code }.map { OrganisationLink(organisation: org, succession: $0) }
        }.sorted { ($0.succession.date, $0.organisation.code) < ($1.succession.date, $1.organisation.code) }
    }

    /// The steps from an organisation to the first successor of a kind (a CCG to its ICB: Darlington
    /// CCG → Tees Valley CCG in April 2020 → the North East and North Cumbria ICB in July 2022), or nil
    /// when its lineage never reaches one. Where an organisation was divided, each part is followed in
    /// turn and the first path found is returned.
    public func path(fromOrganisation code: OrgCode, to kind: OrganisationKind) -> [OrganisationLink]? {
        var seen: Set<OrgCode> = [code]
        func walk(_ from: OrgCode) -> [OrganisationLink]? {
            for link in successors(ofOrganisation: from) where seen.insert(link.organisation.code).inserted {
                if link.organisation.kind == kind { return [link] }
                if let rest = walk(link.organisation.code) { return [link] + rest }
            }
            return nil
        }
        return walk(code)
    }

    /// The footprints this one became or merged into, in date order (not those it only gave part of
    /// its area to: see `partMoves(ofFootprint:)`).
    public func successors(ofFootprint id: FootprintID) -> [FootprintLink] {
        links(from: id).filter { $0.succession.kind != .partMoved }
    }

    /// The footprints part of its area moved to, in date order.
    public func partMoves(ofFootprint id: FootprintID) -> [FootprintLink] {
        links(from: id).filter { $0.succession.kind == .partMoved }
    }

    private func links(from id: FootprintID) -> [FootprintLink] {
        guard let footprint = footprint(id) else { return [] }
        return footprint.successors.sorted { $0.date < $1.date }.compactMap { step in
            self.footprint(step.footprint).map { FootprintLink(footprint: $0, succession: step) }
        }
    }

    /// The footprints that became or merged into this one, in date order, then by id.
    public func predecessorLinks(ofFootprint id: FootprintID) -> [FootprintLink] {
        footprints.flatMap { footprint in
            footprint.successors.filter { $0.footprint == id && $0.kind != .partMoved }
                .map { FootprintLink(footprint: footprint, succession: $0) }
        }.sorted { ($0.succession.date, $0.footprint.id) < ($1.succession.date, $1.footprint.id) }
    }

    /// The steps from an STP footprint to the ICS it became (West, North and East Cumbria → Cumbria and
    /// North East in August 2018 → North East and North Cumbria on 1 July 2022); nil for an ICS, or
    /// where no ICS is reached.
    public func pathToICS(fromFootprint id: FootprintID) -> [FootprintLink]? {
        var current = id
        var path: [FootprintLink] = []
        while path.count <= footprints.count, let next = successors(ofFootprint: current).first {
            path.append(next)
            if next.footprint.era == .ics2022 { return path }
            current = next.footprint.id
        }
        return nil
    }

    /// Every STP-era footprint whose lineage leads to an ICS (directly, or through a footprint it merged
    /// into), each with its own step forward, in date order, then by id: the way back from an ICS.
    public func stpFootprints(leadingTo ics: FootprintID) -> [FootprintLink] {
        var result: [FootprintLink] = []
        var queue = [ics]
        var seen: Set<FootprintID> = [ics]
        while let next = queue.popLast() {
            for link in predecessorLinks(ofFootprint: next) where seen.insert(link.footprint.id).inserted {
                result.append(link)
                queue.append(link.footprint.id)
            }
        }
        return result.filter { $0.footprint.era == .stp2016 }
            .sorted { ($0.succession.date, $0.footprint.id) < ($1.succession.date, $1.footprint.id) }
    }
}
