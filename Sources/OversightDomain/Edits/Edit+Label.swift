extension Edit {
    /// What the edit does, in a board secretary's words: "Segment decision for RX1 (NOF 2025/26, 2025/26 Q1): 3".
    public func label(in dataset: Dataset) -> String {
        func frameworkName(_ id: FrameworkID) -> String { dataset.framework(id)?.shortName ?? id.rawValue }
        func interventionName(_ id: InterventionID) -> String {
            guard let item = dataset.intervention(id) else { return "intervention \(id)" }
            let type = dataset.interventionType(item.type)?.name ?? item.type.rawValue
            return "\(type) for \(item.org)"
        }
        func actionName(_ id: ActionID) -> String {
            dataset.action(id).map { "for \($0.owner) on \(Edit.subjectLabel($0.subject))" } ?? id.rawValue
        }
        switch self {
        case .decideSegment(let id, let decision):
            return "Segment decision for \(id.org) (\(frameworkName(id.framework)), \(id.period.label)): \(decision.segment)"
        case .clearSegmentDecision(let id):
            return "Clear segment decision for \(id.org) (\(frameworkName(id.framework)), \(id.period.label))"
        case .addIntervention(let item):
            let type = dataset.interventionType(item.type)?.name ?? item.type.rawValue
            return "Add intervention: \(type) for \(item.org)"
        case .editIntervention(let item): return "Edit intervention: \(interventionName(item.id))"
        case .closeIntervention(let id, let end, _): return "Close intervention: \(interventionName(id)) on \(end.display)"
        case .addInterventionEvent(let id, let event): return "Log event on \(interventionName(id)), \(event.date.display)"
        case .addNote(let note): return "Add note on \(Edit.subjectLabel(note.subject))"
        case .editNote(let id, _, _): return "Edit note on \(dataset.note(id).map { Edit.subjectLabel($0.subject) } ?? id.rawValue)"
        case .deleteNote(let id): return "Delete note on \(dataset.note(id).map { Edit.subjectLabel($0.subject) } ?? id.rawValue)"
        case .addAction(let action): return "Add action for \(action.owner) on \(Edit.subjectLabel(action.subject))"
        case .completeAction(let id, _): return "Complete action \(dataset.action(id).map { "for \($0.owner) on \(Edit.subjectLabel($0.subject))" } ?? id.rawValue)"
        case .editAction(let id, _, _, _, _): return "Change action \(actionName(id))"
        case .addActionUpdate(let id, let update): return "Progress on action \(actionName(id)), \(update.date.display)"
        case .deleteAction(let id): return "Delete action \(actionName(id))"
        case .importMetricValues(let batch):
            let orgs = Set(batch.readings.map(\.org)).count
            return "Import \(batch.readings.count) metric values for \(orgs) organisations (\(frameworkName(batch.framework)), \(batch.period.label))"
        case .importPublished(let batch):
            let files = batch.releases.map(\.label).joined(separator: "; ")
            let trusts = Set(batch.scorecards.map(\.org)).count
            let added = batch.releases.flatMap(\.addedOrganisations).count
            return "Import published \(batch.releases.map { frameworkName($0.framework) }.first ?? "") figures: \(files); "
                + "\(trusts) trusts, \(batch.scorecards.count) trust-quarters" + (added > 0 ? ", \(added) trusts added to the register" : "")
        case .addMeeting, .editMeeting, .deleteMeeting, .addAgendaItem, .addAgendaItems, .editAgendaItem, .moveAgendaItem,
             .removeAgendaItem, .approveMinutes, .amendMinutes:
            return meetingLabel(in: dataset)
        }
    }

    static func subjectLabel(_ subject: Subject) -> String {
        switch subject {
        case .organisation(let code): return code.rawValue
        case .footprint(let id): return "footprint \(id)"
        case .meeting(let name): return "meeting \(name)"
        }
    }
}
