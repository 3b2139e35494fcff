import Foundation
import OversightDomain
import Testing
@testable import OversightStore

/// The direct readers stand in for `Decodable` on the store's hot types, so they must never accept
/// what the `Decodable` route refuses or reports, and must read what they accept to the same value.
/// Each record is written as the store writes it and then broken every way a file could be (each
/// field removed, set to null, given another type or an odd value, an unknown field added); for
/// every variant the two routes are compared.
@Suite("Direct readers agree with the strict Decodable route")
struct DirectReaderAgreementTests {
    private static let illustrative = JSONSampleDataset.illustrative

    /// A scorecard with every optional part filled in, and every kind of metric value.
    static var fullScorecard: Scorecard {
        let link = MeetingLink(meeting: "m-2025-07-15", item: "item-3")
        let decision = SegmentDecision(segment: 3, basis: .set, computed: 2, rationale: "Override", decidedBy: "Board",
                                       date: .ymd(2025, 7, 15), provenance: .recorded, meeting: link)
        let earlier = SegmentDecision(segment: 2, basis: .confirmed, rationale: "As computed", decidedBy: "Board",
                                      date: .ymd(2025, 6, 1), provenance: .recorded)
        let published = PublishedAssessment(
            release: "nof-2025-26-abc", earlierReleases: ["nof-2025-26-old"], trustType: "Acute trust",
            trustSubtype: "Acute - Teaching", region: "North West",
            rows: ["OF0023": PublishedRow(value: 72.5, unit: "percent", reportingDate: "Q1 2025/26", median: 70,
                                          lowerQuartile: 65.25, upperQuartile: 75, rank: 12, line: 40),
                   "OF5000": PublishedRow(value: nil, unit: "segment", reportingDate: "Q1", line: 41)],
            league: PublishedLeagueLine(release: "nof-2025-26-lt", averageScore: 2.1, averageScoreRange: "1.9 to 2.3",
                                        segment: 2, inDeficit: false, rank: 7, rankRange: "5 to 9", line: 8))
        return Scorecard(org: "R0A", framework: "nof-2025-26", period: .quarter(2025, 1),
                         values: ["OF0023": .number(72.35), "OF0050": .missing, "OF0060": .suppressed,
                                  "OF0070": .notApplicable, "OF0080": .count(3)],
                         themeRatings: ["access": "good"], rating: "amber",
                         finance: FinancialPosition(reportsDeficit: true, receivesDeficitSupport: false,
                                                    controlTotalAgreed: true, plannedDeficit: false),
                         decision: decision, earlierDecisions: [earlier], published: published,
                         provenance: Provenance(.sourced, source: "NHS England", note: "as published", derivation: "none"))
    }

    static var fullNote: Note {
        Note(id: "n-2", subject: .footprint("QOP"), text: "Asked for a plan", author: "Secretary",
             created: Timestamp(secondsSince1970: 1_763_942_400), edited: Timestamp(secondsSince1970: 1_763_942_500),
             provenance: .recorded, meeting: MeetingLink(meeting: "m-1"))
    }

    static var fullAction: Action {
        Action(id: "a-2", subject: .organisation("R0A"), text: "Report back", owner: "Director", due: .ymd(2025, 9, 30),
               status: .done, created: Timestamp(secondsSince1970: 1_763_942_460), completed: .ymd(2025, 9, 1),
               updates: [ActionUpdate(id: "u-1", date: .ymd(2025, 8, 1), text: "Draft seen", by: "Secretary",
                                      recorded: Timestamp(secondsSince1970: 1_763_942_470))],
               edited: Timestamp(secondsSince1970: 1_763_942_480), provenance: .recorded, meeting: MeetingLink(meeting: "m-1"))
    }

