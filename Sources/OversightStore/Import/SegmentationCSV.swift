import OversightDomain

/// The three CSV files `oversight segment` reads when there is no store, turned into a
/// `SegmentationInput` under NOF 2025/26's rules. Every problem names its file and line.
///
///     METRICS.csv  metric_id,name,domain,direction,standard,floor,weight,scoring
///     VALUES.csv   org_code,peer_group,metric_id,value
///     ORGS.csv     org_code,deficit,pip
public enum SegmentationCSV {
    public static let metricColumns = ["metric_id", "name", "domain", "direction", "standard", "floor", "weight", "scoring"]
    public static let valueColumns = ["org_code", "peer_group", "metric_id", "value"]
    public static let orgColumns = ["org_code", "deficit", "pip"]

    /// NOF 2025/26's segmentation rules, which the CSV route always uses.
    public static let rules = SegmentationRules(method: .nofQuartiles, scoreDecimals: 2,
                                                deficitOverride: DeficitOverride(fromSegments: [1, 2], to: 3),
                                                decisionOnlySegment: 5, decisionOnlyRequires: 4, nearBoundaryMargin: 0.05)

    public static func metrics(_ table: CSVTable) throws(CSVFileError) -> [MetricDefinition] {
        var seen: Set<String> = []
        var metrics: [MetricDefinition] = []
        for row in table.rows {
            func fail(_ message: String) -> CSVFileError { CSVFileError(file: table.file, line: row.line, message: message) }
            let id = row["metric_id"]
            guard !id.isEmpty else { throw fail("metric_id is empty") }
            guard seen.insert(id).inserted else { throw fail("metric \(id) is defined twice") }
            let direction: Direction
            switch row["direction"].lowercased() {
            case "higher": direction = .higherIsBetter
            case "lower": direction = .lowerIsBetter
            default: throw fail("direction “\(row["direction"])” must be higher or lower")
            }
            let scoring: MetricScoring
            switch row["scoring"].lowercased() {
            case "ranked", "": scoring = .ranked
            case "score": scoring = .score
            default: throw fail("scoring “\(row["scoring"])” must be ranked or score")
            }
            let standard = try optionalNumber(row["standard"], "standard", fail)
            let floor = try optionalNumber(row["floor"], "floor", fail)
            if let standard, let floor, !(direction == .higherIsBetter ? floor < standard : floor > standard) {
                throw fail("the floor \(row["floor"]) must be worse than the standard \(row["standard"])")
            }
            let weight = try optionalNumber(row["weight"], "weight", fail) ?? 1
            guard weight > 0 else { throw fail("weight must be above 0") }
            let domain = row["domain"].isEmpty ? "unassigned" : row["domain"]
            metrics.append(MetricDefinition(id: MetricID(id), name: row["name"].isEmpty ? id : row["name"], theme: ThemeID(domain),
                                            unit: scoring == .score ? .score : .ratio, direction: direction, standard: standard,
                                            floor: floor, weight: weight, scoring: scoring, decimals: 2,
                                            definition: row["name"], provenance: Provenance(.sourced, source: table.file)))
        }
        guard !metrics.isEmpty else { throw CSVFileError(file: table.file, line: nil, message: "no metrics are defined") }
        return metrics
    }

    /// The organisations and their values; `orgs` adds the deficit and PIP flags.
    public static func input(metrics: [MetricDefinition], values: CSVTable, orgs: CSVTable?) throws(CSVFileError) -> SegmentationInput {
        let known = Set(metrics.map(\.id))
        var order: [OrgCode] = []
        var byOrg: [OrgCode: OrganisationInput] = [:]
        for row in values.rows {
            func fail(_ message: String) -> CSVFileError { CSVFileError(file: values.file, line: row.line, message: message) }
            let code = OrgCode(row["org_code"].uppercased())
            guard !code.rawValue.isEmpty else { throw fail("org_code is empty") }
            guard let group = PeerGroup.parse(row["peer_group"]) else {
                throw fail("peer_group “\(row["peer_group"])” must be acute, non-acute or ambulance")
            }
            let metric = MetricID(row["metric_id"])
            guard known.contains(metric) else { throw fail("metric \(metric) is not in the metrics file") }
            let value = try metricValue(row["value"], fail)
            if var existing = byOrg[code] {
                guard existing.peerGroup == group else { throw fail("\(code) was given peer group \(existing.peerGroup?.rawValue ?? "?") on an earlier line") }
                guard existing.values[metric] == nil else { throw fail("\(code) has a second value for \(metric)") }
                existing.values[metric] = value
                byOrg[code] = existing
            } else {
                order.append(code)
                byOrg[code] = OrganisationInput(code: code, peerGroup: group, values: [metric: value])
            }
        }
        guard !order.isEmpty else { throw CSVFileError(file: values.file, line: nil, message: "no values are given") }
        if let orgs {
            for row in orgs.rows {
                func fail(_ message: String) -> CSVFileError { CSVFileError(file: orgs.file, line: row.line, message: message) }
                let code = OrgCode(row["org_code"].uppercased())
                guard var org = byOrg[code] else { throw fail("\(code) has no values in \(values.file)") }
                org.reportsDeficit = try yesNo(row["deficit"], "deficit", fail)
                if try yesNo(row["pip"], "pip", fail) { org.decision = .providerImprovementProgramme() }
                byOrg[code] = org
            }
        }
        return SegmentationInput(metrics: metrics, rules: rules, organisations: order.map { byOrg[$0]! })
    }

    /// VALUES.csv rows as readings for one framework's metrics, for `oversight import metrics`.
    public static func readings(_ values: CSVTable, framework: Framework, organisations: Set<OrgCode>) throws(CSVFileError) -> [MetricReading] {
        var readings: [MetricReading] = []
        for row in values.rows {
            func fail(_ message: String) -> CSVFileError { CSVFileError(file: values.file, line: row.line, message: message) }
            let code = OrgCode(row["org_code"].uppercased())
            guard organisations.contains(code) else { throw fail("no organisation with ODS code \(code) in the store") }
            let metric = MetricID(row["metric_id"])
            guard let definition = framework.metric(metric) else { throw fail("\(framework.shortName) has no metric \(metric)") }
            let value = try metricValue(row["value"], fail)
            if let number = value.number, let problem = DatasetValidator.rangeProblem(number, unit: definition.unit) {
                throw fail("\(metric): \(problem)")
            }
            readings.append(MetricReading(org: code, metric: metric, value: value))
        }
        return readings
    }

    /// A VALUES.csv value: a number, empty (missing), `suppressed` or `n/a`.
    static func metricValue(_ text: String, _ fail: (String) -> CSVFileError) throws(CSVFileError) -> MetricValue {
        switch text.lowercased() {
        case "": return .missing
        case "suppressed": return .suppressed
        case "n/a", "na": return .notApplicable
        default:
            guard let number = Double(text), number.isFinite else { throw fail("value “\(text)” is not a number") }
            return .number(number)
        }
    }

    static func optionalNumber(_ text: String, _ column: String, _ fail: (String) -> CSVFileError) throws(CSVFileError) -> Double? {
        guard !text.isEmpty else { return nil }
        guard let number = Double(text), number.isFinite else { throw fail("\(column) “\(text)” is not a number") }
        return number
    }

    static func yesNo(_ text: String, _ column: String, _ fail: (String) -> CSVFileError) throws(CSVFileError) -> Bool {
        switch text.lowercased() {
        case "yes", "y", "true", "1": return true
        case "no", "n", "false", "0", "": return false
        default: throw fail("\(column) “\(text)” must be yes or no")
        }
    }
}
