import Foundation

/// Where the bundled dataset (data/store) is, whether the binary runs from a clone with
/// `swift run` or was copied elsewhere after `swift build -c release` with its resource bundle.
public enum BundledData {
    /// The bundle directory SwiftPM writes beside the executable.
    static let bundleName = "oversight_BundledData.resources"

    /// Every place looked in, in order, so that a failure can say where it looked.
    public static func candidateStoreDirectories(executable: URL? = Bundle.main.executableURL) -> [URL] {
        var candidates: [URL] = []
        if let override = ProcessInfo.processInfo.environment["OVERSIGHT_BUNDLED_DATA"], !override.isEmpty {
            candidates.append(URL(fileURLWithPath: override))
        }
        if let executable {
            let directory = executable.resolvingSymlinksInPath().deletingLastPathComponent()
            candidates.append(directory.appendingPathComponent(bundleName).appendingPathComponent("store"))
            candidates.append(directory.appendingPathComponent(bundleName).appendingPathComponent("Contents/Resources/store"))
        }
        // The source tree this binary was built from: right for `swift run` and `swift test` in a clone.
        candidates.append(URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("store"))
        return candidates
    }

    /// The first candidate that holds a snapshot, or nil.
    public static func storeDirectory() -> URL? {
        candidateStoreDirectories().first { FileManager.default.fileExists(atPath: $0.appendingPathComponent("snapshot.json").path) }
    }
}
