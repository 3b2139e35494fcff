import OversightDomain

/// Footprints formed by merging 2016 footprints: the Cumbria and North East STP of August 2018. It is
/// an STP-era footprint of its own so that the northern trusts and CCGs have a footprint after the
/// merger, and its lineage runs 2016 footprints → it → the ICS it became.
enum MergedFootprints {
    static func build(_ rows: [MergedFootprintRow], _ reference: ReferenceTables) throws -> [Footprint] {
        let regionCodes = Set(reference.regions.map(\.code))
        let stpCodes = Set(reference.stps.map(\.code))
        return try rows.map { row in
            let place = "stp_footprint_merged_2018.csv, \(row.code)"
            guard !stpCodes.contains(row.code) else { throw GeneratorError("\(place): it is one of the 2016 footprints already") }
            guard regionCodes.contains(row.region), regionCodes.contains(row.region2016) else {
                throw GeneratorError("\(place): region \(row.region) or \(row.region2016) is not in regions.csv")
            }
            guard let icb = reference.icbs.first(where: { FootprintID($0.code.rawValue) == row.successorICB }) else {
                throw GeneratorError("\(place): successor ICB \(row.successorICB) is not in icbs_2022.csv")
            }
            let ownCodes = [row.code.rawValue] + row.laterOnsCodes
            guard ownCodes.contains(icb.predecessorCode) else {
                throw GeneratorError("\(place): it becomes \(icb.code), but icbs_2022.csv names \(icb.predecessorCode) as its predecessor")
            }
            let formers = reference.lineage.filter { $0.to == row.code && $0.kind == .merged }
            guard !formers.isEmpty, formers.allSatisfy({ $0.date == row.formed }) else {
                throw GeneratorError("\(place): footprint_lineage.csv must merge the 2016 footprints into it, dated \(row.formed.iso) as it is formed")
            }
            var onsCodes = [DatedCode(code: row.code.rawValue, from: row.formed)]
            for code in row.laterOnsCodes where code != row.code.rawValue {
                onsCodes.append(DatedCode(code: code, note: "a later code; when it changed is not recorded in the source"))
            }
            let became = Succession(
                footprint: row.successorICB, kind: .became, date: RegionsAndFootprints.icsStart,
                note: "became the \(RegionsAndFootprints.systemName(icb.name)) ICS on \(RegionsAndFootprints.icsStart.display); known in 2021 as \(icb.predecessorName)",
                provenance: Provenance(.sourced, source: icb.provenance.source))
            return Footprint(id: row.code, era: .stp2016, name: row.name, region: row.region, region2016: row.region2016,
                             onsCodes: onsCodes, validFrom: row.formed, validTo: RegionsAndFootprints.stpEnd,
                             successors: [became], provenance: row.provenance)
        }
    }
}
