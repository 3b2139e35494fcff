import OversightDomain

/// Edits of every kind in the domain's catalogue, made to fit the sample dataset as it stands
/// (a note to edit must exist, an action to complete must be open), numbered so ids never clash.
public enum SampleEdits {
    public enum Kind: String, CaseIterable, Sendable {
        case addNote, editNote, deleteNote, addAction, completeAction, decideSegment, clearDecision
        case addIntervention, logEvent, closeIntervention, editIntervention, importValues
    }

    static let recorded = Provenance.recorded

    /// An edit of `kind` that is valid against `dataset`, or nil when the dataset has nothing to apply it to.
    public static func make(_ kind: Kind, number n: Int, in dataset: Dataset, longText: Bool = false) -> Edit? {
        let stamp = Timestamp(secondsSince1970: 1_750_000_000 + Int64(n))
        let edit: Edit
        switch kind {
        case .addNote:
            let subject: Subject = [.organisation(SampleDataset.acute), .organisation(SampleDataset.mentalHealth),
                                    .footprint(SampleDataset.ics), .meeting("2025-07-15 regional board")][n % 4]
            var text = "Note \(n): discussed elective recovery and the winter plan."
            if longText { text += "\n" + String(repeating: "Board minute paragraph \(n). ", count: 120) }
            edit = .addNote(Note(id: NoteID("n-\(n)"), subject: subject, text: text, author: "secretary", created: stamp))
        case .editNote:
            guard let note = pick(dataset.notes, n) else { return nil }
            edit = .editNote(note.id, text: "Note edited (\(n)): the board asked for an update in a month.", at: stamp)
        case .deleteNote:
            guard let note = pick(dataset.notes, n) else { return nil }
            edit = .deleteNote(note.id)
        case .addAction:
            let subject: Subject = n % 2 == 0 ? .organisation(SampleDataset.acute) : .organisation(SampleDataset.icb)
            edit = .addAction(Action(id: ActionID("a-\(n)"), subject: subject, text: "Action \(n): bring the recovery plan back",
                                     owner: "Director of Finance", due: .ymd(2025, 1 + n % 12, 1 + n % 28), created: stamp))
        case .completeAction:
            guard let action = pick(dataset.actions.filter { $0.status == .open }, n) else { return nil }
            edit = .completeAction(action.id, on: .ymd(2025, 9, 1 + n % 28))
        case .decideSegment:
            let cards = [ScorecardID(org: SampleDataset.acute, framework: SampleDataset.sof, period: .quarter(2024, 4)),
                         ScorecardID(org: SampleDataset.mentalHealth, framework: SampleDataset.nof, period: SampleDataset.q1),
                         ScorecardID(org: SampleDataset.acute, framework: SampleDataset.nof, period: SampleDataset.q2)]
            edit = .decideSegment(cards[n % cards.count],
                                  SegmentDecision(segment: 1 + n % 4, basis: .set, rationale: "Decision \(n): agreed at the board",
                                                  decidedBy: "Regional support group", date: .ymd(2025, 6, 1 + n % 28), provenance: recorded))
        case .clearDecision:
            guard let card = pick(dataset.scorecards.filter { $0.decision != nil }, n) else { return nil }
            edit = .clearSegmentDecision(card.id)
        case .addIntervention:
            let org = n % 2 == 0 ? SampleDataset.acute : SampleDataset.mentalHealth
            edit = .addIntervention(Intervention(id: InterventionID("int-\(n)"), org: org, type: "enforcement-undertakings",
                                                 appliedBy: "NHS England", start: .ymd(2024, 1 + n % 12, 1), status: .active,
                                                 reason: "Undertakings \(n) on finances", exitCriteria: "Plan \(n) delivered",
                                                 provenance: recorded))
        case .logEvent:
            guard let item = pick(dataset.interventions.filter(\.isOpen), n) else { return nil }
            edit = .addInterventionEvent(item.id, InterventionEvent(id: InterventionEventID("e-\(n)"), date: item.start,
                                                                    text: "Review meeting \(n)", provenance: recorded))
        case .closeIntervention:
            guard let item = pick(dataset.interventions.filter(\.isOpen), n) else { return nil }
            edit = .closeIntervention(item.id, end: .ymd(2025, 8, 1 + n % 28), outcome: "Exit criteria met (\(n))")
        case .editIntervention:
            guard var item = pick(dataset.interventions.filter(\.isOpen), n) else { return nil }
            item.exitCriteria = "Revised exit criteria \(n)"
            edit = .editIntervention(item)
        case .importValues:
            // One import touching several scorecards: all or nothing.
            let period = n % 2 == 0 ? SampleDataset.q2 : Period.quarter(2025, 3)
            let value = Double(n % 997) / 10
            edit = .importMetricValues(MetricImport(framework: SampleDataset.nof, period: period, readings: [
                MetricReading(org: SampleDataset.acute, metric: "ae", value: .number(value)),
                MetricReading(org: SampleDataset.acute, metric: "sick", value: .number(value / 20)),
                MetricReading(org: SampleDataset.mentalHealth, metric: "sick", value: .number(value / 25)),
                MetricReading(org: SampleDataset.icb, metric: "sick", value: .number(value / 30)),
            ], provenance: Provenance(.sourced, source: "import \(n)")))
        }
        return (try? edit.change(against: dataset)) != nil ? edit : nil
    }

    /// An edit of `kind` if it fits, else a new note (which always fits).
    public static func fitting(_ kind: Kind, number n: Int, in dataset: Dataset, longText: Bool = false) -> Edit {
        make(kind, number: n, in: dataset, longText: longText) ?? make(.addNote, number: n, in: dataset, longText: longText)!
    }

    private static func pick<T>(_ items: [T], _ n: Int) -> T? {
        items.isEmpty ? nil : items[(n * 7 + 3) % items.count]
    }
}
