import Foundation
import OversightDomain

// The reference tables of the 2016 era (data/reference, described in data/README.md), typed and
// checked one row at a time. Whether rows agree with each other is checked where they are used.

/// ccgs.csv: one CCG, 2013–2022.
struct CcgRow {
    enum Ending: String { case merged, abolished }
    let code: OrgCode
    let odsName: String
    let opened: CalendarDate
    let closed: CalendarDate
    let ending: Ending
    let successor: OrgCode
    let successorDate: CalendarDate
    let icb2022: OrgCode
    let icbVia: OrgCode?
    let region: RegionCode
    let regionSource: String
    let provenance: Provenance
}

/// ccg_footprints.csv: the footprint a CCG was in for (part of) a financial year.
struct CcgFootprintRow {
    let ccg: OrgCode
    let year: Period
    /// An ONS code of the footprint as the source gives it (later codes included).
    let onsCode: String
    let from: CalendarDate?
    let to: CalendarDate?
    let provenance: Provenance
    let place: String
}

/// trust_footprints_2017.csv: a trust's 2017 STP footprint, or that none is known.
struct TrustFootprintRow {
    let code: OrgCode
    /// Nil when no source places it ("unknown").
    let footprint: FootprintID?
    /// Read from the Health Foundation's 2017/18 lookup rather than derived.
    let isSourced: Bool
    let provenance: Provenance
}

/// trusts_closed_2016_2023.csv and care_trusts.csv: a trust the 2025 extract (trusts.csv) lacks.
struct HistoricTrustRow {
    let code: OrgCode
    let name: String
    /// The ODS spelling in capitals, when the row gives one.
    let odsName: String?
    let isFoundationTrust: Bool
    let region: RegionCode
    let icb: FootprintID?
    let type: ProviderType
    let typeBasis: String
    let subtype: String?
    let opened: CalendarDate?
    let closed: CalendarDate?
    let provenance: Provenance
}

/// trust_successions.csv: ODS's record that one trust took over another.
struct TrustSuccessionRow {
    let predecessor: OrgCode
    let successor: OrgCode
    let date: CalendarDate
    let provenance: Provenance
}

/// stp_footprint_merged_2018.csv: a footprint formed by merging 2016 footprints.
struct MergedFootprintRow {
    let code: FootprintID
    let name: String
    let formed: CalendarDate
    let region: RegionCode
    let region2016: RegionCode
    let laterOnsCodes: [String]
    let successorICB: FootprintID
    let provenance: Provenance
}

/// ccg_iaf_ratings.csv: a CCG's headline rating for a year, as a source states or implies it.
struct CcgRatingRow {
    let ccg: OrgCode
    let year: Period
    let framework: String
    /// Nil where the source says only that it changed ("improved on inadequate").
    let rating: String?
    let provenance: Provenance
    let place: String
}

/// sof_2016_segment_4_rule.csv: which interventions meant which segment, and when.
struct SegmentRuleRow {
    let framework: FrameworkID
    let segment: Int
    let types: [InterventionTypeID]
    let from: CalendarDate
    let to: CalendarDate
    let provenance: Provenance
}

struct HistoryTables {
    let ccgs: [CcgRow]
    let ccgFootprints: [CcgFootprintRow]
    let trustFootprints: [TrustFootprintRow]
    let historicTrusts: [HistoricTrustRow]
    let trustSuccessions: [TrustSuccessionRow]
    let mergedFootprints: [MergedFootprintRow]
    let ccgRatings: [CcgRatingRow]
    let segmentRules: [SegmentRuleRow]