    static var entries: [JournalEntry] {
        let dataset = JSONSampleDataset.dataset
        let stamp = Timestamp(secondsSince1970: 1_763_942_400)
        let scorecard = fullScorecard
        return [
            JournalEntry(seq: 7, ts: stamp, user: "sec", kind: .do, cmd: "segment.decide", label: "Decide",
                         change: Change([RecordChange(key: .scorecard(scorecard.id), before: .scorecard(dataset.scorecards[0]),
                                                      after: .scorecard(scorecard))])),
            JournalEntry(seq: 8, ts: stamp, user: "sec", kind: .undo, of: 7, cmd: "note.add", label: "Add a note",
                         change: Change([RecordChange(key: .note("n-2"), before: nil, after: .note(fullNote)),
                                         RecordChange(key: .action("a-2"), before: .action(fullAction), after: nil)])),
            JournalEntry(seq: 9, ts: stamp, user: "sec", kind: .redo, of: 7, cmd: "import", label: "Import",
                         change: Change([RecordChange(key: .organisation("R0A"), before: nil, after: .organisation(dataset.organisations[0])),
                                         RecordChange(key: .intervention("int-1"), before: .intervention(dataset.interventions[0]), after: nil)])),
        ]
    }

    private func encode<T: Encodable>(_ value: T) throws -> JSONValue {
        try JSONParser.parse(Array(try SnapshotCodec.encoder(pretty: false).encode(value)))
    }

    /// Compares the two routes on one document; returns whether the direct reader accepted it.
    @discardableResult
    private func compare<T: Decodable & Equatable>(_ type: T.Type, _ value: JSONValue) -> Bool {
        var strict = JSONValueDecoder()
        strict.usesDirectReaders = false
        let slow = try? strict.decodeReportingUnknownFields(type, from: value)
        guard let fast = DirectReading.read(type, value) else { return false }
        #expect(slow != nil, "the direct reader accepted what Decodable refuses: \(value)")
        #expect(slow?.unknownFields.isEmpty ?? true, "the direct reader accepted unknown fields: \(value)")
        #expect(slow?.value == fast, "the two routes read different values from \(value)")
        return true
    }

    /// Every way of breaking one value, the value itself first.
    static func variants(of value: JSONValue) -> [JSONValue] {
        var result = [value]
        switch value.content {
        case .object(let object):
            var extra = object
            extra.members.append(.init(key: "zzUnknown", value: JSONValue(.number(JSONNumber(1)))))
            result.append(JSONValue(.object(extra)))
            for position in object.members.indices {
                var removed = object
                removed.members.remove(at: position)
                result.append(JSONValue(.object(removed)))
                for replacement in variants(of: object.members[position].value).dropFirst() + odd(object.members[position].value) {
                    var changed = object
                    changed.members[position].value = replacement
                    result.append(JSONValue(.object(changed)))
                }
            }
        case .array(let elements):
            result.append(JSONValue(.array([])))
            for position in elements.indices.prefix(2) {
                for replacement in variants(of: elements[position]).dropFirst() + odd(elements[position]) {
                    var changed = elements
                    changed[position] = replacement
                    result.append(JSONValue(.array(changed)))
                }
            }
        default:
            break
        }
        return result
    }

    /// Values of other types and edge values in place of `value`.
    static func odd(_ value: JSONValue) -> [JSONValue] {
        let null = JSONValue(.null)
        let number = JSONValue(.number(JSONNumber(1)))
        let fraction = JSONValue(.number(JSONNumber(literal: "1.5")!))
        let huge = JSONValue(.number(JSONNumber(literal: "1e400")!))
        let negative = JSONValue(.number(JSONNumber(-1)))
        let text = JSONValue(.string("x"))
        let empty = JSONValue(.string(""))
        let flag = JSONValue(.bool(true))
        let object = JSONValue(.object(JSONObject()))
        let counted = JSONValue(.object(JSONObject([.init(key: "count", value: negative)])))
        let array = JSONValue(.array([]))
        switch value.content {
        case .null: return [number, text, flag, object]
        case .bool: return [null, number, text]
        case .number: return [null, fraction, huge, negative, text, JSONValue(.string("suppressed")), JSONValue(.string("n/a")), counted, flag]
        case .string: return [null, number, empty, flag, array, JSONValue(.string("2025-26-Q5")), JSONValue(.string("suppressed"))]
        case .array: return [null, object, text]
        case .object: return [null, array, text, counted]
        }
    }

