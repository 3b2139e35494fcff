import OversightDomain
import Testing

/// Predecessors and successors of organisations and footprints, with their dates: the lines a screen
/// shows and the key from a 2016 footprint to the ICS it became.
@Suite("Lineage of organisations and footprints")
struct LineageTests {
    let data = EraFixture.dataset

    @Test("a CCG's successors lead to its ICB, each step dated")
    func ccgToICB() throws {
        #expect(data.successors(ofOrganisation: "01A").map(\.organisation.code) == ["02B"])
        #expect(data.predecessors(ofOrganisation: "02B").map(\.organisation.code) == ["01A"])
        #expect(data.predecessors(ofOrganisation: "02B").first?.succession.date == .ymd(2018, 4, 1))
        let path = try #require(data.path(fromOrganisation: "01A", to: .icb))
        #expect(path.map(\.organisation.code) == ["02B", "Q1"])
        #expect(path.map(\.succession.date) == [.ymd(2018, 4, 1), .ymd(2022, 7, 1)])
        #expect(data.path(fromOrganisation: "RA1", to: .icb) == nil, "a trust with no successor")
        #expect(data.predecessors(ofOrganisation: "Q1").map(\.organisation.code) == ["02B"])
    }

    @Test("a 2016 footprint leads to the ICS it became through the footprint it merged into, and back")
    func footprintToICS() throws {
        let path = try #require(data.pathToICS(fromFootprint: "E2"))
        #expect(path.map(\.footprint.id) == ["E9", "Q1"], "the part moved elsewhere is not its main line")
        #expect(path.map(\.succession.kind) == [.merged, .became])
        #expect(data.partMoves(ofFootprint: "E2").map(\.footprint.id) == ["Q1"])
        #expect(data.pathToICS(fromFootprint: "Q1") == nil)
        let back = data.stpFootprints(leadingTo: "Q1")
        #expect(back.map(\.footprint.id) == ["E1", "E2", "E9"])
        #expect(back.map(\.succession.date.display) == ["Aug 2018", "Aug 2018", "1 Jul 2022"])
        #expect(data.predecessorLinks(ofFootprint: "E9").map(\.footprint.id) == ["E1", "E2"])
    }
}
