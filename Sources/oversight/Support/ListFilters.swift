import ArgumentParser
import OversightDomain
import OversightStore

/// The filters every list takes: which organisation, which dates, and how to write the list.
struct ListFilters: ParsableArguments {
    @Option(help: ArgumentHelp("Only what is about this organisation (ODS code).", valueName: "code"))
    var org: String?

    @Option(help: ArgumentHelp("Only from this day on (2026-12-15 or 15/12/2026).", valueName: "date"))
    var since: String?

    @Option(help: ArgumentHelp("Only up to and including this day.", valueName: "date"))
    var until: String?

    @Option(help: "table (for reading), csv (one table with a header row) or json (numbers as numbers).")
    var format: ListFormat = .table

    /// The days asked for, checked: a day that cannot be read, or an until before the since, is refused.
    func days() throws -> ClosedRange<Int> {
        let from = try since.map { try parseDate($0, field: "--since") }
        let to = try until.map { try parseDate($0, field: "--until") }
        if let from, let to, to.lastDayNumber < from.dayNumber {
            throw CLIError("--until \(to.display) is before --since \(from.display); give the earlier day to --since.")
        }
        return (from?.dayNumber ?? Int.min)...(to?.lastDayNumber ?? Int.max)
    }

    /// The organisation asked for, checked against the store (a code it lacks is refused, with near misses).
    func organisation(in data: Dataset) throws -> OrgCode? {
        try org.map { try requireOrganisation($0, in: data).code }
    }

    /// Opens the store to read, printing what recovery said.
    func open(_ options: StoreOptionsGroup) throws -> any RecordStore {
        let store = try options.location().open(options.storeOptions(readOnly: true))
        for notice in store.notices { printError(notice) }
        return store
    }
}

/// A subject's code and its name, for the two columns every list has about what a record is about.
func subjectColumns(_ subject: Subject, in data: Dataset) -> [ListReport.Value] {
    switch subject {
    case .organisation(let code): return [.text(code.rawValue), data.organisation(code).map { .text($0.name) } ?? .none]
    case .footprint(let id): return [.text("footprint:" + id.rawValue), data.footprint(id).map { .text($0.name) } ?? .none]
    case .meeting(let name): return [.text("meeting:" + name), .text(name)]
    }
}

/// Whether a subject is the organisation asked for (a footprint's note is not any one member's).
func subject(_ subject: Subject, is org: OrgCode?) -> Bool {
    guard let org else { return true }
    if case .organisation(let code) = subject { return code == org }
    return false
}

/// Says on stderr that nothing matched, so that an empty CSV or JSON is not taken for a fault.
func sayWhenEmpty(_ report: ListReport, _ what: String) {
    if report.rows.isEmpty { printError("No \(what) match.") }
}
