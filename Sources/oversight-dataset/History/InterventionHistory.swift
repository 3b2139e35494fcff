import OversightDomain

/// Interventions from the public record (special measures 2013–2018, the Recovery Support
/// Programme 2021–2024): one per run of events in reference/intervention_events.csv.
enum InterventionHistory {
    static func build(_ reference: ReferenceTables, types: [InterventionType], organisations: [Organisation]) throws -> [Intervention] {
        let typesByID = Dictionary(types.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let orgsByCode = Dictionary(organisations.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        var order: [InterventionID] = []
        var rowsByID: [InterventionID: [InterventionEventRow]] = [:]
        for row in reference.interventionEvents {
            if rowsByID[row.intervention] == nil { order.append(row.intervention) }
            rowsByID[row.intervention, default: []].append(row)
        }
        return try order.map { id in
            try intervention(id, rows: rowsByID[id]!, typesByID: typesByID, orgsByCode: orgsByCode,
                             decisions: reference.publishedDecisions)
        }
    }

    static func intervention(_ id: InterventionID, rows: [InterventionEventRow], typesByID: [InterventionTypeID: InterventionType],
                             orgsByCode: [OrgCode: Organisation], decisions: [PublishedDecisionRow]) throws -> Intervention {
        let first = rows[0]
        let place = "intervention_events.csv, intervention \(id)"
        guard first.event == .entered || first.event == .reEntered || first.event == .recommended else {
            throw GeneratorError("\(place): the first event must be recommended, entered or re-entered, not \(first.event.rawValue)")
        }
        // A recommendation comes before the entry; with no entry on record the intervention was only proposed.
        let entry = rows.first { $0.event == .entered || $0.event == .reEntered }
        if entry == nil, let later = rows.dropFirst().first(where: { $0.event != .recommended }) {
            throw GeneratorError("\(place): it was never entered, so it cannot be \(later.event.rawValue)")
        }
        guard let appliedBy = first.appliedBy, let reason = first.reason, let exitCriteria = first.exitCriteria else {
            throw GeneratorError("\(place): the first event needs applied_by, reason and exit_criteria")
        }
        guard let type = typesByID[first.type] else {
            throw GeneratorError("\(place): unknown intervention type \(first.type); intervention-types.json lists \(typesByID.keys.sorted().map(\.rawValue).joined(separator: ", "))")
        }
        guard let org = orgsByCode[first.recordUnder] else {
            throw GeneratorError("\(place): record_under \(first.recordUnder) is not an organisation in the dataset; name the successor trust that is")
        }
        for row in rows where row.type != first.type || row.recordUnder != first.recordUnder || row.orgAtTime != first.orgAtTime {
            throw GeneratorError("\(place): every event must share the first one's type, org_at_time and record_under")
        }
        // An organisation that still exists keeps its own history; only one that has gone is filed under a successor.
        if first.orgAtTime != first.recordUnder.rawValue && orgsByCode[OrgCode(first.orgAtTime)] != nil {
            throw GeneratorError("\(place): \(first.orgAtTime) is still in the dataset, so record it under its own code")
        }

        let typeName = phrase(for: type.name)
        var events: [InterventionEvent] = []
        for (index, row) in rows.enumerated() {
            events.append(event(row, number: index + 1, of: id, typeName: typeName, currentName: org.name))
        }

        let exits = rows.filter { $0.event == .exited }
        var end: CalendarDate?
        var outcome: String?
        if entry == nil {
            // Proposed only: no end to record or infer.
        } else if let exit = exits.last {
            end = exit.date
            outcome = exit.note.map { "Left \(typeName): \($0)." } ?? "Left \(typeName)."
        } else if let (bound, why) = latestEnd(rows, type: type, typeName: typeName) {
            guard bound >= entry!.date else {
                throw GeneratorError("\(place): it starts \(entry!.date.display), after the latest it can have ended (\(bound.display))")
            }
            end = try CalendarDate(year: bound.year, month: bound.month, day: bound.day, approximate: true)
            outcome = "No exit is recorded in the source; \(why), so it had ended by then at the latest."
            events.append(InterventionEvent(
                id: InterventionEventID("\(id)-\(rows.count + 1)"), date: end!,
                text: "Exit not recorded; \(why).",
                provenance: Provenance(.unverified, note: "end date inferred: the latest this can have ended")))
        }
        let start = entry?.date ?? first.date
        if let end, end < start {
            throw GeneratorError("\(place): it ends \(end.display), before it starts (\(start.display))")
        }

        return Intervention(
            id: id, org: first.recordUnder, type: type.id, appliedBy: appliedBy, start: start, end: end,
            status: entry == nil ? .proposed : (end == nil ? .active : .closed), reason: reason, exitCriteria: exitCriteria, outcome: outcome,
            events: events, segmentDecision: segmentDecision(for: first.recordUnder, type: type.id, decisions: decisions),
            provenance: first.provenance)
    }

    static func event(_ row: InterventionEventRow, number: Int, of id: InterventionID, typeName: String, currentName: String) -> InterventionEvent {
        var provenance = row.provenance
        var text: String
        switch row.event {
        case .entered:
            let renamed = row.orgAtTime != row.recordUnder.rawValue || row.nameAtTime != currentName
            text = "Entered \(typeName)" + (renamed ? " as \(row.nameAtTime) (\(row.orgAtTime))" : "") + "."
        case .reEntered:
            text = "Returned to \(typeName)."
        case .recommended:
            text = "Recommended for \(typeName)."
        case .exited, .remained, .reported:
            let verb = row.event == .exited ? "Left \(typeName)" : (row.event == .remained ? "Still in \(typeName)" : "Reported")
            text = row.note.map { "\(verb): \($0)." } ?? "\(verb)."
            provenance.note = nil  // the note is the text
        }
        return InterventionEvent(id: InterventionEventID("\(id)-\(number)"), date: row.date, text: text, provenance: provenance)
    }

    /// With no exit on record: the end of the regime or of the organisation, whichever came first.
    static func latestEnd(_ rows: [InterventionEventRow], type: InterventionType, typeName: String) -> (CalendarDate, String)? {
        var candidates: [(CalendarDate, String)] = []
        if let regimeEnd = type.inUseTo {
            candidates.append((regimeEnd, "\(typeName) ended as a regime \(regimeEnd.when)"))
        }
        if let ended = rows.compactMap(\.orgEnded).min() {
            candidates.append((ended, "\(rows[0].nameAtTime) ceased to exist \(ended.when)"))
        }
        return candidates.min { $0.0 < $1.0 }
    }

    /// The published segment 4 that went with entry to the Recovery Support Programme.
    static func segmentDecision(for org: OrgCode, type: InterventionTypeID, decisions: [PublishedDecisionRow]) -> ScorecardID? {
        guard type == "recovery-support-programme" else { return nil }
        return decisions
            .filter { $0.org == org && $0.framework == "sof-2021-22" && $0.segment == 4 }
            .min { $0.period < $1.period }
            .map { ScorecardID(org: $0.org, framework: $0.framework, period: $0.period) }
    }

    /// "Quality special measures" reads "quality special measures" mid-sentence; a proper name keeps its capitals.
    static func phrase(for name: String) -> String {
        let words = name.split(separator: " ")
        guard words.count > 1, let second = words[1].first, second.isLowercase else { return "the " + name }
        return name.prefix(1).lowercased() + name.dropFirst()
    }
}

extension CalendarDate {
    /// "on 31 Mar 2025", "in Jul 2021", "in c. 2017".
    var when: String { (precision == .day ? "on " : "in ") + display }
}
