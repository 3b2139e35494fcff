import ArgumentParser
import Foundation
import OversightStore

struct Compact: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Fold the journal into a new snapshot (also done automatically); undo still reaches back."
    )

    @OptionGroup var storeOptions: StoreOptionsGroup

    func run() throws {
        let session = try EditSession(storeOptions)
        do {
            try session.store.compact()
        } catch {
            throw CLIError("\(error)")
        }
        session.store.close(compacting: false)
        print("Compacted: the snapshot now holds every entry up to \(session.store.lastSeq); the previous generation is in backups/.")
    }
}

struct Repair: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Set damaged parts of a store aside in quarantine/ so that it opens for editing again.",
        discussion: "Explains what it will do and asks first. Nothing is deleted: removed bytes go to quarantine/."
    )

    @OptionGroup var storeOptions: StoreOptionsGroup

    @Flag(help: "Do it without asking.")
    var yes = false

    func run() throws {
        let location = storeOptions.location()
        let store = try location.open(storeOptions.storeOptions())
        let plan: RepairPlan
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
        if !yes {
            FileHandle.standardOutput.write(Data("Go ahead? [y/N] ".utf8))
            let answer = readLine()?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
            guard answer == "y" || answer == "yes" else {
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
        print("Repaired. The store opens for editing; what was set aside is in \(location.path)/quarantine/.")
    }
}
