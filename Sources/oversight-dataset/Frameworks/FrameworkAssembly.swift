import OversightDomain

/// Puts the frameworks together: the hand-written definitions, plus the CCG IAF indicators from
/// the reference table. NOF 2025/26's metrics are written from NHS England's published files.
enum FrameworkAssembly {
    static let ccgIAF: FrameworkID = "ccg-iaf-2016"
    static let nof: FrameworkID = "nof-2025-26"

    static func build(_ definitions: SourceDefinitions, _ reference: ReferenceTables) throws -> [Framework] {
        var frameworks = definitions.frameworks
        guard let ccgIndex = frameworks.firstIndex(where: { $0.id == ccgIAF }) else {
            throw GeneratorError("frameworks.json has no \(ccgIAF); the CCG IAF indicators need it")
        }
        guard frameworks[ccgIndex].metrics.isEmpty else {
            throw GeneratorError("frameworks.json lists metrics for \(ccgIAF); its indicators come from reference/ccg_iaf_indicators.csv and source/ccg-iaf-indicators.json")
        }
        frameworks[ccgIndex].metrics = try ccgIndicators(frameworks[ccgIndex], definitions.ccgIndicatorReadings, reference.ccgIndicators)
        return frameworks
    }

    static func ccgIndicators(_ framework: Framework, _ readings: [CcgIndicatorReading], _ rows: [CcgIndicatorRow]) throws -> [MetricDefinition] {
        let readingIDs = Set(readings.map(\.id))
        let rowIDs = Set(rows.map(\.id))
        guard readingIDs == rowIDs, readings.count == readingIDs.count, rows.count == rowIDs.count else {
            let missing = rowIDs.subtracting(readingIDs).sorted().map(\.rawValue)
            let extra = readingIDs.subtracting(rowIDs).sorted().map(\.rawValue)
            throw GeneratorError("ccg-iaf-indicators.json and ccg_iaf_indicators.csv must list the same indicators once each; without a reading: \(missing), without a reference row: \(extra)")
        }
        let readingsByID = Dictionary(readings.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return try rows.map { row in
            let reading = readingsByID[row.id]!
            let theme = ThemeID(row.domain.lowercased().replacingOccurrences(of: " ", with: "-"))
            guard framework.theme(theme) != nil else {
                throw GeneratorError("ccg_iaf_indicators.csv: indicator \(row.id) is in domain “\(row.domain)”, which \(framework.id) does not list")
            }
            return MetricDefinition(
                id: row.id, name: row.name, theme: theme, unit: reading.unit, direction: reading.direction,
                scoring: .context, decimals: reading.decimals, definition: reading.definition, provenance: row.provenance)
        }
    }
}
