import OversightDomain

extension Store {
    /// Works out the repair this store needs, from what open found and from every generation on
    /// disk. Changes nothing: open the store with `recover: false` so that opening did not either.
    public func planRepair() throws(StoreError) -> RepairPlan {
        if case .lockedByAnotherProcess = readOnlyReason { throw .readOnly(readOnlyReason!) }
        guard holdsLock else { throw .readOnly(readOnlyReason ?? .requested) }
        guard let damage else {
            if let tornTail {
                return RepairPlan(steps: [.cutTornTail(line: tornTail.line, offset: tornTail.offset, bytes: journal.size - tornTail.offset)],
                                  reason: "The journal ends in a line a crash cut short.")
            }
            return RepairPlan(steps: [], reason: "The store is whole; there is nothing to repair.")
        }
        switch damage {
        case .damagedJournal, .inconsistentJournal, .damagedSnapshot:
            break
        case .newerSchema, .invalidData, .syncFailed, .requested, .inspecting, .lockedByAnotherProcess, .closed, .notPermitted:
            throw .unreadable("Repair cannot fix this. \(damage.explanation)")
        }
        let survey = try RepairSurvey.read(layout, fs: fs)
        self.survey = survey
        let plain = try survey.replay(laterEntries: false)
        let offered = try survey.replay(laterEntries: true)
        var plan = RepairPlan(steps: [.rebuild(base: survey.baseName, baseSeq: survey.base.seq)], reason: damage.explanation)
        plan.broughtBack = plain.broughtBack
        plan.lost = offered.lost
        plan.replayable = offered.replayed.compactMap { seq in
            survey.entries[seq].map { RepairPlan.Offered(seq: seq, label: $0.entry.label, user: $0.entry.user) }
        }
        plan.notReplayable = offered.notReplayed
        plan.findings = survey.snapshotProblems.map { "Found: \($0)." } + survey.conflicts.map { "Found: \($0)." }
        plan.keptFiles = survey.files.map(\.name)
        plan.nextSeq = offered.loaded.lastSeq + 1
        plan.undoStartsAfresh = plain.undoWindowDropped || offered.undoWindowDropped
        return plan
    }

    /// Carries out a plan. Every file read is copied into quarantine/ before anything is cut or
    /// replaced. Afterwards the store is closed: open it again to use it.
    public func repair(_ plan: RepairPlan) throws(StoreError) {
        guard holdsLock else { throw .readOnly(readOnlyReason ?? .requested) }
        do throws(IOFailure) {
            for step in plan.steps {
                switch step {
                case .cutTornTail(_, let offset, _):
                    let bytes = try fs.read(layout.journal) ?? []
                    guard offset <= bytes.count, JournalScan.isTornWrite(bytes[offset...], maxRecordBytes: options.maxEntryBytes) else {
                        throw IOFailure(errno: 22, operation: "repair (the journal changed since the plan)", path: layout.journal)
                    }
                    try JournalFile.cutTornTail(bytes, at: offset, layout: layout, fs: fs)
                case .rebuild:
                    guard let survey else { throw IOFailure(errno: 22, operation: "repair (no plan was made)", path: layout.directory) }
                    let outcome: RepairSurvey.Outcome
                    do {
                        outcome = try survey.replay(laterEntries: plan.replayLater)
                    } catch {
                        throw IOFailure(errno: 22, operation: "repair (\(error))", path: layout.directory)
                    }
                    try Quarantine.keep(survey.files, folder: "repair", layout: layout, fs: fs)
                    try writeRebuilt(outcome.loaded)
                }
            }
        } catch {
            throw .writeFailed(error)
        }
        close(compacting: false)
    }

    /// Writes a recovered state as the new snapshot with an empty journal (`Compaction.install`).
    private func writeRebuilt(_ loaded: LoadedGeneration) throws(IOFailure) {
        var window = loaded.stacks
        window.trim(to: SnapshotPayload.undoWindowLimit)
        let entries = window.all.sorted().compactMap { try? loaded.undoable[$0]?.entry() }
        let kept = Set(entries.map(\.seq))
        let stacks = entries.count == window.all.count ? window : UndoStacks(undo: window.undo.filter(kept.contains), redo: window.redo.filter(kept.contains))
        let payload = SnapshotPayload(seq: loaded.lastSeq, data: loaded.dataset,
                                      history: UndoWindow(entries: entries, undo: stacks.undo, redo: stacks.redo),
                                      log: Array(loaded.log.all.suffix(SnapshotPayload.logLimit)))
        guard let bytes = try? SnapshotCodec.encode(payload) else {
            throw IOFailure(errno: 22, operation: "encode snapshot", path: layout.snapshot)
        }
        try Compaction(layout: layout, fs: fs, maxEntryBytes: options.maxEntryBytes).install(snapshot: bytes)
    }
}
