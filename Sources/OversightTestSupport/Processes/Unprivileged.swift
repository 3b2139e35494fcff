import Foundation
import Glibc

/// Running a program as an ordinary user, for the tests of stores whose owner cannot read them:
/// root reads every directory whatever its mode, so those cases need a process that is not root.
/// As root, the `store-torture exec --uid 65534` child drops to `nobody`; as anyone else the
/// program runs as it is.
public enum Unprivileged {
    /// The user the program runs as (nobody when the tests run as root).
    public static let uid: uid_t = getuid() == 0 ? 65_534 : getuid()
    public static let gid: gid_t = getuid() == 0 ? 65_534 : getgid()

    /// The `store-torture` executable, built beside the other products.
    public static var tortureTool: String { BuiltBinary.path("store-torture") }

    /// The words to put before a program: drop to `uid` when root (unless told not to), and set a
    /// file-size or memory limit if asked.
    public static func wrapper(fileSizeLimit: Int? = nil, memoryLimit: Int? = nil, dropPrivileges: Bool = true) -> [String] {
        var words = [tortureTool, "exec"]
        if dropPrivileges && getuid() == 0 { words += ["--uid", String(uid), "--gid", String(gid)] }
        if let fileSizeLimit { words += ["--fsize", String(fileSizeLimit)] }
        if let memoryLimit { words += ["--memory", String(memoryLimit)] }
        return words + ["--"]
    }

    /// Why the unprivileged cases cannot run here, or nil when they can: the wrapper must really
    /// become another user (a container may forbid setuid), and that user must be able to run the
    /// oversight binary (every directory above it searchable).
    public static let unavailableReason: String? = {
        guard FileManager.default.isExecutableFile(atPath: tortureTool) else { return "\(tortureTool) is not built" }
        let binary = BuiltBinary.path()
        let script = "id -u; test -x '\(binary)' && echo reachable"
        guard let result = try? BuiltBinary.runProgram(tortureTool, Array(wrapper().dropFirst()) + ["/bin/sh", "-c", script], watchdog: 60) else {
            return "could not start \(tortureTool)"
        }
        let lines = result.stdout.split(separator: "\n").map(String.init)
        guard lines.first == String(uid) else {
            return "could not run a process as uid \(uid) (\(result.stdout)\(result.stderr)); these cases need a user other than root"
        }
        guard lines.contains("reachable") else { return "uid \(uid) cannot reach \(binary) (a directory above it is not searchable)" }
        return nil
    }()

    /// Gives a file tree to the unprivileged user (nothing to do when the tests do not run as root).
    public static func chown(_ root: String) {
        guard getuid() == 0 else { return }
        _ = lchown(root, uid, gid)
        guard let walker = FileManager.default.enumerator(atPath: root) else { return }
        for case let relative as String in walker { _ = lchown(root + "/" + relative, uid, gid) }
    }
}
