import ArgumentParser
import OversightDemo
import OversightDomain
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
        """
    )

    @OptionGroup var storeOptions: StoreOptionsGroup

    @Flag(name: .long, help: "Make a demonstration store: illustrative (made-up) scorecards on the real register.")
    var demo = false

    @Option(name: .long, help: ArgumentHelp("The demonstration's seed: the same seed gives the same store (default \(DemoGenerator.defaultSeed)).",
                                            valueName: "n"))
    var seed: UInt64?

    func validate() throws {
        if seed != nil && !demo {
            throw ValidationError("--seed only applies with --demo: the bundled dataset has nothing made up to seed.")
        }
    }

    func run() throws {
        let location = storeOptions.location()
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

    static func read(_ bundled: [UInt8]) throws -> Dataset {
        do {
            return try SnapshotCodec.dataset(in: bundled)
        } catch {
            throw CLIError("The bundled dataset does not read: \(error)")
        }
    }
}
