import OversightDomain

/// The clinical commissioning groups of 2016–2022 as organisations: their dates, what became of each
/// (a merger, or the ICB that took over on 1 July 2022), and the footprint they were in each year.
enum CcgOrganisations {
    static let abolished = "CCGs were abolished on 30 June 2022 and the ICB took over its functions; its code lives on as a sub-ICB location"

    static func build(_ tables: HistoryTables, footprints: [Footprint], existing: [Organisation]) throws -> [Organisation] {
        let codes = Set(tables.ccgs.map(\.code))
        let existingCodes = Set(existing.map(\.code))
        let icbs = Set(existing.filter { $0.kind == .icb }.map(\.code))
        // The footprint each ONS code names: a 2016 footprint or one formed since, under any of its codes.
        var byONSCode: [String: Footprint] = [:]
        for footprint in footprints where footprint.era == .stp2016 {
            for code in footprint.onsCodes.map(\.code) { byONSCode[code] = footprint }
        }
        let rowsByCCG = Dictionary(grouping: tables.ccgFootprints, by: \.ccg)
        for code in rowsByCCG.keys.sorted() where !codes.contains(code) {
            throw GeneratorError("ccg_footprints.csv names \(code), which ccgs.csv does not list")
        }
        var seen: Set<OrgCode> = []
        return try tables.ccgs.map { row in
            let place = "ccgs.csv, \(row.code)"
            guard seen.insert(row.code).inserted else { throw GeneratorError("\(place): listed twice") }
            guard !existingCodes.contains(row.code) else { throw GeneratorError("\(place): the code is already an organisation's") }
            guard row.successorDate.dayNumber == row.closed.dayNumber + 1 else {
                throw GeneratorError("\(place): it closed \(row.closed.iso), so its successor takes over the next day, not \(row.successorDate.iso)")
            }
            let succession: OrganisationSuccession
            switch row.ending {
            case .merged:
                guard codes.contains(row.successor) else { throw GeneratorError("\(place): successor \(row.successor) is not a CCG in ccgs.csv") }
                succession = OrganisationSuccession(org: row.successor, kind: .merged, date: row.successorDate, provenance: row.provenance)
            case .abolished:
                guard icbs.contains(row.successor), row.successor == row.icb2022 else {
                    throw GeneratorError("\(place): an abolished CCG's successor must be its 2022 ICB, one of icbs_2022.csv")
                }
                succession = OrganisationSuccession(org: row.successor, kind: .merged, date: row.successorDate, note: abolished,
                                                    provenance: row.provenance)
            }
            var provenance = row.provenance
            provenance.source = [row.provenance.source, row.regionSource].compactMap { $0 }.joined(separator: "; ")
            provenance.note = [row.provenance.note, "the region is the one NHS Digital's CCG table gives it"].compactMap { $0 }.joined(separator: "; ")
            return Organisation(
                code: row.code, name: TitleCase.apply(row.odsName), odsName: row.odsName, kind: .ccg, type: nil, region: row.region,
                memberships: try memberships(row, rowsByCCG[row.code] ?? [], byONSCode), opened: row.opened, closed: row.closed,
                provenance: provenance, successors: [succession])
        }
    }

    /// One membership per run of financial years in the same footprint on the same footing, from March
    /// 2016 when the footprints were set (or the CCG's opening) to its closing; a CCG still open when the
    /// last year in the file ended keeps that year's footprint until it closed, as a derivation.
    static func memberships(_ ccg: CcgRow, _ rows: [CcgFootprintRow], _ byONSCode: [String: Footprint]) throws -> [Membership] {
        var result: [Membership] = []
        let sorted = rows.sorted { ($0.year, $0.from ?? $0.year.start) < ($1.year, $1.from ?? $1.year.start) }
        for (i, row) in sorted.enumerated() {
            guard let footprint = byONSCode[row.onsCode] else {
                throw GeneratorError("\(row.place): \(row.onsCode) is not the code of an STP footprint")
            }
            var from = row.from ?? row.year.start
            let to = TrustHistory.earliest(row.to ?? row.year.end, ccg.closed)
            var provenance = row.provenance
            if i == 0 && row.from == nil && ccg.opened.dayNumber < from.dayNumber {
                from = TrustHistory.latest(footprint.validFrom, ccg.opened)
                if from.dayNumber < row.year.start.dayNumber {
                    provenance.derivation = [provenance.derivation, "from when the footprints were set in March 2016"]
                        .compactMap { $0 }.joined(separator: "; ")
                }
            }
            guard ccg.opened.dayNumber <= from.dayNumber, from.dayNumber <= to.dayNumber else {
                throw GeneratorError("\(row.place): \(ccg.code) was open \(ccg.opened.iso) to \(ccg.closed.iso), not in \(row.year.label)")
            }
            guard footprint.validFrom.dayNumber <= from.dayNumber, to.dayNumber <= (footprint.validTo ?? RegionsAndFootprints.stpEnd).lastDayNumber else {
                throw GeneratorError("\(row.place): \(footprint.id) did not exist for all of \(from.iso) to \(to.iso)")
            }
            if let last = result.last, last.footprint == footprint.id, last.provenance == provenance,
               let lastTo = last.to, lastTo.dayNumber + 1 == from.dayNumber {
                result[result.count - 1].to = to
            } else {
                result.append(Membership(footprint: footprint.id, from: from, to: to, provenance: provenance))
            }
        }
        if let last = result.last, let lastTo = last.to, lastTo.dayNumber < ccg.closed.dayNumber {
            var provenance = last.provenance
            provenance.derivation = [provenance.derivation, "its footprint of the last year on record, kept until the CCG closed on \(ccg.closed.display)"]
                .compactMap { $0 }.joined(separator: "; ")
            result.append(Membership(footprint: last.footprint, from: lastTo.adding(days: 1), to: ccg.closed, provenance: provenance))
        }
        return result
    }
}
