import Foundation
import OversightDomain
import OversightPostgres
import OversightTestSupport
import Testing

/// The command line on a team store, as a user runs it: `--store postgresql://…` and
/// `OVERSIGHT_STORE`, `init --from DIR`, `export-store`, and a region-limited role refused.
@Suite("oversight on a team store (PostgreSQL)",
       .enabled(if: PostgresTestServer.isAvailable, "needs PostgreSQL: set OVERSIGHT_TEST_PG_URL, or install it (scripts/pg-test-cluster install)"))
struct TeamStoreCommandTests {
    let scratch = ScratchDirectory("team-cli")

    func database() throws -> PostgresURL {
        let server = try PostgresURL(try PostgresTestServer.require().url)
        let url = server.with(database: "oversight_cli_" + UUID().uuidString.lowercased().replacing("-", with: ""))
        try PostgresDatabases.create(url.database, on: server)
        return url
    }

    func run(_ arguments: [String], _ environment: [String: String] = [:]) throws -> BuiltBinary.Result {
        try BuiltBinary.run(arguments, environment: environment.merging(["XDG_DATA_HOME": scratch.appending("xdg")]) { $1 })
    }

    @Test("a file store carried to PostgreSQL with init --from and back with export-store lists the same history; both kinds take edits")
    func roundTrip() throws {
        let files = scratch.appending("files")
        #expect(try run(["init", "--store", files]).status == 0)
        for text in ["Elective backlog discussed", "Recovery plan requested", "Finance update due"] {
            let added = try run(["note", "add", "--store", files, "--user", "secretary", "RGD", text])
            #expect(added.status == 0, "\(added.stderr)")
        }
        #expect(try run(["undo", "--store", files, "--user", "secretary"]).status == 0)

        let url = try database().description
        let made = try run(["init", "--store", url, "--from", files])
        #expect(made.status == 0, "\(made.stderr)")
        #expect(made.stdout.contains("Created a team store at") && made.stdout.contains("4 history entries"), "\(made.stdout)")
        let again = try run(["init", "--store", url])
        #expect(again.status != 0 && again.stderr.contains("already holds an oversight store"), "init never overwrites: \(again.stderr)")

        let fileHistory = try run(["history", "--store", files])
        let teamHistory = try run(["history"], ["OVERSIGHT_STORE": url])
        #expect(teamHistory.status == 0, "\(teamHistory.stderr)")
        #expect(teamHistory.stdout == fileHistory.stdout, "the same entries, as OVERSIGHT_STORE names the team store")

        let exported = scratch.appending("exported")
        let wrote = try run(["export-store", "--store", url, exported])
        #expect(wrote.status == 0, "\(wrote.stderr)")
        #expect(try run(["history", "--store", exported]).stdout == fileHistory.stdout)
        #expect(try run(["validate", "--store", exported]).status == 0)
        // Undo in the copy takes back the same action the original would.
        let undoCopy = try run(["undo", "--store", exported, "--user", "secretary"])
        let undoOriginal = try run(["undo", "--store", files, "--user", "secretary"])
        #expect(undoCopy.stdout == undoOriginal.stdout, "\(undoCopy.stdout) vs \(undoOriginal.stdout)")

        // The team store takes edits from the command line as any store does.
        let added = try run(["note", "add", "--store", url, "--user", "bob", "RGD", "Bob joins the team store"])
        #expect(added.status == 0 && added.stdout.contains("(entry 5)"), "\(added.stdout)\(added.stderr)")
    }

