extension Edit {
    /// What this edit would do to `dataset`, after checking it: references resolve, text is clean
    /// and within its limits, dates are in order. Nothing invalid gets a change.
    public func change(against dataset: Dataset) throws(EditError) -> Change {
        let change: Change
        switch self {
        case .decideSegment(let id, let decision):
            try requireScorecardContext(id, in: dataset)
            try checkDecision(decision, for: id, in: dataset)
            try checkMeetingLink(decision.meeting, in: dataset)
            let before = dataset.scorecard(id)
            try refuseIfApproved(before?.decision?.meeting, in: dataset, what: "the decision it holds")
            var after = before ?? Scorecard(org: id.org, framework: id.framework, period: id.period, provenance: .recorded)
            // The decision replaced stays on the scorecard, listed, never overwritten.
            if let replaced = after.decision { after.earlierDecisions.append(replaced) }
            after.decision = decision
            change = Change([RecordChange(key: .scorecard(id), before: before.map(Record.scorecard), after: .scorecard(after))])

        case .clearSegmentDecision(let id):
            guard let before = dataset.scorecard(id), before.decision != nil else {
                throw EditError("\(id.org) has no segment decision for \(id.period.label) to clear")
            }
            try refuseIfApproved(before.decision?.meeting, in: dataset, what: "this decision")
            var after = before
            after.decision = nil
            change = Change([RecordChange(key: .scorecard(id), before: .scorecard(before), after: .scorecard(after))])

        case .addIntervention(let item):
            guard dataset.intervention(item.id) == nil else { throw EditError(field: "id", "an intervention \(item.id) already exists") }
            try checkIntervention(item, in: dataset)
            try checkMeetingLink(item.meeting, in: dataset)
            change = Change([RecordChange(key: .intervention(item.id), before: nil, after: .intervention(item))])

        case .editIntervention(let item):
            guard let before = dataset.intervention(item.id) else { throw EditError("no intervention \(item.id)") }
            guard before.org == item.org else { throw EditError(field: "org", "an intervention cannot move to another organisation") }
            try checkIntervention(item, in: dataset)
            guard before != item else { throw EditError("nothing was changed") }
            change = Change([RecordChange(key: .intervention(item.id), before: .intervention(before), after: .intervention(item))])

        case .closeIntervention(let id, let end, let outcome):
            guard let before = dataset.intervention(id) else { throw EditError("no intervention \(id)") }
            guard before.status != .closed else { throw EditError("this intervention is already closed") }
            var after = before
            after.end = end
            after.status = .closed
            after.outcome = outcome
            try checkIntervention(after, in: dataset)
            change = Change([RecordChange(key: .intervention(id), before: .intervention(before), after: .intervention(after))])

        case .addInterventionEvent(let id, let event):
            guard let before = dataset.intervention(id) else { throw EditError("no intervention \(id)") }
            guard !before.events.contains(where: { $0.id == event.id }) else { throw EditError("event \(event.id) is already logged") }
            try checkText(event.text, field: "text", multiline: true, limit: TextRules.longLimit, required: true)
            try checkMeetingLink(event.meeting, in: dataset)
            if let by = event.recordedBy { try checkText(by, field: "recordedBy", multiline: false, limit: TextRules.shortLimit) }
            if event.date < before.start { throw EditError(field: "date", "\(event.date.display) is before the intervention started (\(before.start.display))") }
            var after = before
            // The log stays in date order; events on the same day keep the order they were added.
            let position = after.events.lastIndex { $0.date.dayNumber <= event.date.dayNumber }.map { $0 + 1 } ?? 0
            after.events.insert(event, at: position)
            change = Change([RecordChange(key: .intervention(id), before: .intervention(before), after: .intervention(after))])

        case .addNote(let note):
            guard dataset.note(note.id) == nil else { throw EditError(field: "id", "a note \(note.id) already exists") }
            try checkSubject(note.subject, in: dataset)
            try checkMeetingLink(note.meeting, in: dataset)
            try checkText(note.text, field: "text", multiline: true, limit: TextRules.longLimit, required: true)
            try checkText(note.author, field: "author", multiline: false, limit: TextRules.shortLimit, required: true)
            change = Change([RecordChange(key: .note(note.id), before: nil, after: .note(note))])

        case .editNote(let id, let text, let at):
            guard let before = dataset.note(id) else { throw EditError("no note \(id)") }
            try refuseIfApproved(before.meeting, in: dataset, what: "this note")
            try checkText(text, field: "text", multiline: true, limit: TextRules.longLimit, required: true)
            guard text != before.text else { throw EditError(field: "text", "nothing was changed") }
            var after = before
            after.text = text
            after.edited = at
            change = Change([RecordChange(key: .note(id), before: .note(before), after: .note(after))])

        case .deleteNote(let id):
            guard let before = dataset.note(id) else { throw EditError("no note \(id)") }
            try refuseIfApproved(before.meeting, in: dataset, what: "this note")
            change = Change([RecordChange(key: .note(id), before: .note(before), after: nil)])

        case .addAction(let action):
            guard dataset.action(action.id) == nil else { throw EditError(field: "id", "an action \(action.id) already exists") }
            try checkSubject(action.subject, in: dataset)
            try checkMeetingLink(action.meeting, in: dataset)
            try checkText(action.text, field: "text", multiline: true, limit: TextRules.longLimit, required: true)
            try checkText(action.owner, field: "owner", multiline: false, limit: TextRules.shortLimit, required: true)
            guard action.status == .open else { throw EditError(field: "status", "a new action starts open") }
            try checkDue(action.due, made: action.created)
            change = Change([RecordChange(key: .action(action.id), before: nil, after: .action(action))])

        case .completeAction(let id, let on):
            guard let before = dataset.action(id) else { throw EditError("no action \(id)") }
            guard before.status == .open else { throw EditError("this action is already done") }
            var after = before
            after.status = .done
            after.completed = on
            change = Change([RecordChange(key: .action(id), before: .action(before), after: .action(after))])

        case .editAction(let id, let text, let owner, let due, let at):
            guard let before = dataset.action(id) else { throw EditError("no action \(id)") }
            try checkText(text, field: "text", multiline: true, limit: TextRules.longLimit, required: true)
            try checkText(owner, field: "owner", multiline: false, limit: TextRules.shortLimit, required: true)
            // An action already overdue keeps its date when only its owner or text changes.
            if due != before.due { try checkDue(due, made: at) }
            guard text != before.text || owner != before.owner || due != before.due else { throw EditError("nothing was changed") }
            var after = before
            after.text = text
            after.owner = owner
            after.due = due
            after.edited = at
            change = Change([RecordChange(key: .action(id), before: .action(before), after: .action(after))])

        case .addActionUpdate(let id, let update):
            guard let before = dataset.action(id) else { throw EditError("no action \(id)") }
            guard !before.updates.contains(where: { $0.id == update.id }) else { throw EditError("update \(update.id) is already recorded") }
            try checkText(update.text, field: "text", multiline: true, limit: TextRules.longLimit, required: true)
            try checkText(update.by, field: "by", multiline: false, limit: TextRules.shortLimit, required: true)
            if update.date.lastDayNumber < before.created.date.dayNumber {
                throw EditError(field: "date", "\(update.date.display) is before the action was agreed (\(before.created.date.display))")
            }
            if update.date.dayNumber > update.recorded.date.dayNumber {
                throw EditError(field: "date", "\(update.date.display) is after today (\(update.recorded.date.display)); progress is recorded once it is made")
            }
            var after = before
            let position = after.updates.lastIndex { $0.date.dayNumber <= update.date.dayNumber }.map { $0 + 1 } ?? 0
            after.updates.insert(update, at: position)
            change = Change([RecordChange(key: .action(id), before: .action(before), after: .action(after))])

        case .deleteAction(let id):
            guard let before = dataset.action(id) else { throw EditError("no action \(id)") }
            change = Change([RecordChange(key: .action(id), before: .action(before), after: nil)])

        case .importMetricValues(let batch):
            change = try importChange(batch, in: dataset)
        case .importPublished(let batch):
            change = try publishedChange(batch, in: dataset)
        case .addMeeting, .editMeeting, .deleteMeeting, .addAgendaItem, .addAgendaItems, .editAgendaItem, .moveAgendaItem,
             .removeAgendaItem, .approveMinutes, .amendMinutes:
            change = try meetingChange(in: dataset)
        }
        return change
    }

