import Foundation
import OversightConsole
import Testing

/// Screen snapshots as text files in __Snapshots__, named `<view>-<cols>x<rows>[-mono].screen`.
/// `UPDATE_SNAPSHOTS=1 swift test --filter ScreenSnapshots` re-records them; a missing one is
/// recorded and the test fails so that a person looks at it before it is committed.
enum Snapshot {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("__Snapshots__")

    static var updating: Bool { ProcessInfo.processInfo.environment["UPDATE_SNAPSHOTS"] == "1" }

    static func check(_ grid: Grid, name: String, theme: Theme = .standard, withStyles: Bool = false,
                      sourceLocation: SourceLocation = #_sourceLocation) {
        let body = GridSnapshot.file(grid, theme: theme, withStyles: withStyles)
        let url = directory.appendingPathComponent(name + ".screen")
        let existing = try? String(contentsOf: url, encoding: .utf8)
        if updating || existing == nil {
            try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try? body.write(to: url, atomically: true, encoding: .utf8)
            if existing == nil && !updating {
                Issue.record("Recorded a new snapshot \(name).screen; read it, then run the tests again.", sourceLocation: sourceLocation)
            }
            return
        }
        guard let existing, existing != body else { return }
        let old = existing.split(separator: "\n", omittingEmptySubsequences: false)
        let new = body.split(separator: "\n", omittingEmptySubsequences: false)
        var lines: [String] = []
        for i in 0..<max(old.count, new.count) where lines.count < 12 {
            let a = i < old.count ? String(old[i]) : "(none)"
            let b = i < new.count ? String(new[i]) : "(none)"
            if a != b { lines.append("line \(i + 1):\n  expected: \(a)\n  actual:   \(b)") }
        }
        Issue.record("""
        Screen \(name) differs from its snapshot (re-record with UPDATE_SNAPSHOTS=1 if the change is meant):
        \(lines.joined(separator: "\n"))
        """, sourceLocation: sourceLocation)
    }
}