    static func read(from directory: URL, catalogue: SourceCatalogue) throws -> HistoryTables {
        func table(_ name: String, _ columns: [String]) throws -> [CSVRow] {
            try ReferenceCSV.read(name, in: directory, columns: columns)
        }
        func year(_ row: CSVRow, _ column: String) throws -> Period {
            let period = try row.period(column)
            guard !period.isQuarter else { throw row.problem(column, "give a financial year like 2016-17, not a quarter") }
            return period
        }
        /// `sourced`/`stated` rows read straight from their source; `derived` ones say how in `how`.
        func provenance(_ row: CSVRow, derived: Bool, note: String? = nil) throws -> Provenance {
            var provenance = try catalogue.provenance(of: row, note: note ?? row.optional("note"))
            if derived {
                guard let how = row.optional("how") else { throw row.problem("how", "a derived value must say how it was derived") }
                provenance.derivation = how
            } else if row.optional("how") != nil {
                throw row.problem("how", "only a derived value says how it was derived")
            }
            return provenance
        }

        let ccgs = try table("ccgs.csv", ["ods_code", "ods_name", "opened", "closed", "ended", "successor", "successor_date", "icb_2022",
                                          "icb_2022_via", "region", "region_source", "source", "note"]).map { row in
            let endedText = try row.required("ended")
            guard let ending = CcgRow.Ending(rawValue: endedText) else { throw row.problem("ended", "“\(endedText)” should be merged or abolished") }
            return CcgRow(code: OrgCode(try row.required("ods_code")), odsName: try row.required("ods_name"),
                          opened: try row.requiredDate("opened"), closed: try row.requiredDate("closed"), ending: ending,
                          successor: OrgCode(try row.required("successor")), successorDate: try row.requiredDate("successor_date"),
                          icb2022: OrgCode(try row.required("icb_2022")), icbVia: row.optional("icb_2022_via").map(OrgCode.init),
                          region: RegionCode(try row.required("region")),
                          regionSource: try catalogue.citation(row.required("region_source"), usedIn: "\(row.place), column region_source"),
                          provenance: Provenance(.sourced, source: try catalogue.citation(row.required("source"), usedIn: "\(row.place), column source"),
                                                 note: row.optional("note")))
        }

        let ccgFootprints = try table("ccg_footprints.csv", ["ccg", "financial_year", "footprint", "from", "to", "basis", "how",
                                                             "verification", "source"]).map { row in
            CcgFootprintRow(ccg: OrgCode(try row.required("ccg")), year: try year(row, "financial_year"),
                            onsCode: try row.required("footprint"), from: try row.date("from"), to: try row.date("to"),
                            provenance: try provenance(row, derived: try basis(row, ["sourced", "derived"]) == "derived", note: nil),
                            place: row.place)
        }

        let trustFootprints = try table("trust_footprints_2017.csv", ["ods_code", "footprint_2017", "basis", "how", "verification",
                                                                      "source", "note"]).map { row in
            let basis = try basis(row, ["sourced", "derived", "unknown"])
            let footprint = row.optional("footprint_2017").map(FootprintID.init)
            guard (basis == "unknown") == (footprint == nil) else {
                throw row.problem("footprint_2017", "give a footprint unless the basis is unknown, and none when it is")
            }
            return TrustFootprintRow(code: OrgCode(try row.required("ods_code")), footprint: footprint, isSourced: basis == "sourced",
                                     provenance: try provenance(row, derived: basis == "derived"))
        }

        let closed = try table("trusts_closed_2016_2023.csv", ["ods_code", "ods_name", "foundation_trust", "region", "icb", "trust_type",
                                                               "trust_type_basis", "opened", "closed", "source", "note"]).map { row in
            let odsName = try row.required("ods_name")
            return HistoricTrustRow(code: OrgCode(try row.required("ods_code")), name: TitleCase.apply(odsName), odsName: odsName,
                                    isFoundationTrust: try row.flag("foundation_trust"), region: RegionCode(try row.required("region")),
                                    icb: row.optional("icb").map(FootprintID.init), type: try providerType(row),
                                    typeBasis: try row.required("trust_type_basis"), subtype: nil,
                                    opened: try row.date("opened"), closed: try row.requiredDate("closed"),
                                    provenance: Provenance(.sourced, source: try catalogue.citation(row.required("source"), usedIn: "\(row.place), column source"),
                                                           note: row.optional("note")))
        }
        let care = try table("care_trusts.csv", ["ods_code", "name", "foundation_trust", "region", "trust_type", "trust_type_basis",
                                                 "subtype", "opened", "closed", "verification", "note", "source"]).map { row in
            HistoricTrustRow(code: OrgCode(try row.required("ods_code")), name: try row.required("name"), odsName: nil,
                             isFoundationTrust: try row.flag("foundation_trust"), region: RegionCode(try row.required("region")),
                             icb: nil, type: try providerType(row), typeBasis: try row.required("trust_type_basis"),
                             subtype: row.optional("subtype"), opened: try row.date("opened"), closed: try row.date("closed"),
                             provenance: try catalogue.provenance(of: row))
        }

        let successions = try table("trust_successions.csv", ["predecessor", "successor", "date", "source"]).map { row in
            TrustSuccessionRow(predecessor: OrgCode(try row.required("predecessor")), successor: OrgCode(try row.required("successor")),
                               date: try row.requiredDate("date"),
                               provenance: Provenance(.sourced, source: try catalogue.citation(row.required("source"), usedIn: "\(row.place), column source")))
        }

        let merged = try table("stp_footprint_merged_2018.csv", ["ons_code", "name", "formed", "region_2020", "region_2016_derived",
                                                                 "later_ons_codes", "successor_icb", "note", "source"]).map { row in
            MergedFootprintRow(code: FootprintID(try row.required("ons_code")), name: try row.required("name"),
                               formed: try row.requiredDate("formed"), region: RegionCode(try row.required("region_2020")),
                               region2016: RegionCode(try row.required("region_2016_derived")), laterOnsCodes: row.list("later_ons_codes"),
                               successorICB: FootprintID(try row.required("successor_icb")),
                               provenance: Provenance(.sourced, source: try catalogue.citation(row.required("source"), usedIn: "\(row.place), column source"),
                                                      note: [row.optional("note"), "the 2016 region is that of the footprints it was formed from"]
                                                          .compactMap { $0 }.joined(separator: "; ")))
        }

        let ratings = try table("ccg_iaf_ratings.csv", ["ccg", "financial_year", "framework", "rating", "basis", "how", "verification",
                                                        "name_in_source", "evidence", "source", "note"]).map { row in
            let note = [row.optional("evidence"), row.optional("note")].compactMap { $0 }.joined(separator: "; ")
            return CcgRatingRow(ccg: OrgCode(try row.required("ccg")), year: try year(row, "financial_year"),
                                framework: try row.required("framework"), rating: row.optional("rating"),
                                provenance: try provenance(row, derived: try basis(row, ["stated", "derived"]) == "derived", note: note),
                                place: row.place)
        }

        let rules = try table("sof_2016_segment_4_rule.csv", ["framework", "segment", "intervention_types", "from", "to", "verification",
                                                              "note", "source"]).map { row in
            guard let segment = try row.int("segment") else { throw row.problem("segment", "must not be empty") }
            return SegmentRuleRow(framework: FrameworkID(try row.required("framework")), segment: segment,
                                  types: row.list("intervention_types").map(InterventionTypeID.init),
                                  from: try row.requiredDate("from"), to: try row.requiredDate("to"),
                                  provenance: try catalogue.provenance(of: row))
        }

        // Facts kept for readers but not held in the store: read so that their sources are checked too.
        _ = try table("ccg_iaf_rating_counts.csv", ["financial_year", "assessment", "ccgs_assessed", "outstanding", "good",
                                                   "requires_improvement", "inadequate", "unit", "verification", "note", "source"])
            .map { try catalogue.provenance(of: $0) }
        _ = try table("national_counts.csv", ["date", "regime", "count", "verification", "note", "source"])
            .map { row in _ = try row.requiredDate("date"); return try catalogue.provenance(of: row) }

        return HistoryTables(ccgs: ccgs, ccgFootprints: ccgFootprints, trustFootprints: trustFootprints, historicTrusts: closed + care,
                             trustSuccessions: successions, mergedFootprints: merged, ccgRatings: ratings, segmentRules: rules)
    }

    static func basis(_ row: CSVRow, _ allowed: [String]) throws -> String {
        let value = try row.required("basis")
        guard allowed.contains(value) else { throw row.problem("basis", "“\(value)” should be \(allowed.joined(separator: ", "))") }
        return value
    }

    static func providerType(_ row: CSVRow) throws -> ProviderType {
        let text = try row.required("trust_type")
        guard let type = ProviderType(rawValue: text.replacingOccurrences(of: "_", with: "-")) else {
            throw row.problem("trust_type", "“\(text)” is not a provider type")
        }
        return type
    }
}
