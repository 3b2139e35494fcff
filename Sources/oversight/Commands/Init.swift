import ArgumentParser
import OversightDemo
import OversightDomain
import OversightPostgres
import OversightStore

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a store from the bundled national dataset, or a demonstration store with --demo.",
        discussion: """
        Refuses to touch a directory that already holds files (unless they are what an init cut short \
        left); an empty directory given to it becomes the store and is made private (0700). --demo builds on the same register, frameworks \
        and public record, with made-up NOF 2025/26 scorecards and SOF 2021/22 segments from a seeded generator \
        in place of published figures: for trying the console, never for a meeting.

        With --store postgresql://…, creates a team store in that (existing) database: the schema, \
        its roles and row-level security (docs/team-store.md), and the bundled dataset, or with --from DIR \
        a file store's records, undo window and history, all in one transaction. A database that already \
        holds a store is refused.
        """
    )

    @OptionGroup var storeOptions: StoreOptionsGroup

    @Flag(name: .long, help: "Make a demonstration store: illustrative (made-up) scorecards on the real register.")
    var demo = false

    @Option(name: .long, help: ArgumentHelp("The demonstration's seed: the same seed gives the same store (default \(DemoGenerator.defaultSeed)).",
                                            valueName: "n"))
    var seed: UInt64?

    @Option(name: .long, help: ArgumentHelp("With a team store's URL: the file store to load into it (its records, undo window and history).",
                                            valueName: "dir"))
    var from: String?

    func validate() throws {
        if from != nil && demo {
            throw ValidationError("--from and --demo cannot go together: --from loads a store's own records.")
        }
        if seed != nil && !demo {
            throw ValidationError("--seed only applies with --demo: the bundled dataset has nothing made up to seed.")
        }
    }

    func run() throws {
        let location = storeOptions.location()
        if location.isTeamStore {
            try createTeamStore(location)
            return
        }
        if from != nil {
            throw CLIError("--from loads a file store into a team store: give --store postgresql://… as well (to copy a file store, copy its directory).")
        }
        let bundled = try BundledSnapshot.bytes()
        if demo {
            try createDemo(at: location.path, bundled: bundled, seed: seed ?? DemoGenerator.defaultSeed)
            return
        }
        do {
            try Store.create(location.path, snapshot: bundled)
        } catch {
            throw CLIError(error.description)
        }
        print("Created a store at \(location.path) from the bundled dataset.")
    }

    func createDemo(at path: String, bundled: [UInt8], seed: UInt64) throws {
        let dataset: Dataset
        do {
            dataset = try DemoGenerator.dataset(from: try Self.read(bundled), seed: seed)
        } catch {
            throw CLIError("The demonstration could not be made: \(error)")
        }
        do {
            try Store.create(path, snapshot: try SnapshotCodec.encode(SnapshotPayload(seq: 0, data: dataset)))
        } catch {
            throw CLIError("\(error)")
        }
        print(DemoSummary(dataset: dataset, seed: seed).text(path: path))
    }

    /// The team store: the schema and the data in one transaction (`PostgresStore.create`).
    func createTeamStore(_ location: StoreLocation) throws {
        let url = try location.teamURL()
        let payload: SnapshotPayload
        let what: String
        if let from {
            let store = try StoreLocation.given(from).openFiles(StoreOptions(readOnly: true), command: "--from")
            for notice in store.notices { printError(notice) }
            if let damage = store.damage { throw CLIError("--from \(from): \(damage.explanation)") }
            do {
                payload = try store.transferPayload()
            } catch {
                throw CLIError("--from \(from): \(error)")
            }
            store.close(compacting: false)
            what = "the file store at \(store.location) (\(payload.log.count) history entries, up to entry \(payload.seq))"
        } else if demo {
            let dataset = try DemoGenerator.dataset(from: try Self.read(try BundledSnapshot.bytes()), seed: seed ?? DemoGenerator.defaultSeed)
            payload = SnapshotPayload(seq: 0, data: dataset)
            what = "the demonstration dataset (illustrative scorecards; never for a meeting)"
        } else {
            payload = SnapshotPayload(seq: 0, data: try Self.read(try BundledSnapshot.bytes()))
            what = "the bundled dataset"
        }
        do {
            try PostgresStore.create(url, from: payload)
        } catch {
            throw CLIError(error.description)
        }
        print("Created a team store at \(url) from \(what).")
    }

    static func read(_ bundled: [UInt8]) throws -> Dataset {
        do {
            return try SnapshotCodec.dataset(in: bundled)
        } catch {
            throw CLIError("The bundled dataset does not read: \(error)")
        }
    }
}
