import OversightDomain

/// The snapshot as a store opens it, straight from the parsed tree. The register's small
/// collections (regions, footprints, frameworks …) go through the strict decoder; the collections a
/// store holds by the thousand (scorecards, organisations, notes, actions) have direct readers.
extension Direct {
    static func storedSnapshot(_ value: JSONValue) throws(DirectRefusal) -> StoredSnapshot {
        var fields = try DirectFields(value)
        let schemaVersion = try int(fields.required("schemaVersion"))
        let seq = try int(fields.required("seq"))
        let data = try dataset(fields.required("data"))
        let history = try undoWindow(fields.required("history"))
        let log = try fields.optional("log").map(array) ?? []
        try fields.finish()
        return StoredSnapshot(schemaVersion: schemaVersion, seq: seq, data: data, history: history, log: log)
    }

    static func undoWindow(_ value: JSONValue) throws(DirectRefusal) -> StoredSnapshot.Window {
        var fields = try DirectFields(value)
        let entries = try array(fields.required("entries"))
        let undo = try list(fields.required("undo"), int)
        let redo = try list(fields.required("redo"), int)
        try fields.finish()
        return StoredSnapshot.Window(entries: entries, undo: undo, redo: redo)
    }

    /// In file order, as `Dataset.init(from:)` keeps it (a validator names records by position).
    static func dataset(_ value: JSONValue) throws(DirectRefusal) -> Dataset {
        var fields = try DirectFields(value)
        var data = Dataset()
        data.regions = try decoded([Region].self, fields.required("regions"))
        data.footprints = try decoded([Footprint].self, fields.required("footprints"))
        data.organisations = try list(fields.required("organisations"), organisation)
        data.frameworks = try decoded([Framework].self, fields.required("frameworks"))
        data.interventionTypes = try decoded([InterventionType].self, fields.required("interventionTypes"))
        data.scorecards = try list(fields.required("scorecards"), scorecard)
        data.interventions = try decoded([Intervention].self, fields.required("interventions"))
        data.notes = try list(fields.required("notes"), note)
        data.actions = try list(fields.required("actions"), action)
        data.releases = try fields.optional("releases").map { (value) throws(DirectRefusal) in try decoded([PublishedRelease].self, value) } ?? []
        data.meetings = try fields.optional("meetings").map { (value) throws(DirectRefusal) in try decoded([Meeting].self, value) } ?? []
        try fields.finish()
        return data
    }
}

/// Where the strict decoder meets the direct readers: for the store's hot types it tries the direct
/// reader first, and only when that refuses does it take the `Decodable` route (which then finds the
/// problem and names it). A metatype comparison per call is all the dispatch costs.
enum DirectReading {
    static func read<T>(_ type: T.Type, _ value: JSONValue) -> T? {
        if T.self == Scorecard.self { return cast(try? Direct.scorecard(value)) }
        if T.self == JournalEntry.self { return cast(try? Direct.journalEntry(value)) }
        if T.self == [Scorecard].self { return cast(try? Direct.list(value, Direct.scorecard)) }
        if T.self == StoredSnapshot.self { return cast(try? Direct.storedSnapshot(value)) }
        if T.self == Dataset.self { return cast(try? Direct.dataset(value)) }
        if T.self == Record.self { return cast(try? Direct.record(value)) }
        if T.self == Note.self { return cast(try? Direct.note(value)) }
        if T.self == Action.self { return cast(try? Direct.action(value)) }
        if T.self == Organisation.self { return cast(try? Direct.organisation(value)) }
        return nil
    }

    /// The caller has checked that `U` is `T`.
    private static func cast<U, T>(_ value: U?) -> T? {
        guard let value else { return nil }
        return unsafeBitCast(value, to: T.self)
    }
}
