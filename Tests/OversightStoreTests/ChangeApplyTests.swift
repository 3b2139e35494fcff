import OversightDomain
import OversightTestSupport
import Testing

/// Dataset.apply changes records in place (replay of a long journal would otherwise copy a whole
/// collection per entry), so these check that it is still all or nothing.
@Suite("Applying a change is all or nothing")
struct ChangeApplyTests {
    static let start: Dataset = {
        var data = SampleDataset.make()
        data.normalise()
        return data
    }()

    static func note(_ id: String, _ text: String) -> Record { .note(SampleDataset.note(id, text: text)) }

    @Test("a change whose last record does not fit changes nothing")
    func conflictLeavesDatasetAlone() {
        var data = Self.start
        let change = Change([
            RecordChange(key: .note("n-1"), before: nil, after: Self.note("n-1", "first")),
            RecordChange(key: .note("n-2"), before: Self.note("n-2", "not there"), after: nil),
        ])
        #expect(throws: ChangeConflict.self) { try data.apply(change) }
        #expect(data == Self.start, "the first record must not have been applied")
    }

    @Test("a record changed twice in one change is checked against its first new image")
    func sameRecordTwice() throws {
        var data = Self.start
        try data.apply(Change([
            RecordChange(key: .note("n-1"), before: nil, after: Self.note("n-1", "draft")),
            RecordChange(key: .note("n-1"), before: Self.note("n-1", "draft"), after: Self.note("n-1", "final")),
        ]))
        #expect(data.note("n-1")?.text == "final")
        var other = Self.start
        #expect(throws: ChangeConflict.self) {
            try other.apply(Change([
                RecordChange(key: .note("n-1"), before: nil, after: Self.note("n-1", "draft")),
                RecordChange(key: .note("n-1"), before: nil, after: Self.note("n-1", "again")),
            ]))
        }
        #expect(other == Self.start)
    }

    @Test("an image filed under another record's key is refused before anything changes")
    func imageUnderWrongKey() {
        var data = Self.start
        #expect(throws: ChangeConflict.self) {
            try data.apply(Change([
                RecordChange(key: .note("n-1"), before: nil, after: Self.note("n-1", "fine")),
                RecordChange(key: .note("n-3"), before: nil, after: Self.note("n-4", "misfiled")),
            ]))
        }
        #expect(data == Self.start)
    }

    @Test("a change and its inverse return the dataset to where it was")
    func inverseRoundTrip() throws {
        var data = Self.start
        let change = try SampleEdits.make(.importValues, number: 7, in: data)!.change(against: data)
        try data.apply(change)
        #expect(data != Self.start)
        try data.apply(change.inverted())
        #expect(data == Self.start)
    }
}
