import OversightDomain
import OversightTestSupport
import Testing

/// Rules the console and the command line both ask, answered once here and on cases rather than on
/// wording: which frameworks compute segments, which metrics apply to a peer group, what an edit
/// is about, and the format of new record ids.
@Suite struct DomainRulesTests {
    let data = SampleDataset.make()

    @Test func onlyTheQuartileMethodComputesSegments() {
        #expect(SegmentationRules.Method.nofQuartiles.computesSegments)
        #expect(!SegmentationRules.Method.judgement.computesSegments)
        #expect(!SegmentationRules.Method.ratings.computesSegments)
        #expect(SampleDataset.nofFramework().computesSegments)
        #expect(!SampleDataset.sofFramework().computesSegments)
    }

    /// The mental health trust has no A&E or RTT metric (acute only); a value left out for another
    /// reason still applies, and is listed with why.
    @Test func aMetricForAnotherPeerGroupDoesNotApplyAndOneLeftOutForAnotherReasonDoes() throws {
        let result = try Segmentation.compute(data, framework: SampleDataset.nof, period: SampleDataset.q2)
        let acute = try #require(result.organisation(SampleDataset.acute))
        #expect(acute.metrics.filter(\.appliesToPeerGroup).map(\.metric) == ["ae", "rtt", "sick"],
                "a missing RTT and a suppressed sickness rate still apply")
        let q1 = try Segmentation.compute(data, framework: SampleDataset.nof, period: SampleDataset.q1)
        let mentalHealth = try #require(q1.organisation(SampleDataset.mentalHealth))
        #expect(mentalHealth.metrics.filter(\.appliesToPeerGroup).map(\.metric) == ["sick"])
        #expect(mentalHealth.metrics.filter { !$0.appliesToPeerGroup }.allSatisfy { $0.basis == .leftOut(.notForPeerGroup) })
    }

    @Test func anEditIsAboutTheSubjectsOfItsRecordsReadFromTheirImages() throws {
        let note = SampleDataset.note()
        let added = try Edit.addNote(note).change(against: data)
        #expect(added.subjects == [.organisation(SampleDataset.acute)])
        let withNote = try data.applying(added)
        let deleted = try Edit.deleteNote(note.id).change(against: withNote)
        #expect(deleted.subjects == [.organisation(SampleDataset.acute)], "a deleted note still says what it was about")
        let onFootprint = Note(id: "n-2", subject: .footprint("QAA"), text: "System plan", author: "secretary",
                               created: Timestamp(secondsSince1970: 1_750_000_000))
        #expect(try Edit.addNote(onFootprint).change(against: data).subjects == [.footprint("QAA")])
        let event = InterventionEvent(id: "ev-1", date: .ymd(2025, 7, 1), text: "Review", provenance: .recorded)
        #expect(try Edit.addInterventionEvent("int-RAA-rsp", event).change(against: data).subjects == [.organisation(SampleDataset.acute)])
    }

    @Test func recordIDsCarryThePrefixTheTimeAsDigitsAndEightHexDigitsOfSalt() {
        let time = Timestamp.parse("2026-11-23T23:40:00Z")!
        #expect(RecordID.make("n", at: time, salt: 0x1a2b) == "n-20261123234000-00001a2b")
        #expect(RecordID.make("a", at: time, salt: .max) == "a-20261123234000-ffffffff")
    }
}