    @Test("a role limited to one region is refused, from the command line, a note on another region's trust, with nothing written")
    func regionRefused() throws {
        let admin = try database()
        #expect(try run(["init", "--store", admin.description]).status == 0)
        let data = DemoDataset.base
        guard let home = data.organisation(OrgCode("RGD")),
              let away = data.organisations.first(where: { $0.region != home.region && $0.isProvider && $0.closed == nil }) else {
            Issue.record("the bundled dataset should hold RGD and a trust in another region")
            return
        }
        let role = "team_" + UUID().uuidString.prefix(8).lowercased()
        try PostgresDatabases.run("CREATE ROLE \(role) LOGIN; GRANT oversight_writer TO \(role); "
            + "INSERT INTO oversight.write_regions VALUES ('\(role)', '\(home.region.rawValue)')", on: admin)
        let team = admin.with(user: role, password: nil).description

        let refused = try run(["note", "add", "--store", team, "--user", "northteam", away.code.rawValue, "Not ours to write"])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("refused this edit") && refused.stderr.contains("row-level security"), "\(refused.stderr)")
        let saved = try run(["note", "add", "--store", team, "--user", "northteam", "RGD", "Ours to write"])
        #expect(saved.status == 0 && saved.stdout.contains("(entry 1)"), "the refused edit used no number: \(saved.stdout)\(saved.stderr)")
    }
}

/// Several `oversight` processes writing to one team store at once, as a team's scripts and
/// secretaries do: every edit a process says it saved is in the journal, once; every other is
/// reported as not saved, with a reason; nothing else is written.
@Suite("oversight processes writing one team store at once",
       .enabled(if: PostgresTestServer.isAvailable, "needs PostgreSQL: set OVERSIGHT_TEST_PG_URL, or install it (scripts/pg-test-cluster install)"))
struct TeamStoreProcessesSlowTests {
    let scratch = ScratchDirectory("team-processes")

    @Test("four processes at a time, forty-eight commands, a third of them on one shared note: saved = journal")
    func processesAtOnce() throws {
        let server = try PostgresURL(try PostgresTestServer.require().url)
        let url = server.with(database: "oversight_procs_" + UUID().uuidString.lowercased().replacing("-", with: ""))
        try PostgresDatabases.create(url.database, on: server)
        let environment = ["XDG_DATA_HOME": scratch.appending("xdg")]
        #expect(try BuiltBinary.run(["init", "--store", url.description], environment: environment).status == 0)
        let first = try BuiltBinary.run(["note", "add", "--store", url.description, "--user", "setup", "RGD", "Shared note"], environment: environment)
        guard let sharedID = first.stdout.split(separator: "\n").first(where: { $0.hasPrefix("Note id: ") })?.dropFirst(9) else {
            Issue.record("no note id in \(first.stdout)")
            return
        }

        let results = try (0..<12).flatMap { batch in
            try (0..<4).map { process in
                let n = batch * 4 + process
                let arguments = n % 3 == 0
                    ? ["note", "edit", "--store", url.description, "--user", "p\(process)", String(sharedID), "Edited by command \(n)"]
                    : ["note", "add", "--store", url.description, "--user", "p\(process)", "RGD", "Command \(n)"]
                let child = Process()
                child.executableURL = URL(fileURLWithPath: BuiltBinary.path())
                child.arguments = arguments
                child.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
                let out = Pipe()
                let err = Pipe()
                child.standardOutput = out
                child.standardError = err
                try child.run()
                return (child, out, err)
            }.map { child, out, err in
                let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                child.waitUntilExit()
                return (status: child.terminationStatus, stdout: stdout, stderr: stderr)
            }
        }
        let saved = results.filter { $0.status == 0 && $0.stdout.contains("Saved:") }
        let refused = results.filter { $0.status != 0 }
        #expect(saved.count + refused.count == 48, "each command either said it saved or failed")
        for result in refused {
            #expect(result.stderr.contains("Not saved:"), "a refusal says why: \(result.stderr)")
        }
        let history = try BuiltBinary.run(["history", "--store", url.description, "--format", "csv"], environment: environment)
        let rows = history.stdout.split(separator: "\n").dropFirst()
        #expect(history.status == 0, "\(history.stderr)")
        #expect(rows.count == saved.count + 1, "journal entries (\(rows.count)) = commands that said saved (\(saved.count)) + the setup's")
    }
}