    @Test("scorecards: the direct reader reads what Decodable reads and refuses the rest")
    func scorecards() throws {
        let documents = [try encode(Self.fullScorecard)] + (try JSONSampleDataset.dataset.scorecards.map(encode))
        for document in documents {
            #expect(compare(Scorecard.self, document), "a scorecard as the store writes it is read directly")
            var accepted = 0
            let variants = Self.variants(of: document)
            for variant in variants where compare(Scorecard.self, variant) { accepted += 1 }
            #expect(accepted < variants.count / 2, "most broken variants are refused (\(accepted) of \(variants.count) accepted)")
        }
    }

    @Test("notes and actions agree, field by field")
    func notesAndActions() throws {
        for document in [try encode(Self.fullNote), try encode(JSONSampleDataset.dataset.notes[0])] {
            #expect(compare(Note.self, document))
            for variant in Self.variants(of: document) { compare(Note.self, variant) }
        }
        for document in [try encode(Self.fullAction), try encode(JSONSampleDataset.dataset.actions[0])] {
            #expect(compare(Action.self, document))
            for variant in Self.variants(of: document) { compare(Action.self, variant) }
        }
    }

    @Test("journal entries of every kind agree, with records of every kind inside")
    func journalEntries() throws {
        for entry in Self.entries {
            let document = try encode(entry)
            #expect(compare(JournalEntry.self, document), "an entry as the store writes it is read directly")
            for variant in Self.variants(of: document) { compare(JournalEntry.self, variant) }
        }
    }

    static var fullOrganisation: Organisation {
        Organisation(code: "RXX", name: "Old Trust", odsName: "OLD TRUST", kind: .nhsTrust, type: .mentalHealth,
                     subtype: "Mental Health and Learning Disability", typeProvenance: Provenance(.sourced, source: "NOF file"),
                     region: "Y62",
                     memberships: [Membership(footprint: "QOP", role: .serves, from: .ymd(2022, 7, 1), to: .ymd(2024, 3, 31),
                                              provenance: illustrative)],
                     opened: .ymd(2001, 4, 1), closed: .ymd(2024, 3, 31), provenance: illustrative,
                     successors: [OrganisationSuccession(org: "R0A", kind: .merged, date: .ymd(2024, 4, 1), note: "merged",
                                                         provenance: illustrative)])
    }

    @Test("organisations agree, field by field")
    func organisations() throws {
        for document in [try encode(Self.fullOrganisation), try encode(JSONSampleDataset.dataset.organisations[0])] {
            #expect(compare(Organisation.self, document))
            for variant in Self.variants(of: document) { compare(Organisation.self, variant) }
        }
    }

    @Test("a record image holds exactly one record")
    func recordImages() throws {
        let two = try JSONParser.parse(#"{"note":{},"action":{}}"#)
        #expect(!compare(Record.self, two))
        #expect(compare(Record.self, try encode(Record.note(Self.fullNote))))
        #expect(compare(Record.self, try encode(Record.organisation(JSONSampleDataset.dataset.organisations[0]))))
    }

    @Test("a dataset is read directly in file order, and agrees when broken")
    func datasets() throws {
        var dataset = JSONSampleDataset.dataset
        dataset.scorecards.append(Self.fullScorecard)
        dataset.notes.insert(Self.fullNote, at: 0)
        let document = try encode(dataset)
        #expect(compare(Dataset.self, document))
        guard case .object(let object) = document.content else { return }
        // The dataset's own members, each removed, nulled or retyped (the records inside are covered above).
        for position in object.members.indices {
            var removed = object
            removed.members.remove(at: position)
            compare(Dataset.self, JSONValue(.object(removed)))
            for replacement in Self.odd(object.members[position].value) {
                var changed = object
                changed.members[position].value = replacement
                compare(Dataset.self, JSONValue(.object(changed)))
            }
        }
    }
}
