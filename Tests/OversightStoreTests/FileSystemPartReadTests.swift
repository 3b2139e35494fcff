import Foundation
import Glibc
@testable import OversightStore
import OversightTestSupport
import Testing

/// `FileSystem.read(_:from:count:)`, which reads a large snapshot in pieces: the bytes asked for and
/// no more, fewer where the file ends, and the same refusals as a whole read (a link, a FIFO).
@Suite("Files: reading part of a file")
struct FileSystemPartReadTests {
    let scratch = ScratchDirectory("part-read")

    @Test("a part of a file, a part running past its end, a part after it, a file that is not there")
    func parts() throws {
        let path = scratch.appending("file")
        let bytes = (0..<10_000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let fs = POSIXFileSystem()
        #expect(try fs.read(path, from: 0, count: 10) == Array(bytes[0..<10]))
        #expect(try fs.read(path, from: 4_321, count: 1_000) == Array(bytes[4_321..<5_321]))
        #expect(try fs.read(path, from: 9_995, count: 10) == Array(bytes[9_995...]))
        #expect(try fs.read(path, from: 10_000, count: 10) == [])
        #expect(try fs.read(path, from: 20_000, count: 10) == [])
        #expect(try fs.read(scratch.appending("absent"), from: 0, count: 10) == nil)
    }

    @Test("a link or a FIFO in a file's place is refused, never read through, and the refusal names it")
    func notAFile() throws {
        let fs = POSIXFileSystem()
        let target = scratch.appending("target")
        try Data("someone else's".utf8).write(to: URL(fileURLWithPath: target))
        let link = scratch.appending("link")
        #expect(symlink(target, link) == 0)
        let fifo = scratch.appending("fifo")
        #expect(mkfifo(fifo, 0o600) == 0)
        for (path, kind) in [(link, FileStatus.Kind.symbolicLink), (fifo, .namedPipe)] {
            do {
                _ = try fs.read(path, from: 0, count: 4)
                Issue.record("\(kind.described) was read")
            } catch {
                #expect(error.found == kind, "\(error)")
            }
        }
    }
}
