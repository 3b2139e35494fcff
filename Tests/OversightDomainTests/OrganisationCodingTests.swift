import Foundation
import OversightDomain
import Testing

/// The fields the 2016 era added (an organisation's successors, a provenance's derivation) read from
/// stores written before them, and leave an organisation without them encoded as it was.
@Suite("Organisation successors and derivations in JSON")
struct OrganisationCodingTests {
    let old = #"{"code":"RA1","kind":"nhs-trust","memberships":[{"footprint":"E1","from":"2017-04-01","provenance":{"kind":"sourced"},"role":"primary"}],"name":"Alpha","provenance":{"kind":"sourced","source":"x"},"region":"Y63","type":"acute"}"#

    func encoded(_ org: Organisation) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(org), as: UTF8.self)
    }

    @Test("a store written before successors and derivations still reads, and writes the same bytes back")
    func oldStoresRead() throws {
        let org = try JSONDecoder().decode(Organisation.self, from: Data(old.utf8))
        #expect(org.successors.isEmpty)
        #expect(org.provenance.derivation == nil && !org.memberships[0].provenance.isDerived)
        #expect(try encoded(org) == old)
    }

    @Test("successors and derivations round-trip")
    func newFieldsRoundTrip() throws {
        var org = try JSONDecoder().decode(Organisation.self, from: Data(old.utf8))
        org.successors = [OrganisationSuccession(org: "RB2", kind: .merged, date: .ymd(2020, 4, 1), note: "merged",
                                                 provenance: Provenance(.sourced, source: "ODS"))]
        org.memberships[0].provenance.derivation = "applied back to March 2016"
        let text = try encoded(org)
        #expect(text.contains(#""successors":[{"date":"2020-04-01","kind":"merged","note":"merged","org":"RB2""#))
        #expect(text.contains(#""derivation":"applied back to March 2016""#))
        #expect(try JSONDecoder().decode(Organisation.self, from: Data(text.utf8)) == org)
    }

    @Test("the validator refuses a successor that is not an organisation, or the organisation itself")
    func validation() {
        var data = EraFixture.dataset
        data.organisations[data.organisations.firstIndex { $0.code == "RA1" }!].successors =
            [OrganisationSuccession(org: "ZZZ", kind: .merged, date: .ymd(2020, 4, 1), provenance: EraFixture.sourced),
             OrganisationSuccession(org: "RA1", kind: .merged, date: .ymd(2020, 4, 1), provenance: EraFixture.sourced)]
        let messages = DatasetValidator.problems(in: data).map(\.description)
        #expect(messages.contains { $0.contains("unknown organisation ZZZ") })
        #expect(messages.contains { $0.contains("cannot succeed itself") })
        #expect(DatasetValidator.problems(in: EraFixture.dataset).isEmpty)
    }
}
