/// Published files read and ready to load, as one edit: the releases, the trusts the register lacked or whose
/// type the files give, and for each trust and quarter its scorecard as the files give it. The store's importer
/// builds one from the files; `Edit.importPublished` turns it into a change, keeping what a meeting recorded.
public struct PublishedImport: Hashable, Sendable {
    public var releases: [PublishedRelease]
    /// Full new images: trusts added from a file, or the register's trusts with the file's type and subtype.
    public var organisations: [Organisation]
    /// The figures by trust and quarter: `published`, with `values` and `finance` as the method reads them.
    /// From a league table alone, only `published.league` is set.
    public var scorecards: [Scorecard]

    public init(releases: [PublishedRelease], organisations: [Organisation] = [], scorecards: [Scorecard]) {
        self.releases = releases
        self.organisations = organisations
        self.scorecards = scorecards
    }
}

extension Edit {
    /// The change an import makes: new releases; organisations added or re-typed; and each scorecard's published
    /// figures replaced (the earlier release named on it), its decision and anything else recorded kept.
    func publishedChange(_ batch: PublishedImport, in dataset: Dataset) throws(EditError) -> Change {
        guard !batch.releases.isEmpty else { throw EditError("the import names no file") }
        var records: [RecordChange] = []
        var replacedByRelease: [ReleaseID: Set<ReleaseID>] = [:]
        var incoming: Set<OrgCode> = []

        for organisation in batch.organisations {
            let before = dataset.organisation(organisation.code)
            guard before != organisation else { continue }
            incoming.insert(organisation.code)
            records.append(RecordChange(key: .organisation(organisation.code), before: before.map(Record.organisation),
                                        after: .organisation(organisation)))
        }
        for card in batch.scorecards {
            guard dataset.organisation(card.org) != nil || incoming.contains(card.org) else {
                throw EditError(field: "org", "no organisation with ODS code \(card.org), and the import does not add it")
            }
            guard let framework = dataset.framework(card.framework) else { throw EditError(field: "framework", "no framework \(card.framework)") }
            guard framework.isInForce(during: card.period) else {
                throw EditError(field: "period", "\(framework.shortName) was not in force in \(card.period.label)")
            }
            guard let published = card.published else { throw EditError("\(card.id) holds no published figures") }
            guard batch.releases.contains(where: { $0.id == published.release || $0.id == published.league?.release }) else {
                throw EditError("\(card.id) names a release the import does not hold")
            }
            let before = dataset.scorecard(card.id)
            let after = Edit.merged(card, into: before)
            if let earlier = before?.published?.release, !published.rows.isEmpty, earlier != published.release {
                replacedByRelease[published.release, default: []].insert(earlier)
            }
            guard after != before else { continue }
            records.append(RecordChange(key: .scorecard(card.id), before: before.map(Record.scorecard), after: .scorecard(after)))
        }
        // The releases go first, so that every figure's release exists when the figure does.
        var releaseRecords: [RecordChange] = []
        for var release in batch.releases {
            guard dataset.release(release.id) == nil else {
                throw EditError("\(release.fileName) was imported already (release \(release.id)); nothing was changed")
            }
            release.replaced = (replacedByRelease[release.id] ?? []).sorted()
            releaseRecords.append(RecordChange(key: .release(release.id), before: nil, after: .release(release)))
        }
        return Change(releaseRecords + records)
    }

    /// The scorecard after an import: the file's figures in place of the old ones (a data file's rows, values and
    /// financial position; a league table's line), the release they replace named, and the rest kept as it was.
    static func merged(_ card: Scorecard, into before: Scorecard?) -> Scorecard {
        guard var after = before, let incoming = card.published else { return card }
        var published = after.published ?? incoming
        if !incoming.rows.isEmpty {
            var earlier = published.earlierReleases
            if let old = after.published, !old.rows.isEmpty, old.release != incoming.release, !earlier.contains(old.release) {
                earlier.append(old.release)
            }
            published = PublishedAssessment(release: incoming.release, earlierReleases: earlier, trustType: incoming.trustType,
                                            trustSubtype: incoming.trustSubtype, region: incoming.region, rows: incoming.rows,
                                            league: published.league)
            after.values = card.values
            after.finance = card.finance
        }
        if let league = incoming.league { published.league = league }
        after.published = published
        after.provenance = card.provenance
        return after
    }
}
