import Foundation
import OversightDomain

/// Every reference table, read and typed. Checks here are about one row at a time; whether rows
/// agree with each other is checked where they are put together.
struct ReferenceTables {
    let catalogue: SourceCatalogue
    let regions: [RegionRow]
    let stps: [StpRow]
    let lineage: [LineageRow]
    let icbs: [IcbRow]
    let trusts: [TrustRow]
    let ambulanceCoverage: [AmbulanceCoverageRow]
    let interventionEvents: [InterventionEventRow]
    let publishedDecisions: [PublishedDecisionRow]
    let leaguePositions: [LeaguePositionRow]
    let ccgIndicators: [CcgIndicatorRow]

    static func read(from directory: URL) throws -> ReferenceTables {
        let catalogue = try SourceCatalogue.read(in: directory)
        func table(_ name: String, _ columns: [String]) throws -> [CSVRow] {
            try ReferenceCSV.read(name, in: directory, columns: columns)
        }
        return ReferenceTables(
            catalogue: catalogue,
            regions: try table("regions.csv", ["code", "ods_code", "name", "era", "valid_from", "valid_to", "verification", "note", "source"])
                .map { try region($0, catalogue) },
            stps: try table("stp_footprints_2016.csv", ["ons_code", "name", "region_2020", "region_2016_derived", "later_ons_codes", "successor_icb", "note", "source"])
                .map { try stp($0, catalogue) },
            lineage: try table("footprint_lineage.csv", ["from", "to", "kind", "date", "verification", "note", "source"])
                .map { try lineage($0, catalogue) },
            icbs: try table("icbs_2022.csv", ["icb_ods_code", "gss_code_jul2022", "gss_code_current", "name", "region", "predecessor_2021_code", "predecessor_2021_name", "established", "source"])
                .map { try icb($0, catalogue) },
            trusts: try table("trusts.csv", ["ods_code", "ods_name", "foundation_trust", "region", "icb", "trust_type", "trust_type_basis", "ods_open_date", "ods_close_date", "source"])
                .map { try trust($0, catalogue) },
            ambulanceCoverage: try table("ambulance_coverage.csv", ["ambulance_trust", "serves_icb", "basis", "verification", "note", "source"])
                .map { AmbulanceCoverageRow(trust: OrgCode(try $0.required("ambulance_trust")), icb: FootprintID(try $0.required("serves_icb")),
                                            provenance: try catalogue.provenance(of: $0)) },
            interventionEvents: try table("intervention_events.csv", ["intervention", "org_at_time", "name_at_time", "record_under", "type", "applied_by", "event", "date", "verification", "reason", "exit_criteria", "org_ended", "note", "source"])
                .map { try interventionEvent($0, catalogue) },
            publishedDecisions: try table("segment_decisions.csv", ["org", "org_name", "framework", "period", "segment", "decided_by", "date", "verification", "rationale", "note", "source"])
                .map { try publishedDecision($0, catalogue) },
            leaguePositions: try table("nof_2025_26_positions.csv", ["ods_code", "trust_name", "league_table", "quarter", "rank", "rank_qualifier", "table_size", "list_position", "reports_deficit", "receives_deficit_support", "verification", "note", "source"])
                .map { try leaguePosition($0, catalogue) },
            ccgIndicators: try table("ccg_iaf_indicators.csv", ["indicator_id", "name", "domain", "framework_year", "verification", "note", "source"])
                .map { CcgIndicatorRow(id: MetricID(try $0.required("indicator_id")), name: try $0.required("name"),
                                       domain: try $0.required("domain"), provenance: try catalogue.provenance(of: $0)) }
        )
    }

    static func region(_ row: CSVRow, _ catalogue: SourceCatalogue) throws -> RegionRow {
        let eraText = try row.required("era")
        guard let era = Region.Era(rawValue: eraText) else { throw row.problem("era", "“\(eraText)” should be 2016 or 2020") }
        return RegionRow(code: RegionCode(try row.required("code")), odsCode: try row.required("ods_code"), name: try row.required("name"),
                         era: era, validFrom: try row.requiredDate("valid_from"), validTo: try row.date("valid_to"),
                         provenance: try catalogue.provenance(of: row))
    }

    static func stp(_ row: CSVRow, _ catalogue: SourceCatalogue) throws -> StpRow {
        let note = [row.optional("note"), "the 2016 region is derived from the 2020 one, not sourced"].compactMap { $0 }.joined(separator: "; ")
        let source = try catalogue.citation(row.required("source"), usedIn: "\(row.place), column source")
        return StpRow(code: FootprintID(try row.required("ons_code")), name: try row.required("name"),
                      region: RegionCode(try row.required("region_2020")), region2016: RegionCode(try row.required("region_2016_derived")),
                      laterOnsCodes: row.list("later_ons_codes"), successorICB: FootprintID(try row.required("successor_icb")),
                      provenance: Provenance(.sourced, source: source, note: note))
    }

