import Foundation
import OversightDomain
import OversightStore
import OversightTestSupport
import Testing

/// The chair's projector beside the secretary's laptop: two built consoles in tmux on one store. The
/// second, read-only because the first holds the store, shows the first's saves without a key pressed.
@Suite("A second console follows the first's saves", .serialized)
struct FollowingEndToEndSlowTests {
    let scratch = ScratchDirectory("following-e2e")
    let projectorScratch = ScratchDirectory("following-e2e-projector")
    var storePath: String { scratch.appending("store") }

    init() throws {
        try Store.create(storePath, snapshot: SnapshotCodec.encode(SnapshotPayload(seq: 0, data: SyntheticDataset.make(trusts: 30))))
    }

    func goToRAAB(_ console: ConsoleTmux) {
        console.press(":")
        console.type("RAAB")
        console.press("Enter")
        console.waitFor("Metric ID")
    }

    @Test("a note saved on the laptop appears on the projector, which says who saved it and stays read-only")
    func projectorFollowsLaptop() throws {
        let laptop = try ConsoleTmux(arguments: ["--store", storePath, "--user", "secretary"], scratch: scratch)
        defer { laptop.kill() }
        laptop.waitFor("Demonstration store: every scorecard in it is made up.")
        let projector = try ConsoleTmux(arguments: ["--store", storePath, "--user", "chair"], scratch: projectorScratch)
        defer { projector.kill() }
        projector.waitForWrapped("Demonstration store: every scorecard in it is made up.")
        goToRAAB(laptop)
        goToRAAB(projector)
        projector.waitFor("read-only · refreshed")

        laptop.press("n")
        laptop.waitFor("F2 or Ctrl-O saves")
        laptop.typeByHand("Chair asked for the recovery plan")
        laptop.press("F2")
        laptop.waitFor("Saved: Add note on RAAB")

        // No key is pressed on the projector: it looks at the store while idle.
        let screen = projector.waitFor("Updated by secretary: Add note on RAAB.")
        #expect(screen.contains("Chair asked for the recovery plan"))
        #expect(screen.contains("read-only · refreshed"))

        // A pause before the command, as a person makes: keys straight after a save are still typing.
        Thread.sleep(forTimeInterval: 1.2)
        laptop.press("u")
        projector.waitFor("Updated by secretary: undid Add note on RAAB.")
        #expect(!projector.screen.contains("Chair asked for the recovery plan"))
    }
}
