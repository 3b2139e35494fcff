import OversightDomain

/// The register against the files: a trust the register lacks (a new or merged trust, such as those
/// formed in 2024–25) is added from the file's own name, type and region; a trust it holds takes the
/// file's type and subtype where they differ, sourced to the file (they replace a researcher's
/// classification). The newest quarter the files give for a trust is the one that counts.
enum NOFOrganisations {
    struct Outcome {
        /// Full new images, for the edit.
        var images: [Organisation] = []
        var added: [Organisation] = []
        var retyped: [NOFImportPlan.Retype] = []
        /// The trusts each file added, by the file's place in the list: a trust is credited to the first
        /// file naming it, so that no trust is counted twice.
        var addedByFile: [Int: [OrgCode]] = [:]
    }

    private struct Naming {
        var quarter: Period
        var trust: NOFTrust
        var file: Int
        var line: Int
    }

    static func reconcile(_ groups: NOFTrustQuarters, files: [NOFReadFile], dataset: Dataset) throws(NOFImportError) -> Outcome {
        var latest: [OrgCode: Naming] = [:]
        var firstFile: [OrgCode: Int] = [:]
        func consider(_ naming: Naming) {
            let code = naming.trust.code
            firstFile[code] = min(firstFile[code] ?? naming.file, naming.file)
            if let known = latest[code], known.quarter >= naming.quarter { return }
            latest[code] = naming
        }
        // Data files before league tables, each in trust and quarter order, so that ties go the same way every time.
        for key in groups.data.keys.sorted() {
            let group = groups.data[key]!
            consider(Naming(quarter: key.quarter, trust: group.trust, file: group.file, line: group.line))
        }
        for key in groups.league.keys.sorted() {
            let entry = groups.league[key]!
            consider(Naming(quarter: key.quarter, trust: entry.row.trust, file: entry.file, line: entry.row.line))
        }

        // The newest quarter the store already has NHS England's figures for, per trust: an older file
        // does not re-type a trust that a newer one typed.
        var newestInStore: [OrgCode: Period] = [:]
        for card in dataset.scorecards where card.published != nil {
            newestInStore[card.org] = max(newestInStore[card.org] ?? card.period, card.period)
        }

        var outcome = Outcome()
        for code in latest.keys.sorted() {
            let naming = latest[code]!
            let trust = naming.trust
            let file = files[naming.file]
            let type = NOFLabels.providerType(subtype: trust.subtype, peerGroup: trust.peerGroup)
            let subtype = trust.subtype.isEmpty ? nil : trust.subtype
            let source = "NHS England, NOF \(file.kind.label) \(file.file.name)"
            let typeProvenance = Provenance(.sourced, source: source,
                                            note: "Trust_type “\(trust.trustType)”, Trust_subtype “\(trust.subtype)”, \(naming.quarter.label)")
            if let before = dataset.organisation(code) {
                if let stored = newestInStore[code], stored > naming.quarter { continue }
                guard before.type != type || before.subtype != subtype else { continue }
                var after = before
                after.type = type
                after.subtype = subtype
                after.typeProvenance = typeProvenance
                outcome.images.append(after)
                outcome.retyped.append(NOFImportPlan.Retype(before: before, after: after))
            } else {
                guard let region = NOFLabels.region(trust.region), dataset.region(region) != nil else {
                    throw NOFImportError(file: file.file.path, line: naming.line, """
                        \(code) (\(trust.name)) is not in the register, so it would be added from this file, but its \
                        Region “\(trust.region)” is not one of NHS England's seven regions (London, South West, South East, \
                        Midlands, East of England, North West, North East and Yorkshire); correct the cell
                        """)
                }
                let added = Organisation(
                    code: code, name: trust.name, kind: NOFLabels.kind(name: trust.name), type: type, subtype: subtype,
                    typeProvenance: typeProvenance, region: region, memberships: [],
                    provenance: Provenance(.sourced, source: source, note: """
                        added from NHS England's published file: the register did not hold \(code); name, type and region \
                        as the file gives them; no footprint recorded
                        """))
                outcome.images.append(added)
                outcome.added.append(added)
                outcome.addedByFile[firstFile[code]!, default: []].append(code)
            }
        }
        return outcome
    }
}
