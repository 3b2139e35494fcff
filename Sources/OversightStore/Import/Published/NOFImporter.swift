import OversightDomain

/// NHS England's NOF files turned into one `PublishedImport` against a dataset: `oversight import nof`
/// and the bundled store's generator both come here.
///
/// Every file is read whole and every row checked before anything is built, so a bad row stops the
/// import at its `file:line` with nothing loaded; what is built is one edit, committed as one journal
/// entry (undo takes the whole import back).
public enum NOFImporter {
    public static func plan(_ files: [NOFFile], into dataset: Dataset, options: NOFImportOptions = NOFImportOptions()) throws(NOFImportError) -> NOFImportPlan {
        guard !files.isEmpty else { throw NOFImportError("name at least one of NHS England's NOF CSV files to import") }
        let read = try readAll(files, quarter: options.quarter)
        var seen: [String: String] = [:]
        for file in read {
            if let other = seen[file.sha256] {
                throw NOFImportError(file: file.file.path, "this file has the same contents as \(other); name it once")
            }
            seen[file.sha256] = file.file.path
        }

        var frameworks = FrameworkChoice(dataset)
        var releaseIDs: [ReleaseID] = []
        for file in read {
            for quarter in file.quarters { _ = try frameworks.framework(for: quarter, file: file.file.path) }
            let id = PublishedRelease.id(framework: try frameworks.framework(for: file.newestQuarter, file: file.file.path).id,
                                         sha256: file.sha256)
            if let earlier = dataset.release(id) {
                let when = earlier.imported.map { " on \($0.display)" } ?? ""
                let who = earlier.importedBy.map { " by \($0)" } ?? ""
                throw NOFImportError(file: file.file.path, """
                    this file was imported already\(when)\(who) (release \(id), \(earlier.label)); leave it out of the command
                    """)
            }
            releaseIDs.append(id)
        }

        let groups = try NOFTrustQuarters(read)
        let organisations = try NOFOrganisations.reconcile(groups, files: read, dataset: dataset)

        var scorecards: [Scorecard] = []
        var replacements = ReplacementTally()
        var unknown = UnknownTally()
        for key in groups.keys {
            let framework = try frameworks.framework(for: key.quarter, file: nil)
            let group = groups.data[key]
            let league = groups.league[key]
            let dataRelease = group.map { releaseIDs[$0.file] }
            let leagueRelease = league.map { releaseIDs[$0.file] }
            let trust = group?.trust ?? league!.row.trust
            let rows = group?.rows ?? [:]
            let source = read[group?.file ?? league!.file]
            let published = PublishedAssessment(
                release: dataRelease ?? leagueRelease!, trustType: trust.trustType,
                trustSubtype: trust.subtype.isEmpty ? nil : trust.subtype, region: trust.region.isEmpty ? nil : trust.region,
                rows: rows, league: league.map { $0.row.published(leagueRelease!) })
            let id = ScorecardID(org: key.code, framework: framework.id, period: key.quarter)
            let card = Scorecard(
                org: key.code, framework: framework.id, period: key.quarter,
                values: group == nil ? [:] : NOFScorecardValues.values(rows, framework: framework),
                finance: group == nil ? nil : NOFScorecardValues.finance(rows), published: published,
                provenance: Provenance(.sourced, source: "NHS England, NOF \(source.kind.label) \(source.file.name)",
                                       note: "release \(dataRelease ?? leagueRelease!); each figure keeps its row's line and Reporting_date"))
            scorecards.append(card)

            let before = dataset.scorecard(id)?.published
            if let group, let before, !before.rows.isEmpty, before.release != dataRelease {
                replacements.note(before.release, .dataFile, key.quarter, by: read[group.file], in: dataset)
            }
            if let league, let old = before?.league, old.release != leagueRelease {
                replacements.note(old.release, .leagueTable, key.quarter, by: read[league.file], in: dataset)
            }
            if let group {
                for (metric, row) in rows where !frameworks.knows(metric, framework) {
                    unknown.note(read[group.file].file.path, metric, line: row.line)
                }
            }
        }

        let replaced = replacements.all
        let newer = replaced.filter(\.newer)
        if !newer.isEmpty && !options.replaceNewer {
            let lines = newer.map { item in
                let runs = item.release.flatMap { $0.quarters.last }.map { ", which runs to \($0.label)" } ?? ""
                return "  \(item.quarters.map(\.label).joined(separator: ", ")) \(item.kind == .dataFile ? "figures" : "league lines") "
                    + "of \(item.scorecards) trusts come from \(item.release?.label ?? item.releaseID.rawValue)\(runs); "
                    + "\(item.by) runs only to \(read.first { $0.file.path == item.by }!.newestQuarter.label)"
            }
            throw NOFImportError("""
                this would replace figures from a newer release with an older one:
                \(lines.joined(separator: "\n"))
                To go back to the older figures all the same, add --replace-newer
                """)
        }

        var releases: [PublishedRelease] = []
        for (index, file) in read.enumerated() {
            releases.append(PublishedRelease(
                id: releaseIDs[index], framework: try frameworks.framework(for: file.newestQuarter, file: file.file.path).id,
                kind: file.kind, fileName: file.file.name, byteCount: file.file.bytes.count, sha256: file.sha256,
                trustTypes: file.trustTypes, quarters: file.quarters, trusts: file.trusts.count, rows: file.rowCount,
                addedOrganisations: organisations.addedByFile[index] ?? [], imported: options.importedAt,
                importedBy: options.importedBy,
                provenance: Provenance(.sourced, source: "NHS England, NHS Oversight Framework segmentation and league tables (england.nhs.uk/nhs-oversight-framework/segmentation-and-league-tables/): \(file.file.name)",
                                       note: "sha256 \(file.sha256)")))
        }
        return NOFImportPlan(
            batch: PublishedImport(releases: releases, organisations: organisations.images, scorecards: scorecards),
            files: zip(read, releases).map { NOFImportPlan.FileRead(path: $0.file.path, release: $1) },
            added: organisations.added, retyped: organisations.retyped, replaced: replaced, unknownRows: unknown.all,
            notes: read.flatMap(\.notes))
    }

    /// Reads the files side by side (each is independent, and reading is most of the work); the first
    /// failure in the order given is the one reported.
    private static func readAll(_ files: [NOFFile], quarter: Period?) throws(NOFImportError) -> [NOFReadFile] {
        let results = ParallelMap.map(files.count) { index -> Result<NOFReadFile, NOFImportError> in
            do throws(NOFImportError) {
                return .success(try NOFReadFile(files[index], quarter: quarter))
            } catch {
                return .failure(error)
            }
        }
        var read: [NOFReadFile] = []
        for result in results {
            switch result {
            case .success(let file): read.append(file)
            case .failure(let error): throw error
            }
        }
        return read
    }
}

/// The NOF framework for each quarter (the one in force, the newest if several are), and which row ids it knows.
private struct FrameworkChoice {
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

/// Figures replaced, gathered by the release they came from.
private struct ReplacementTally {
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
private struct UnknownTally {
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
