import OversightDomain

/// The NOF framework for each quarter (the one in force, the newest if several are), and which row ids it knows.
struct NOFFrameworkChoice {
    let dataset: Dataset
    var byQuarter: [Period: Framework] = [:]
    var known: [FrameworkID: Set<MetricID>] = [:]

    init(_ dataset: Dataset) { self.dataset = dataset }

    mutating func framework(for quarter: Period, file: String?) throws(NOFImportError) -> Framework {
        if let known = byQuarter[quarter] { return known }
        let candidates = dataset.frameworks.filter { $0.segmentation.method == .nofQuartiles && $0.isInForce(during: quarter) }
        guard let chosen = candidates.max(by: { $0.inForceFrom < $1.inForceFrom }) else {
            let held = dataset.frameworks.filter { $0.segmentation.method == .nofQuartiles }
                .map { "\($0.shortName), in force from \($0.inForceFrom.display)" }.joined(separator: "; ")
            throw NOFImportError(file: file, """
                the store holds no NHS Oversight Framework in force in \(quarter.label) (it holds \(held.isEmpty ? "none" : held)); \
                figures for that quarter have no framework to be read under
                """)
        }
        byQuarter[quarter] = chosen
        return chosen
    }

    /// The framework's metrics and their score rows, and NHS England's domain and summary rows.
    mutating func knows(_ id: MetricID, _ framework: Framework) -> Bool {
        switch PublishedRowID.kind(of: id) {
        case .domainScore, .domainSegment, .summary: return true
        default: break
        }
        if known[framework.id] == nil {
            var ids = Set(framework.metrics.map(\.id))
            for metric in framework.metrics {
                if let score = metric.scoreRow { ids.insert(score) }
                ids.insert(NOFScorecardValues.countRow(of: metric.id))
            }
            known[framework.id] = ids
        }
        return known[framework.id]!.contains(id)
    }
}
