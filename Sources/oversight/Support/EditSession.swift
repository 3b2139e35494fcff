import Foundation
import OversightDomain
import OversightStore

/// Opens the store for a scripted edit, commits, and says what was saved (or why not).
struct EditSession {
    let store: any RecordStore

    init(_ options: StoreOptionsGroup) throws {
        store = try options.location().open(options.storeOptions())
        for notice in store.notices { printError(notice) }
        if let reason = store.readOnlyReason {
            throw CLIError("Not saved: the store is read-only. \(reason.explanation)")
        }
    }

    /// Commits and prints "Saved: <label> (entry N)".
    func commit(_ edit: Edit) throws {
        do {
            let entry = try store.commit(edit)
            print("Saved: \(entry.label) (entry \(entry.seq)).")
        } catch {
            throw CLIError(error.description)
        }
        store.close(compacting: false)
    }
}

/// Cleans text from the command line the way the console does, and says when something went.
func cleanText(_ text: String, field: String, multiline: Bool = true) -> String {
    let result = TextSanitiser.clean(text, multiline: multiline)
    if result.removed > 0 {
        printError("Removed \(result.removed) control character\(result.removed == 1 ? "" : "s") or escape sequence\(result.removed == 1 ? "" : "s") from \(field).")
    }
    return result.text
}

/// A date as the console's forms take it: ISO (2026-12-15, or 2026-12, 2026 when only that is known) or
/// day first (15/12/2026).
func parseDate(_ text: String, field: String) throws -> CalendarDate {
    do {
        return try TypedDate.parse(text)
    } catch {
        switch error {
        case .malformed(let why): throw CLIError("\(field): \(why); type it as 2026-12-15 or 15/12/2026.")
        case .outOfRange(let what): throw CLIError("\(field): \(what) does not exist; type it as 2026-12-15 or 15/12/2026.")
        }
    }
}

func parsePeriod(_ text: String) throws -> Period {
    guard let period = Period.parse(text) else {
        throw CLIError("--period: “\(text)” is not a period; type it like 2025-26-Q1 (a quarter) or 2025-26 (a year).")
    }
    return period
}

/// A period something is to be recorded against: readable, in the framework's life, a quarter where the
/// framework decides quarterly (a year where it rates yearly), and no more than a quarter ahead of today.
func parsePeriod(_ text: String, for framework: Framework, today: CalendarDate) throws -> Period {
    let period = try parsePeriod(text)
    if let problem = framework.periodProblem(period, today: today) {
        throw CLIError("--period: \(problem). Nothing was saved.")
    }
    return period
}

/// An organisation by ODS code, case-insensitively, or a message naming near misses.
func requireOrganisation(_ code: String, in data: Dataset) throws -> Organisation {
    if let org = data.organisation(OrgCode(code.uppercased())) { return org }
    throw CLIError("No organisation with ODS code \(code).\(data.didYouMean(code))")
}
