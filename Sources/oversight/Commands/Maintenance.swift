import ArgumentParser
import Foundation
import OversightStore

struct Compact: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compact",
        abstract: "Fold the journal into a new snapshot (also done automatically); undo still reaches back."
    )

    @OptionGroup var storeOptions: StoreOptionsGroup

    func run() throws {
        // Compaction is the file store's own (a snapshot and a journal), so this opens the files, not any `RecordStore`.
        let store = try storeOptions.location().openFiles(storeOptions.storeOptions(), command: "compact")
        for notice in store.notices { printError(notice) }
        if let reason = store.readOnlyReason {
            throw CLIError("Not saved: the store is read-only. \(reason.explanation)")
        }
        do {
            try store.compact()
        } catch {
            throw CLIError("\(error)")
        }
        store.close(compacting: false)
        print("Compacted: the snapshot now holds every entry up to \(store.lastSeq); the previous generation is in backups/.")
    }
}

struct Repair: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repair",
        abstract: "Set damaged parts of a store aside in quarantine/ so that it opens for editing again.",
        discussion: """
        Reads every generation the store holds (snapshot.json, journal.jsonl, backups/) and explains, \
        before changing anything, which entries it brings back, which it cannot and why, and which \
        later entries it can replay; it asks first. Nothing is deleted: every file it reads is kept \
        in quarantine/.
        """
    )

    @OptionGroup var storeOptions: StoreOptionsGroup

    @Flag(help: "Do it without asking (and replay what can be replayed).")
    var yes = false

    func run() throws {
        let location = storeOptions.location()
        // The lock, so that nothing else writes while it looks; no tidying, so nothing changes before the answer.
        var options = storeOptions.storeOptions()
        options.recover = false
        let store = try location.openFiles(options, command: "repair")
        var plan: RepairPlan
        do {
            plan = try store.planRepair()
        } catch {
            throw CLIError("\(error)")
        }
        guard !plan.isEmpty else {
            print(plan.reason)
            return
        }
        print("\(location.path): \(plan.reason)")
        print("Repair will:")
        for line in plan.description { print("  - \(line)") }
        if !plan.replayable.isEmpty {
            let entries = RepairPlan.ranges(plan.replayable.map(\.seq))
            plan.replayLater = yes || ask("Replay entr\(plan.replayable.count == 1 ? "y" : "ies") \(entries) as well (answer no to set \(plan.replayable.count == 1 ? "it" : "them") aside in quarantine/)?")
        }
        if !yes {
            guard ask("Go ahead?") else {
                print("Nothing was changed.")
                throw ExitCode(1)
            }
        }
        do {
            try store.repair(plan)
        } catch {
            throw CLIError("Repair failed: \(error). The store may be as before; run `oversight validate`.")
        }
        let reopened = try location.open(storeOptions.storeOptions(readOnly: true))
        if let damage = reopened.damage {
            throw CLIError("Repaired, but the store is still not whole: \(damage.explanation)")
        }
        let setAside = plan.lost.count + plan.notReplayable.count + (plan.replayLater ? 0 : plan.replayable.count)
        print("Repaired. The store opens for editing at entry \(reopened.lastSeq)"
            + (setAside > 0 ? "; \(setAside) entr\(setAside == 1 ? "y was" : "ies were") not brought back (listed above)" : "")
            + ". Everything it read or set aside is in \(location.path)/quarantine/.")
    }
}
