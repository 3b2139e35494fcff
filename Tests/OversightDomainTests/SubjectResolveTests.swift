import OversightDomain
import OversightTestSupport
import Testing

/// How a typed "About" (console) or SUBJECT (command line) becomes a subject.
@Suite struct SubjectResolveTests {
    let data = SampleDataset.make()

    @Test func anODSCodeInAnyCaseNamesTheOrganisation() throws {
        #expect(try data.resolveSubject("raa") == .organisation("RAA"))
        #expect(try data.resolveSubject(" org:RAA ") == .organisation("RAA"))
    }

    @Test func aFootprintCodeNamesTheFootprint() throws {
        #expect(try data.resolveSubject("footprint:qaa") == .footprint("QAA"))
        #expect(try data.resolveSubject("E54000001") == .footprint("E54000001"))
    }

    @Test func aMeetingIsKeptAsWritten() throws {
        #expect(try data.resolveSubject("meeting:2025-07-15 board") == .meeting("2025-07-15 board"))
    }

    @Test func anUnknownCodeIsRefusedWithNearMissesOnTheSubjectField() {
        do {
            _ = try data.resolveSubject("Riverside")
            Issue.record("an unknown code was accepted")
        } catch {
            #expect(error.field == "subject")
            #expect(error.message.contains("No organisation with ODS code Riverside"))
            #expect(error.message.contains("Did you mean: RAA (Riverside Hospitals NHS Foundation Trust)?"))
        }
        #expect(throws: EditError.self) { try data.resolveSubject("   ") }
    }
}
