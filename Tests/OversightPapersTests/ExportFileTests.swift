import Foundation
import OversightStore
import OversightTestSupport
import Testing

@Suite("Writing an export file: atomic, private, never over a file without being asked")
struct ExportFileTests {
    let scratch = ScratchDirectory("export-file")

    func mode(_ path: String) throws -> Int? { try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int }

    @Test("a new file is written whole with mode 0600 and no scratch file left beside it")
    func writesPrivately() throws {
        let path = scratch.appending("paper.md")
        try ExportFile.write(Array("hello\n".utf8), to: path, overwrite: false)
        #expect(FileManager.default.contents(atPath: path) == Data("hello\n".utf8))
        #expect(try mode(path) == 0o600)
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path) == ["paper.md"])
    }

    @Test("an existing file is kept unless overwrite is asked for, then replaced whole")
    func refusesOverwrite() throws {
        let path = scratch.appending("paper.md")
        try ExportFile.write(Array("first".utf8), to: path, overwrite: false)
        #expect(throws: ExportFile.Failure.self) { try ExportFile.write(Array("second".utf8), to: path, overwrite: false) }
        do {
            try ExportFile.write(Array("second".utf8), to: path, overwrite: false)
        } catch {
            #expect(error.message.contains("already exists") && error.alreadyExists, "the CLI adds --force to this, the console asks")
        }
        #expect(FileManager.default.contents(atPath: path) == Data("first".utf8))
        try ExportFile.write(Array("second".utf8), to: path, overwrite: true)
        #expect(FileManager.default.contents(atPath: path) == Data("second".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path) == ["paper.md"])
    }

    @Test("a missing folder, a directory, or a link in the way is refused with the reason, and nothing is written")
    func refusesBadPaths() throws {
        func message(_ path: String, overwrite: Bool = true) -> String? {
            do { try ExportFile.write([1], to: path, overwrite: overwrite); return nil } catch { return error.message }
        }
        #expect(message(scratch.appending("no/such/paper.md"))?.contains("does not exist") == true)
        try FileManager.default.createDirectory(atPath: scratch.appending("folder"), withIntermediateDirectories: false)
        #expect(message(scratch.appending("folder"))?.contains("a directory") == true)
        let target = scratch.appending("target.md")
        try Data("kept".utf8).write(to: URL(fileURLWithPath: target))
        try FileManager.default.createSymbolicLink(atPath: scratch.appending("link.md"), withDestinationPath: target)
        #expect(message(scratch.appending("link.md"))?.contains("symbolic link") == true)
        #expect(FileManager.default.contents(atPath: target) == Data("kept".utf8))
        #expect(message("relative.md")?.contains("full path") == true)
    }
}