    /// Applies the edit and returns the new dataset with the change that was made.
    public func apply(to dataset: Dataset) throws(EditError) -> (Dataset, Change) {
        let change = try change(against: dataset)
        do {
            return (try dataset.applying(change), change)
        } catch {
            throw EditError("internal conflict: \(error)")
        }
    }

    // MARK: checks shared by several edits

    func checkText(_ text: String, field: String, multiline: Bool, limit: Int, required: Bool = false) throws(EditError) {
        if let problem = TextRules.problem(in: text, multiline: multiline, limit: limit, required: required) {
            throw EditError(field: field, problem)
        }
    }

    /// A due date set on `made` must not already have passed: an action due yesterday is a typing slip
    /// (a wrong year, say), and would show as overdue the moment it is saved.
    private func checkDue(_ due: CalendarDate?, made: Timestamp) throws(EditError) {
        guard let due, due.lastDayNumber < made.date.dayNumber else { return }
        throw EditError(field: "due", "\(due.display) has passed (today is \(made.date.display)); type a date from today on, or leave it blank")
    }

    private func checkSubject(_ subject: Subject, in dataset: Dataset) throws(EditError) {
        switch subject {
        case .organisation(let code) where dataset.organisation(code) == nil:
            throw EditError(field: "subject", "no organisation with ODS code \(code)")
        case .footprint(let id) where dataset.footprint(id) == nil:
            throw EditError(field: "subject", "no footprint \(id)")
        case .meeting(let name):
            try checkText(name, field: "subject", multiline: false, limit: TextRules.shortLimit, required: true)
        default: break
        }
    }

