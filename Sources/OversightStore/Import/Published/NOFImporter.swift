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

        var frameworks = NOFFrameworkChoice(dataset)
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
        var replacements = NOFReplacementTally()
        var unknown = NOFUnknownTally()
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
