import Foundation
import OversightDomain

/// NHS England's published NOF 2025/26 files, which tests read from `../shared/reference/nof-2025-26`
/// beside the clone (the repo must not carry copies of them). CI always has the folder; a user's clone
/// may not, and then the tests that need it skip with a message naming it.
public enum PublishedFiles {
    public static let folder: String = {
        URL(fileURLWithPath: BuiltBinary.packageRoot).deletingLastPathComponent()
            .appendingPathComponent("shared/reference/nof-2025-26").standardizedFileURL.path
    }()

    public static let acuteQ1 = "nhs-oversight-framework-acute-trust-data-q1-2025-26.csv"
    public static let mentalHealthQ1toQ4 = "nhs-oversight-framework-mental-health-and-community-trust-data-q4-2025-26.csv"
    public static let mentalHealthLeagueQ4 = "nhs-oversight-framework-mental-health-and-community-trust-league-table-q4-2025-26.csv"
    /// Every file NHS England published that the folder holds (the README and the derived catalogue are not NHS England's).
    public static let all = [acuteQ1, mentalHealthQ1toQ4, mentalHealthLeagueQ4]

    /// Whether the folder and every file are there.
    public static var present: Bool { all.allSatisfy { FileManager.default.fileExists(atPath: path($0)) } }

    /// Why a test did not run, naming the folder.
    public static var missing: String {
        "the published NOF files are not in \(folder) (../shared/reference/nof-2025-26 beside the clone); these tests need them"
    }

    public static func path(_ name: String) -> String { folder + "/" + name }

    public static func bytes(_ name: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path(name)) else {
            throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: path(name)])
        }
        return Array(data)
    }
}

extension PublishedFiles {
    /// A dataset as it was before NHS England's files were imported into it: the register the bundled store
    /// is built from, for tests that import the files themselves. The releases and their figures go, the trusts
    /// the files added go, and the trusts they typed go back to an unconfirmed type with no subtype, as the
    /// register had them (the exact classification they had is not kept, and no test needs it). `lacking`
    /// takes trusts out of the register too, so that a test can see the files add a trust it does not hold.
    public static func register(_ dataset: Dataset, lacking: Set<OrgCode> = []) -> Dataset {
        var data = dataset
        let added = Set(dataset.releases.flatMap(\.addedOrganisations)).union(lacking)
        data.releases = []
        data.organisations = dataset.organisations.filter { !added.contains($0.code) }.map { organisation in
            var organisation = organisation
            if organisation.subtype != nil {
                organisation.subtype = nil
                organisation.typeProvenance = Provenance(.unverified, note: "a researcher's classification, as the register had it")
            }
            return organisation
        }
        data.scorecards = dataset.scorecards.compactMap { card in
            guard !added.contains(card.org) else { return nil }
            guard card.published != nil else { return card }
            guard let decision = card.decision else { return nil }
            return Scorecard(org: card.org, framework: card.framework, period: card.period, decision: decision, provenance: decision.provenance)
        }
        return data
    }
}

extension PublishedFiles {
    /// The three care trusts NHS England's mental health and community file names that a register without
    /// them (as the bundled one was before the 2016 era came in) lacks: what tests of adding a trust take out.
    public static let careTrusts: Set<OrgCode> = ["TAD", "TAH", "TAJ"]
}
