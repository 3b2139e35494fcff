import OversightDomain

/// Edits that fit whatever dataset the benchmark runs on (the demonstration or a scaled sample):
/// notes, note edits, actions, segment decisions, cycling, and one 20-organisation metric import in
/// every 50 (an import's entry holds 40 full scorecard images, tens of KiB: a journal of nothing but
/// imports is not what a board secretary writes). Numbered so ids never clash; one that does not
/// fit the data becomes a note. `imports: false` gives the journal of a year of meetings: the same
/// mix without the imports.
enum BenchmarkEdits {
    static func make(_ n: Int, in data: Dataset, imports: Bool = true) -> Edit {
        let stamp = Timestamp(secondsSince1970: 1_750_000_000 + Int64(n))
        let org = data.organisations[(n * 7) % data.organisations.count].code
        let note = Edit.addNote(Note(id: NoteID("bench-n-\(n)"), subject: .organisation(org),
                                     text: "Benchmark note \(n): the board asked for a recovery plan.", author: "bench", created: stamp))
        let candidate: Edit?
        switch imports && n % 50 == 25 ? 5 : n % 5 {
        case 1:
            candidate = data.notes.isEmpty ? nil
                : .editNote(data.notes[(n * 13) % data.notes.count].id, text: "Edited note \(n)", at: stamp)
        case 2:
            candidate = .addAction(Action(id: ActionID("bench-a-\(n)"), subject: .organisation(org), text: "Action \(n)",
                                          owner: "Director of Finance", due: .ymd(2026, 1 + n % 12, 1), created: stamp))
        case 3:
            let open = data.actions.filter { $0.status == .open }
            candidate = open.isEmpty ? nil : .completeAction(open[(n * 5) % open.count].id, on: .ymd(2026, 2, 1 + n % 28))
        case 4:
            let decidable = data.scorecards.filter { data.framework($0.framework)?.segmentRange != nil }
            candidate = decidable.isEmpty ? nil : .decideSegment(decidable[(n * 11) % decidable.count].id, SegmentDecision(
                segment: 1 + n % 4, basis: .set, rationale: "Benchmark decision \(n)", decidedBy: "Regional support group",
                date: .ymd(2026, 3, 1 + n % 28), provenance: .recorded))
        case 5:
            candidate = importEdit(n, in: data)
        case 0:
            candidate = nil
        default:
            candidate = nil
        }
        if let candidate, (try? candidate.change(against: data)) != nil { return candidate }
        return note
    }

    /// One percentage metric for 20 organisations that already have a scorecard in that period.
    static func importEdit(_ n: Int, in data: Dataset) -> Edit? {
        for framework in data.frameworks {
            guard let metric = framework.metrics.first(where: { $0.unit == .percent }),
                  let period = data.scorecards.first(where: { $0.framework == framework.id })?.period else { continue }
            let orgs = data.scorecards.filter { $0.framework == framework.id && $0.period == period }.map(\.org).prefix(20)
            guard orgs.count > 1 else { continue }
            let readings = orgs.enumerated().map { i, org in
                MetricReading(org: org, metric: metric.id, value: .number(Double((n * 7 + i * 3) % 1000) / 10))
            }
            return .importMetricValues(MetricImport(framework: framework.id, period: period, readings: readings,
                                                    provenance: Provenance(.sourced, source: "benchmark import \(n)")))
        }
        return nil
    }
}
