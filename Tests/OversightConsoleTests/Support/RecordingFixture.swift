import OversightConsole
import OversightTerminal
import OversightDomain
import OversightStore
import OversightTestSupport

/// A meeting's worth of recording for the history, actions and notes screens: a decision, a note
/// undone and redone, an action, with fixed times, built through the domain's own edits.
enum RecordingFixture {
    static let actions = [
        Action(id: "a-1", subject: .organisation("RAAB"), text: "Send the recovery plan to the regional team", owner: "Chief executive",
               due: .ymd(2026, 11, 1), created: Timestamp(secondsSince1970: 1_790_000_000)),
        Action(id: "a-2", subject: .organisation("RAAA"), text: "Report on agency spend at the next meeting", owner: "Finance director",
               due: .ymd(2026, 12, 15), created: Timestamp(secondsSince1970: 1_790_000_000)),
        Action(id: "a-3", subject: .footprint("Q00"), text: "Agree the system recovery plan", owner: "ICB chief executive",
               due: .ymd(2026, 10, 1), status: .done, created: Timestamp(secondsSince1970: 1_780_000_000), completed: .ymd(2026, 9, 30)),
    ]

    static var dataset: Dataset {
        var data = ConsoleFixture.dataset
        data.actions = actions
        return data
    }

    /// The journal's summaries after: decide RAAA, add a note on RAAB, undo it, redo it, add an action.
    static var history: HistoryPage { HistoryPage(items, in: dataset) }

    static var items: [HistoryItem] {
        var data = ConsoleFixture.dataset
        var items: [HistoryItem] = []
        var seq = 0
        let start: Int64 = 1_795_170_000
        func entry(_ kind: JournalEntry.Kind, of: Int? = nil, _ edit: Edit, user: String = "secretary") {
            let change = try! edit.change(against: data)
            seq += 1
            let applied = kind == .undo ? change.inverted() : change
            items.append(HistoryItem(JournalEntry(seq: seq, ts: Timestamp(secondsSince1970: start + Int64(seq) * 60), user: user, kind: kind,
                                                  of: of, cmd: edit.name, label: edit.label(in: data), change: applied)))
            data = try! data.applying(applied)
        }
        let id = ScorecardID(org: "RAAA", framework: SyntheticDataset.framework, period: .quarter(2026, 2))
        entry(.do, .decideSegment(id, SegmentDecision(segment: 4, basis: .set, computed: 3, rationale: "Finances worse than the metrics show",
                                                      decidedBy: "Regional board", date: .ymd(2026, 11, 20), provenance: .recorded)))
        let note = Note(id: "n-1", subject: .organisation("RAAB"), text: "Elective recovery discussed", author: "secretary",
                        created: Timestamp(secondsSince1970: start))
        entry(.do, .addNote(note))
        let added = try! Edit.addNote(note).change(against: ConsoleFixture.dataset)
        seq += 1
        items.append(HistoryItem(JournalEntry(seq: seq, ts: Timestamp(secondsSince1970: start + Int64(seq) * 60), user: "secretary",
                                              kind: .undo, of: 2, cmd: "note.add", label: "Add note on RAAB", change: added.inverted())))
        seq += 1
        items.append(HistoryItem(JournalEntry(seq: seq, ts: Timestamp(secondsSince1970: start + Int64(seq) * 60), user: "chair",
                                              kind: .redo, of: 2, cmd: "note.add", label: "Add note on RAAB", change: added)))
        entry(.do, .addAction(actions[0]))
        return items
    }

    static func state(_ size: Size = Size(width: 80, height: 24)) -> AppState {
        AppState(dataset: dataset, today: ConsoleFixture.today, size: size, history: history, recorder: ConsoleFixture.recorder).fulfilled()
    }
}
