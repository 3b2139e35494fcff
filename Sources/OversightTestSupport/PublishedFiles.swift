import Foundation

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
