import Foundation
import OversightDemo
import OversightStore
import OversightTestSupport
import Testing

/// `oversight init --demo`: the opt-in demonstration store, made from the bundled register by the seeded
/// generator, saying plainly that its figures are made up, and never written over anything.
@Suite("oversight init --demo")
struct InitDemoTests {
    let scratch = ScratchDirectory("init-demo")

    func snapshot(_ store: String) -> Data? { FileManager.default.contents(atPath: store + "/snapshot.json") }

    @Test("makes a store that says its figures are made up, validates, and segments a whole quarter")
    func makesADemonstration() throws {
        let store = scratch.appending("demo")
        let made = try BuiltBinary.run(["init", "--demo", "--store", store, "--seed", "7"])
        #expect(made.status == 0, "stderr: \(made.stderr)")
        #expect(made.stdout.hasPrefix("Created a DEMONSTRATION store at \(store) (seed 7)."))
        #expect(made.stdout.contains("is made up") && made.stdout.contains("Do not take anything from it into a meeting"))

        let validated = try BuiltBinary.run(["validate", "--store", store])
        #expect(validated.status == 0 && validated.stdout.contains("valid"), "\(validated.stdout)\(validated.stderr)")

        let segmented = try BuiltBinary.run(["segment", "--store", store, "--period", "2025-26-Q1", "--format", "csv"])
        #expect(segmented.status == 0, "stderr: \(segmented.stderr)")
        let rows = segmented.stdout.split(separator: "\n")
        #expect(rows.first?.hasPrefix("org_code,") == true)
        #expect(rows.count > 195, "every trust segmented: \(rows.count - 1) rows")
        #expect(segmented.stderr.contains("Demonstration store:"), "the figures' being made up travels with them")
        #expect(!segmented.stderr.contains("note:"), "the method reports no problem with the demonstration")
    }

    @Test("the same seed gives the same bytes; the default seed is the published one")
    func reproducible() throws {
        let a = scratch.appending("a"), b = scratch.appending("b"), c = scratch.appending("c")
        for store in [a, b] { #expect(try BuiltBinary.run(["init", "--demo", "--store", store, "--seed", "42"]).status == 0) }
        #expect(try BuiltBinary.run(["init", "--demo", "--store", c]).status == 0)
        #expect(snapshot(a) != nil && snapshot(a) == snapshot(b))
        #expect(snapshot(c) != snapshot(a))
        #expect(snapshot(c) == Data(DemoStore.snapshotBytes(seed: DemoGenerator.defaultSeed)), "the CLI and the tests' demonstration are one")
    }

    @Test("never writes over an existing store")
    func neverOverwrites() throws {
        let store = scratch.appending("existing")
        #expect(try BuiltBinary.run(["init", "--store", store]).status == 0)
        let real = snapshot(store)
        let refused = try BuiltBinary.run(["init", "--demo", "--store", store])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("already exists"), "\(refused.stderr)")
        #expect(snapshot(store) == real)
        #expect(FileManager.default.contents(atPath: store + "/journal.jsonl")?.isEmpty == true, "nothing journalled either")
    }

    @Test("--seed without --demo is refused, and the real store is not called a demonstration")
    func seedNeedsDemo() throws {
        let store = scratch.appending("seeded")
        let refused = try BuiltBinary.run(["init", "--seed", "7", "--store", store])
        #expect(refused.status != 0 && refused.stderr.contains("--seed only applies with --demo"), "\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: store))

        #expect(try BuiltBinary.run(["init", "--store", store]).status == 0)
        // The bundled store has no NOF figures yet, so this segments nothing; what matters is what it does not say.
        let segmented = try BuiltBinary.run(["segment", "--store", store, "--period", "2025-26-Q1", "--format", "csv"])
        #expect(!segmented.stderr.contains("Demonstration"), "\(segmented.stderr)")
    }
}