    private func requireScorecardContext(_ id: ScorecardID, in dataset: Dataset) throws(EditError) {
        guard dataset.organisation(id.org) != nil else { throw EditError(field: "org", "no organisation with ODS code \(id.org)") }
        guard dataset.framework(id.framework) != nil else { throw EditError(field: "framework", "no framework \(id.framework)") }
    }

    private func checkDecision(_ decision: SegmentDecision, for id: ScorecardID, in dataset: Dataset) throws(EditError) {
        guard let framework = dataset.framework(id.framework), let range = framework.segmentRange else {
            throw EditError(field: "segment", "\(id.framework) has no segments to decide")
        }
        guard range.contains(decision.segment) else {
            throw EditError(field: "segment", "\(framework.shortName) has segments \(range.lowerBound)–\(range.upperBound)")
        }
        if let only = framework.segmentation.decisionOnlySegment, decision.segment == only,
           let required = framework.segmentation.decisionOnlyRequires, let computed = decision.computed, computed != required {
            throw EditError(field: "segment", "segment \(only) can only be decided for a provider in segment \(required); this one is computed as \(computed)")
        }
        try checkText(decision.rationale, field: "rationale", multiline: true, limit: TextRules.longLimit, required: true)
        try checkText(decision.decidedBy, field: "decidedBy", multiline: false, limit: TextRules.shortLimit, required: true)
    }

    private func checkIntervention(_ item: Intervention, in dataset: Dataset) throws(EditError) {
        guard dataset.organisation(item.org) != nil else { throw EditError(field: "org", "no organisation with ODS code \(item.org)") }
        guard dataset.interventionType(item.type) != nil else { throw EditError(field: "type", "no intervention type \(item.type)") }
        try checkText(item.appliedBy, field: "appliedBy", multiline: false, limit: TextRules.shortLimit, required: true)
        try checkText(item.reason, field: "reason", multiline: true, limit: TextRules.longLimit, required: true)
        try checkText(item.exitCriteria, field: "exitCriteria", multiline: true, limit: TextRules.longLimit)
        if let outcome = item.outcome { try checkText(outcome, field: "outcome", multiline: true, limit: TextRules.longLimit) }
        if let end = item.end, end < item.start {
            throw EditError(field: "end", "\(end.display) is before the start (\(item.start.display))")
        }
        if item.status == .closed && item.end == nil { throw EditError(field: "end", "a closed intervention needs an end date") }
        if item.status != .closed && item.end != nil { throw EditError(field: "status", "an intervention with an end date must be closed") }
        if let link = item.segmentDecision, dataset.scorecard(link) == nil {
            throw EditError(field: "segmentDecision", "no scorecard \(link)")
        }
        for event in item.events {
            try checkText(event.text, field: "events", multiline: true, limit: TextRules.longLimit, required: true)
        }
    }

    private func importChange(_ batch: MetricImport, in dataset: Dataset) throws(EditError) -> Change {
        guard let framework = dataset.framework(batch.framework) else {
            throw EditError(field: "framework", "no framework \(batch.framework)")
        }
        guard !batch.readings.isEmpty else { throw EditError("the import holds no values") }
        var byOrg: [OrgCode: [MetricReading]] = [:]
        var seen: Set<String> = []
        for reading in batch.readings {
            guard dataset.organisation(reading.org) != nil else { throw EditError(field: "org", "no organisation with ODS code \(reading.org)") }
            guard let metric = framework.metric(reading.metric) else {
                throw EditError(field: "metric", "\(framework.shortName) has no metric \(reading.metric)")
            }
            if let number = reading.value.number, let problem = DatasetValidator.rangeProblem(number, unit: metric.unit) {
                throw EditError(field: "value", "\(reading.org) \(reading.metric): \(problem)")
            }
            guard seen.insert("\(reading.org)|\(reading.metric)").inserted else {
                throw EditError(field: "metric", "\(reading.org) \(reading.metric) appears twice")
            }
            byOrg[reading.org, default: []].append(reading)
        }
        var records: [RecordChange] = []
        for org in byOrg.keys.sorted() {
            let id = ScorecardID(org: org, framework: batch.framework, period: batch.period)
            let before = dataset.scorecard(id)
            var after = before ?? Scorecard(org: org, framework: batch.framework, period: batch.period, provenance: batch.provenance)
            for reading in byOrg[org]! { after.values[reading.metric] = reading.value }
            if after != before {
                records.append(RecordChange(key: .scorecard(id), before: before.map(Record.scorecard), after: .scorecard(after)))
            }
        }
        guard !records.isEmpty else { throw EditError("every value in the import is already in the store") }
        return Change(records)
    }
}
