import OversightDomain

/// The regions of both eras and the footprints of both eras, with their lineage.
enum RegionsAndFootprints {
    /// STP footprints were announced in March 2016; the partnerships ran until ICSs took over.
    static let stpStart = try! CalendarDate.parse("2016-03")
    static let stpEnd = CalendarDate.ymd(2022, 6, 30)
    static let icsStart = CalendarDate.ymd(2022, 7, 1)

    static func regions(_ reference: ReferenceTables) throws -> [Region] {
        let codes = Set(reference.regions.map(\.code))
        return try reference.regions.map { row in
            var provenance = row.provenance
            var former: RegionCode?
            if row.era == .regions2020 {
                former = formerRegion(of: row.code, stps: reference.stps)
                if let former, !codes.contains(former) {
                    throw GeneratorError("stp_footprints_2016.csv gives 2016 region \(former), which regions.csv does not list")
                }
                provenance.note = [provenance.note, "its 2016 region is the one most of its STP footprints were in (derived)"]
                    .compactMap { $0 }.joined(separator: "; ")
            }
            if row.code.rawValue != row.odsCode {
                provenance.note = [provenance.note, "ODS code \(row.odsCode)"].compactMap { $0 }.joined(separator: "; ")
            }
            return Region(code: row.code, name: row.name, era: row.era, validFrom: row.validFrom, validTo: row.validTo,
                          formerRegion: former, provenance: provenance)
        }
    }

    /// The 2016 region most of a 2020 region's footprints belonged to (ties go to the lowest code).
    static func formerRegion(of region: RegionCode, stps: [StpRow]) -> RegionCode? {
        var counts: [RegionCode: Int] = [:]
        for stp in stps where stp.region == region { counts[stp.region2016, default: 0] += 1 }
        return counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.first?.key
    }

    /// The 44 footprints of 2016, any formed later by merging them (`merged`), and the 42 ICSs.
    static func footprints(_ reference: ReferenceTables, merged: [MergedFootprintRow] = []) throws -> [Footprint] {
        let regionCodes = Set(reference.regions.map(\.code))
        let icbsByCode = Dictionary(reference.icbs.map { (FootprintID($0.code.rawValue), $0) }, uniquingKeysWith: { first, _ in first })
        var footprints: [Footprint] = []

        for stp in reference.stps {
            guard regionCodes.contains(stp.region), regionCodes.contains(stp.region2016) else {
                throw GeneratorError("STP \(stp.code): region \(stp.region) or \(stp.region2016) is not in regions.csv")
            }
            guard let icb = icbsByCode[stp.successorICB] else {
                throw GeneratorError("STP \(stp.code): successor ICB \(stp.successorICB) is not in icbs_2022.csv")
            }
            let changes = reference.lineage.filter { $0.from == stp.code }
            let merger = changes.first { $0.kind == .merged }
            var successors = changes.map { change in
                var provenance = change.provenance
                provenance.note = nil  // the note is the succession's own
                return Succession(footprint: change.to, kind: change.kind, date: change.date, note: change.provenance.note, provenance: provenance)
            }
            if merger == nil {
                // The ICB names the system it came from; it must be this footprint under one of its codes.
                let ownCodes = [stp.code.rawValue] + stp.laterOnsCodes
                guard ownCodes.contains(icb.predecessorCode) else {
                    throw GeneratorError("STP \(stp.code) becomes \(icb.code), but icbs_2022.csv names \(icb.predecessorCode) as its predecessor")
                }
                successors.append(Succession(
                    footprint: stp.successorICB, kind: .became, date: icsStart,
                    note: "became the \(systemName(icb.name)) ICS on \(icsStart.display); known in 2021 as \(icb.predecessorName)",
                    provenance: Provenance(.sourced, source: icb.provenance.source)))
            } else if merger?.to != stp.successorICB && !merged.contains(where: { $0.code == merger?.to && $0.successorICB == stp.successorICB }) {
                // It merged into the ICS's predecessor, or into a footprint that became that ICS.
                throw GeneratorError("STP \(stp.code): footprint_lineage.csv merges it into \(merger!.to) but stp_footprints_2016.csv gives \(stp.successorICB)")
            }
            successors.sort { $0.date < $1.date }
            var onsCodes = [DatedCode(code: stp.code.rawValue, from: stpStart)]
            for (i, code) in stp.laterOnsCodes.enumerated() where code != stp.code.rawValue {
                let note = merger == nil
                    ? "a later code; when it changed is not recorded in the source"
                    : (i == 0 ? "the code of the merged footprint it joined" : "a later code of that merged footprint")
                onsCodes.append(DatedCode(code: code, from: i == 0 ? merger?.date : nil, note: note))
            }
            var provenance = stp.provenance
            provenance.note = [provenance.note, "valid from March 2016, when the footprints were announced (our choice of date)"]
                .compactMap { $0 }.joined(separator: "; ")
            footprints.append(Footprint(
                id: stp.code, era: .stp2016, name: stp.name, region: stp.region, region2016: stp.region2016,
                onsCodes: onsCodes, validFrom: stpStart, validTo: merger?.date ?? stpEnd,
                successors: successors, provenance: provenance))
        }

        footprints += try MergedFootprints.build(merged, reference)
        for icb in reference.icbs {
            guard regionCodes.contains(icb.region) else { throw GeneratorError("ICB \(icb.code): region \(icb.region) is not in regions.csv") }
            var onsCodes = [DatedCode(code: icb.onsCodeAtStart, from: icb.established)]
            if icb.onsCodeNow != icb.onsCodeAtStart {
                onsCodes[0].note = "the code at establishment"
                onsCodes.append(DatedCode(code: icb.onsCodeNow, note: "the current code; when it changed is not recorded in the source"))
            }
            footprints.append(Footprint(
                id: FootprintID(icb.code.rawValue), era: .ics2022, name: systemName(icb.name), region: icb.region,
                onsCodes: onsCodes, odsCode: icb.code.rawValue, validFrom: icb.established, provenance: icb.provenance))
        }

        let ids = Set(footprints.map(\.id))
        for change in reference.lineage where !ids.contains(change.from) || !ids.contains(change.to) {
            throw GeneratorError("footprint_lineage.csv: \(change.from) → \(change.to) names a footprint that does not exist")
        }
        return footprints
    }

    /// "NHS Black Country Integrated Care Board" → "Black Country".
    static func systemName(_ icbName: String) -> String {
        var name = Substring(icbName)
        if name.hasPrefix("NHS ") { name = name.dropFirst(4) }
        if name.hasSuffix(" Integrated Care Board") { name = name.dropLast(" Integrated Care Board".count) }
        return String(name)
    }
}
