import OversightDomain

/// The 42 ICBs and the 207 trusts of the 2025 extract, with their ICS memberships (the 2016 era adds the rest).
enum Organisations {
    static let typeNote = "researcher classification from name and service profile, not from ODS"

    static func build(_ reference: ReferenceTables, footprints: [Footprint]) throws -> [Organisation] {
        let footprintsByID = Dictionary(footprints.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let properNames = try properNames(reference)
        var organisations: [Organisation] = []

        for icb in reference.icbs {
            let footprint = FootprintID(icb.code.rawValue)
            organisations.append(Organisation(
                code: icb.code, name: icb.name, kind: .icb, type: nil, region: icb.region,
                memberships: [Membership(footprint: footprint, role: .primary, from: icb.established, provenance: icb.provenance)],
                opened: icb.established, provenance: icb.provenance))
        }

        for trust in reference.trusts {
            guard let icb = footprintsByID[trust.icb], icb.era == .ics2022 else {
                throw GeneratorError("trust \(trust.code): ICB \(trust.icb) is not in icbs_2022.csv")
            }
            // The 2017 STP footprint comes from trust_footprints_2017.csv (TrustFootprints), for every trust at once.
            var memberships: [Membership] = []
            let icbFrom = max(RegionsAndFootprints.icsStart, trust.opened ?? RegionsAndFootprints.icsStart)
            var icbProvenance = trust.provenance
            icbProvenance.note = "the ICB in an ODS extract of early 2025, applied from July 2022"
            memberships.append(Membership(footprint: trust.icb, role: .primary, from: icbFrom, to: trust.closed, provenance: icbProvenance))
            for coverage in reference.ambulanceCoverage where coverage.trust == trust.code {
                guard trust.type == .ambulance else {
                    throw GeneratorError("ambulance_coverage.csv lists \(trust.code), which trusts.csv does not class as ambulance")
                }
                guard footprintsByID[coverage.icb]?.era == .ics2022, coverage.icb != trust.icb else {
                    throw GeneratorError("ambulance_coverage.csv: \(trust.code) serves \(coverage.icb), which is not another ICS")
                }
                memberships.append(Membership(footprint: coverage.icb, role: .serves, from: icbFrom, to: trust.closed,
                                              provenance: coverage.provenance))
            }
            organisations.append(Organisation(
                code: trust.code, name: properNames[trust.code] ?? TitleCase.apply(trust.odsName), odsName: trust.odsName,
                kind: trust.isFoundationTrust ? .foundationTrust : .nhsTrust, type: trust.type,
                typeProvenance: Provenance(.unverified, note: typeNote), region: trust.region, memberships: memberships,
                opened: trust.opened, closed: trust.closed, provenance: trust.provenance))
        }

        var seen: Set<OrgCode> = []
        for org in organisations where !seen.insert(org.code).inserted {
            throw GeneratorError("ODS code \(org.code) appears twice across icbs_2022.csv and trusts.csv")
        }
        let known = Set(reference.trusts.map(\.code))
        for coverage in reference.ambulanceCoverage where !known.contains(coverage.trust) {
            throw GeneratorError("ambulance_coverage.csv names \(coverage.trust), which is not in trusts.csv")
        }
        return organisations
    }

    /// Names as the league-table and segment sources print them, which beat our title-casing.
    static func properNames(_ reference: ReferenceTables) throws -> [OrgCode: String] {
        var names: [OrgCode: String] = [:]
        let trustCodes = Set(reference.trusts.map(\.code))
        let pairs = reference.leaguePositions.map { ($0.code, $0.trustName) } + reference.publishedDecisions.map { ($0.org, $0.orgName) }
        for (code, name) in pairs where trustCodes.contains(code) {
            if let earlier = names[code], earlier != name {
                throw GeneratorError("\(code) is named both “\(earlier)” and “\(name)” in the reference files; make them agree")
            }
            names[code] = name
        }
        return names
    }
}
