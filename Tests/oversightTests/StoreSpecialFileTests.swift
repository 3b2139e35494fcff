import Foundation
import Glibc
import OversightStore
import OversightTestSupport
import Testing

/// Issue 11, item 8: a FIFO, a device or a socket in place of a store file never hangs a command
/// or floods memory: the type is checked before reading and every read is bounded by the file's size.
@Suite("Store safety: FIFOs, devices and sockets in place of store files")
struct StoreSpecialFileTests {
    let scratch = ScratchDirectory("special")

    @Test("a FIFO in place of snapshot.json or journal.jsonl: every command ends with a message naming it (none waits for a writer)",
          arguments: ["snapshot.json", "journal.jsonl"])
    func fifo(name: String) throws {
        let store = SampleStore.create(in: scratch)
        _ = unlink(store + "/" + name)
        #expect(mkfifo(store + "/" + name, 0o600) == 0)
        for command in [["validate"], ["history"], ["note", "add", "RAA", "x"], ["repair"]] {
            let result = try BuiltBinary.run(command + ["--store", store], stdin: "n\n", watchdog: 20)
            let label = "`oversight \(command.joined(separator: " "))` with \(name) a FIFO"
            #expect(!result.timedOut, "\(label) hung")
            #expect(result.reason == .exit && result.status == 1, "\(label) ended with \(result.reason) \(result.status)")
            #expect((result.stderr + result.stdout).contains("named pipe"), "\(label): \(result.stderr)")
        }
    }

    @Test("a character device (like /dev/zero) in place of snapshot.json: validate and history end with a message, within a small memory limit")
    func device() throws {
        guard getuid() == 0 else { try Test.cancel("skipped: making a device node needs root (mknod)") }
        let store = SampleStore.create(in: scratch)
        _ = unlink(store + "/snapshot.json")
        // The same device as /dev/zero (1, 5): endless zeros.
        guard mknod(store + "/snapshot.json", S_IFCHR | 0o600, dev_t((1 << 8) | 5)) == 0 else {
            try Test.cancel("skipped: this system does not allow mknod here (errno \(errno))")
        }
        for command in [["validate"], ["history"], ["note", "add", "RAA", "x"]] {
            // A read that grows without bound dies at the 1 GiB data limit instead of taking the machine's memory.
            let result = try BuiltBinary.run(command + ["--store", store], wrapper: Unprivileged.wrapper(memoryLimit: 1 << 30, dropPrivileges: false),
                                             watchdog: 60)
            let label = "`oversight \(command.joined(separator: " "))` with snapshot.json a device"
            #expect(!result.timedOut && result.reason == .exit && result.status == 1, "\(label) ended with \(result.reason) \(result.status): \(result.stderr.suffix(300))")
            #expect(result.stderr.contains("device"), "\(label): \(result.stderr)")
        }
    }

    @Test("a socket in place of journal.jsonl is refused with a message")
    func socket() throws {
        let store = SampleStore.create(in: scratch)
        _ = unlink(store + "/journal.jsonl")
        let fd = Glibc.socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let path = Array((store + "/journal.jsonl").utf8CString)
        guard path.count <= MemoryLayout.size(ofValue: address.sun_path) else { try Test.cancel("skipped: the scratch path is too long for a socket") }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (i, byte) in path.enumerated() { raw[i] = UInt8(bitPattern: byte) }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        #expect(bound == 0)
        let result = try BuiltBinary.run(["history", "--store", store], watchdog: 60)
        #expect(!result.timedOut && result.status == 1)
        #expect(result.stderr.contains("socket"), "\(result.stderr)")
    }
}
