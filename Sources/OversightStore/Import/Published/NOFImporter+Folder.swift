import Foundation
import OversightDomain

extension NOFImporter {
    /// The files of a folder that are NHS England NOF data files or league tables, by their header (not their
    /// name), in the order an import should take them: data files before league tables, older releases (by
    /// the newest quarter they hold) before newer. The rest of the folder (a README, a catalogue of our own)
    /// is left out and named in `skipped`.
    public static func publishedFiles(inFolder folder: String) throws(NOFImportError) -> (files: [NOFFile], skipped: [String]) {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.lowercased().hasSuffix(".csv") }.sorted()
        } catch {
            throw NOFImportError(file: folder, "cannot list the folder: \(error.localizedDescription)")
        }
        var found: [(file: NOFFile, kind: PublishedRelease.Kind, newest: Period)] = []
        var skipped: [String] = []
        for name in names {
            let file = try NOFFile.load((folder as NSString).appendingPathComponent(name))
            guard let read = try? NOFReadFile(file, quarter: nil) else {
                skipped.append(name)
                continue
            }
            found.append((file, read.kind, read.newestQuarter))
        }
        found.sort { a, b in
            if a.kind != b.kind { return a.kind == .dataFile }
            if a.newest != b.newest { return a.newest < b.newest }
            return a.file.name < b.file.name
        }
        return (found.map(\.file), skipped)
    }
}
