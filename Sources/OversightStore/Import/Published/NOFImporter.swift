import OversightDomain

/// NHS England's NOF files turned into one `PublishedImport` against a dataset: what `oversight import nof`
/// commits, and what the generator of the bundled store can build its published figures with.
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
            let card = scorecard(key, data: group, league: league, files: read, releases: releaseIDs, framework: framework)
            scorecards.append(card)

            let before = dataset.scorecard(card.id)?.published
            if let group, let before, !before.rows.isEmpty, before.release != card.published?.release {
                replacements.note(before.release, .dataFile, key.quarter, by: read[group.file], in: dataset)
            }
            if let league, let old = before?.league, old.release != releaseIDs[league.file] {
                replacements.note(old.release, .leagueTable, key.quarter, by: read[league.file], in: dataset)
            }
            if let group {
                for (metric, row) in group.rows where !frameworks.knows(metric, framework) {
                    unknown.note(read[group.file].file.path, metric, line: row.line)
                }
            }
        }

        let replaced = replacements.all
        if !options.replaceNewer, let refusal = olderReleaseRefusal(replaced, files: read) { throw refusal }

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

    /// One trust-quarter: the data file's rows and the league table's line as published, and beside them
    /// the values and financial position as the method reads them.
    private static func scorecard(_ key: NOFTrustQuarters.Key, data group: NOFTrustQuarters.DataGroup?,
                                  league: NOFTrustQuarters.LeagueEntry?, files: [NOFReadFile], releases: [ReleaseID],
                                  framework: Framework) -> Scorecard {
        let dataRelease = group.map { releases[$0.file] }
        let leagueRelease = league.map { releases[$0.file] }
        // A trust-quarter comes from a data file, a league table or both, so one of the two is there.
        let release = (dataRelease ?? leagueRelease)!
        let trust = group?.trust ?? league!.row.trust
        let rows = group?.rows ?? [:]
        let source = files[group?.file ?? league!.file]
        let published = PublishedAssessment(
            release: release, trustType: trust.trustType, trustSubtype: trust.subtype.isEmpty ? nil : trust.subtype,
            region: trust.region.isEmpty ? nil : trust.region, rows: rows,
            league: league.map { $0.row.published(leagueRelease!) })
        return Scorecard(
            org: key.code, framework: framework.id, period: key.quarter,
            // From a league table alone, only the league line: the method's inputs are the data file's.
            values: group == nil ? [:] : NOFScorecardValues.values(rows, framework: framework),
            finance: group == nil ? nil : NOFScorecardValues.finance(rows), published: published,
            provenance: Provenance(.sourced, source: "NHS England, NOF \(source.kind.label) \(source.file.name)",
                                   note: "release \(release); each figure keeps its row's line and Reporting_date"))
    }

    /// The refusal when a file would replace figures from a release that runs to a later quarter than it
    /// does (a `-v2` of the same quarters is a re-issue, and replaces its original without asking).
    private static func olderReleaseRefusal(_ replaced: [NOFImportPlan.Replacement], files: [NOFReadFile]) -> NOFImportError? {
        let newer = replaced.filter(\.newer)
        guard !newer.isEmpty else { return nil }
        let lines = newer.map { item in
            let runs = item.release.flatMap { $0.quarters.last }.map { ", which runs to \($0.label)" } ?? ""
            let file = files.first { $0.file.path == item.by }!
            return "  \(item.quarters.map(\.label).joined(separator: ", ")) \(item.kind == .dataFile ? "figures" : "league lines") "
                + "of \(item.scorecards) trusts come from \(item.release?.label ?? item.releaseID.rawValue)\(runs); "
                + "\(item.by) runs only to \(file.newestQuarter.label)"
        }
        return NOFImportError("""
            this would replace figures from a newer release with an older one:
            \(lines.joined(separator: "\n"))
            To go back to the older figures all the same, add --replace-newer
            """)
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
