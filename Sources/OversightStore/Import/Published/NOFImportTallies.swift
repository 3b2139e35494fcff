import OversightDomain

/// Figures replaced, gathered by the release they came from.
struct NOFReplacementTally {
    private var items: [String: NOFImportPlan.Replacement] = [:]
    private var order: [String] = []

    mutating func note(_ id: ReleaseID, _ kind: PublishedRelease.Kind, _ quarter: Period, by file: NOFReadFile, in dataset: Dataset) {
        let release = dataset.release(id)
        // Older means the file's newest quarter comes before the newest quarter of the release it replaces;
        // a re-issue of the same quarters (a `-v2`) replaces its original.
        let newer = release.flatMap { $0.quarters.max() }.map { $0 > file.newestQuarter } ?? false
        let key = "\(id.rawValue)|\(kind.rawValue)|\(file.file.path)"
        if items[key] == nil {
            order.append(key)
            items[key] = NOFImportPlan.Replacement(releaseID: id, release: release, by: file.file.path, kind: kind,
                                                   quarters: [], scorecards: 0, newer: newer)
        }
        if !items[key]!.quarters.contains(quarter) { items[key]!.quarters.append(quarter) }
        items[key]!.quarters.sort()
        items[key]!.scorecards += 1
    }

    var all: [NOFImportPlan.Replacement] { order.map { items[$0]! } }
}

/// Rows whose id the framework does not know, gathered by file and id.
struct NOFUnknownTally {
    private var items: [String: NOFImportPlan.UnknownRows] = [:]

    mutating func note(_ path: String, _ metric: MetricID, line: Int) {
        let key = path + "|" + metric.rawValue
        if var item = items[key] {
            item.rows += 1
            item.firstLine = min(item.firstLine, line)
            items[key] = item
        } else {
            items[key] = NOFImportPlan.UnknownRows(path: path, metric: metric, rows: 1, firstLine: line)
        }
    }

    var all: [NOFImportPlan.UnknownRows] { items.values.sorted { ($0.path, $0.metric) < ($1.path, $1.metric) } }
}
