import OversightDomain
import OversightTestSupport
import Testing

@Suite("Edits and their inverses")
struct EditInverseTests {
    static let data = SampleDataset.make()
    static let now = Timestamp(secondsSince1970: 1_760_000_000)
    static let decision = SegmentDecision(segment: 4, basis: .set, computed: 3, rationale: "Agreed at the board",
                                          decidedBy: "secretary", date: .ymd(2025, 7, 15), provenance: .recorded)

    /// One of every kind of edit in the catalogue, each valid against the sample dataset.
    static let everyEdit: [Edit] = [
        .decideSegment(ScorecardID(org: SampleDataset.acute, framework: SampleDataset.nof, period: SampleDataset.q1), decision),
        .decideSegment(ScorecardID(org: SampleDataset.mentalHealth, framework: SampleDataset.nof, period: SampleDataset.q2), decision),
        .clearSegmentDecision(ScorecardID(org: SampleDataset.acute, framework: SampleDataset.sof, period: .quarter(2024, 4))),
        .addIntervention(Intervention(id: "int-new", org: SampleDataset.mentalHealth, type: "enforcement-undertakings",
                                      appliedBy: "NHS England", start: .ymd(2025, 6, 1), status: .active, reason: "Governance",
                                      exitCriteria: "Board review", provenance: .recorded)),
        .editIntervention({ var i = data.interventions[0]; i.reason = "Finances"; return i }()),
        .closeIntervention("int-RAA-rsp", end: .ymd(2025, 3, 31), outcome: "Exit criteria met"),
        .addInterventionEvent("int-RAA-rsp", InterventionEvent(id: "e2", date: .ymd(2024, 1, 10), text: "Review meeting", provenance: .recorded)),
        .addNote(SampleDataset.note()),
        .addAction(Action(id: "a-1", subject: .organisation(SampleDataset.acute), text: "Send recovery plan", owner: "Finance director",
                          due: .ymd(2025, 11, 1), created: now)),
        .importMetricValues(MetricImport(framework: SampleDataset.nof, period: SampleDataset.q2,
                                         readings: [MetricReading(org: SampleDataset.acute, metric: "rtt", value: .number(60)),
                                                    MetricReading(org: SampleDataset.mentalHealth, metric: "sick", value: .suppressed)],
                                         provenance: Provenance(.sourced, source: "import.csv"))),
    ]

    @Test("applying an edit's change and then its inverse restores the dataset exactly", arguments: everyEdit)
    func inverseRestores(edit: Edit) throws {
        let (after, change) = try edit.apply(to: Self.data)
        #expect(after != Self.data, "\(edit.name) changed nothing")
        #expect(after.isNormalised)
        let restored = try after.applying(change.inverted())
        #expect(restored == Self.data, "\(edit.name): undo did not restore the original")
        #expect(try restored.applying(change) == after, "\(edit.name): redo did not give the edited state")
    }

    @Test("edits on notes and actions that need an existing record invert too")
    func laterEditsInvert() throws {
        let (withNote, _) = try Edit.addNote(SampleDataset.note()).apply(to: Self.data)
        let (withAction, _) = try Edit.addAction(Action(id: "a-1", subject: .footprint(SampleDataset.ics), text: "Report back",
                                                        owner: "ICB", due: nil, created: Self.now)).apply(to: withNote)
        let update = ActionUpdate(id: "u-1", date: .ymd(2025, 10, 9), text: "Draft received", by: "secretary", recorded: Self.now)
        for edit in [Edit.editNote("n-1", text: "Revised", at: Self.now), .deleteNote("n-1"), .completeAction("a-1", on: .ymd(2025, 9, 1)),
                     .editAction("a-1", text: "Report back in writing", owner: "ICB chief executive", due: .ymd(2025, 12, 1), at: Self.now),
                     .addActionUpdate("a-1", update), .deleteAction("a-1")] {
            let (after, change) = try edit.apply(to: withAction)
            #expect(try after.applying(change.inverted()) == withAction, "\(edit.name) did not invert")
        }
    }

    @Test("a change refuses to apply when a record is not in its before state")
    func conflictDetected() throws {
        let (after, change) = try Edit.addNote(SampleDataset.note()).apply(to: Self.data)
        #expect(throws: ChangeConflict.self) { try after.applying(change) }
    }

    @Test("invalid edits are refused with the field to fix")
    func invalidEdits() {
        func field(_ edit: Edit) -> String? {
            do { _ = try edit.change(against: Self.data); return nil } catch { return error.field }
        }
        var bad = Self.decision
        bad.segment = 6
        #expect(field(.decideSegment(ScorecardID(org: SampleDataset.acute, framework: SampleDataset.nof, period: SampleDataset.q1), bad)) == "segment")
        bad.segment = 5
        #expect(field(.decideSegment(ScorecardID(org: SampleDataset.acute, framework: SampleDataset.nof, period: SampleDataset.q1), bad)) == "segment",
                "segment 5 needs a provider computed as segment 4")
        #expect(field(.addNote(SampleDataset.note(text: "bad \u{1B}[2J escape"))) == "text")
        #expect(field(.addNote(SampleDataset.note(text: String(repeating: "x", count: TextRules.longLimit + 1)))) == "text")
        #expect(field(.addNote(Note(id: "n-2", subject: .organisation("NOPE"), text: "x", author: "a", created: Self.now))) == "subject")
        #expect(field(.closeIntervention("int-RAA-rsp", end: .ymd(2020, 1, 1), outcome: "")) == "end")
        #expect(field(.importMetricValues(MetricImport(framework: SampleDataset.nof, period: SampleDataset.q1,
                                                       readings: [MetricReading(org: SampleDataset.acute, metric: "ae", value: .number(140))],
                                                       provenance: .recorded))) == "value")
    }
}
