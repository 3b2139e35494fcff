import OversightDomain

extension Store {
    /// Reads the records an open by the index left waiting (`StoreOptions.opening`: the other
    /// periods' scorecards, and the notes and actions), then checks the whole dataset as an open
    /// that reads everything does: any problem makes the store read-only, as it would have at open.
    /// Nothing is written before this has run, since writing goes through `dataset`. Returns the
    /// records it read (none once everything is read).
    @discardableResult
    public func finishOpening() -> [RecordKey] {
        guard var waiting = deferred else { return [] }
        deferred = nil
        let read: WaitingRecords.Read
        switch waiting.readAll() {
        case .success(let all):
            read = all
        case .failure(let failure):
            // What was read stays on screen, read-only: `repair` reads every generation afresh.
            let reason: ReadOnlyReason
            switch failure {
            case .unreadable: reason = .damagedSnapshot("\(failure). Run `oversight validate --store \(layout.directory)` for details.")
            case .conflict: reason = .inconsistentJournal(line: nil, offset: nil, detail: "\(failure)")
            }
            damage = damage ?? reason
            readOnlyReason = readOnlyReason ?? reason
            return []
        }
        read.add(to: &records)
        let problems = DatasetValidator.problems(in: records)
        if let first = problems.first {
            let reason = ReadOnlyReason.invalidData(count: problems.count, first: first.description)
            damage = damage ?? reason
            readOnlyReason = readOnlyReason ?? reason
        }
        if let notice = Store.illustrativeNotice(records), !notices.contains(notice) { notices.append(notice) }
        return read.keys
    }

    /// Whether records are still waiting to be read (`finishOpening`).
    public var isPartlyRead: Bool { deferred != nil }
}