    static func lineage(_ row: CSVRow, _ catalogue: SourceCatalogue) throws -> LineageRow {
        let kindText = try row.required("kind")
        guard let kind = Succession.Kind(rawValue: kindText), kind != .became else {
            throw row.problem("kind", "“\(kindText)” should be merged or part-moved (became comes from stp_footprints_2016.csv)")
        }
        return LineageRow(from: FootprintID(try row.required("from")), to: FootprintID(try row.required("to")), kind: kind,
                          date: try row.requiredDate("date"), provenance: try catalogue.provenance(of: row))
    }

    static func icb(_ row: CSVRow, _ catalogue: SourceCatalogue) throws -> IcbRow {
        let source = try catalogue.citation(row.required("source"), usedIn: "\(row.place), column source")
        return IcbRow(code: OrgCode(try row.required("icb_ods_code")), onsCodeAtStart: try row.required("gss_code_jul2022"),
                      onsCodeNow: try row.required("gss_code_current"), name: try row.required("name"),
                      region: RegionCode(try row.required("region")), predecessorCode: try row.required("predecessor_2021_code"),
                      predecessorName: try row.required("predecessor_2021_name"), established: try row.requiredDate("established"),
                      provenance: Provenance(.sourced, source: source))
    }

    static func trust(_ row: CSVRow, _ catalogue: SourceCatalogue) throws -> TrustRow {
        let typeText = try row.required("trust_type")
        guard let type = ProviderType(rawValue: typeText.replacingOccurrences(of: "_", with: "-")) else {
            throw row.problem("trust_type", "“\(typeText)” is not one of \(ProviderType.allCases.map { $0.rawValue.replacingOccurrences(of: "-", with: "_") }.joined(separator: ", "))")
        }
        return TrustRow(code: OrgCode(try row.required("ods_code")), odsName: try row.required("ods_name"),
                        isFoundationTrust: try row.flag("foundation_trust"), region: RegionCode(try row.required("region")),
                        icb: FootprintID(try row.required("icb")), type: type, typeBasis: try row.required("trust_type_basis"),
                        opened: try row.date("ods_open_date"), closed: try row.date("ods_close_date"),
                        provenance: Provenance(.sourced, source: try catalogue.citation(row.required("source"), usedIn: "\(row.place), column source")))
    }

    static func interventionEvent(_ row: CSVRow, _ catalogue: SourceCatalogue) throws -> InterventionEventRow {
        let eventText = try row.required("event")
        guard let event = InterventionEventRow.EventKind(rawValue: eventText) else {
            throw row.problem("event", "“\(eventText)” should be one of \(InterventionEventRow.EventKind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return InterventionEventRow(
            intervention: InterventionID(try row.required("intervention")), orgAtTime: try row.required("org_at_time"),
            nameAtTime: try row.required("name_at_time"), recordUnder: OrgCode(try row.required("record_under")),
            type: InterventionTypeID(try row.required("type")), appliedBy: row.optional("applied_by"), event: event,
            date: try row.requiredDate("date"), reason: row.optional("reason"), exitCriteria: row.optional("exit_criteria"),
            orgEnded: try row.date("org_ended"), note: row.optional("note"), provenance: try catalogue.provenance(of: row))
    }

    static func publishedDecision(_ row: CSVRow, _ catalogue: SourceCatalogue) throws -> PublishedDecisionRow {
        guard let segment = try row.int("segment") else { throw row.problem("segment", "must not be empty") }
        return PublishedDecisionRow(
            org: OrgCode(try row.required("org")), orgName: try row.required("org_name"), framework: FrameworkID(try row.required("framework")),
            period: try row.period("period"), segment: segment, decidedBy: try row.required("decided_by"), date: try row.requiredDate("date"),
            rationale: try row.required("rationale"), provenance: try catalogue.provenance(of: row))
    }

    static func leaguePosition(_ row: CSVRow, _ catalogue: SourceCatalogue) throws -> LeaguePositionRow {
        let tableText = try row.required("league_table")
        guard let table = PeerGroup.parse(tableText) else {
            throw row.problem("league_table", "“\(tableText)” should be acute, non-acute or ambulance")
        }
        return LeaguePositionRow(
            code: OrgCode(try row.required("ods_code")), trustName: try row.required("trust_name"), table: table,
            period: try row.period("quarter"), rank: try row.int("rank"), qualifier: row.optional("rank_qualifier"),
            tableSize: try row.int("table_size"), listPosition: try row.int("list_position"),
            reportsDeficit: try row.flag("reports_deficit"), receivesDeficitSupport: try row.flag("receives_deficit_support"),
            provenance: try catalogue.provenance(of: row))
    }
}
