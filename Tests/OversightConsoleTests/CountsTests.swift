@testable import OversightConsole
import OversightDomain
import Testing

/// The counts a user review found disagreeing, on the bundled data where they were found: each is
/// for the period on screen, and each screen counts a footprint's members the system view's way.
@Suite struct CountsTests {
    let nof = FrameworkID("nof-2025-26")

    func landscape(adding extra: [Intervention] = []) throws -> Landscape {
        var dataset = try #require(BundledFixture.dataset)
        dataset.interventions += extra
        return Landscape(dataset, today: .ymd(2026, 11, 24))
    }

    func at(_ period: Period) -> Viewpoint { Viewpoint(framework: nof, period: period, era: .ics2022) }

    /// The Provider Improvement Programme the reviewer added for RXN, starting in the future of 2024/25.
    let programme = Intervention(id: "int-review", org: "RXN", type: "provider-improvement-programme", appliedBy: "NHS England",
                                 start: .ymd(2026, 10, 1), status: .active, reason: "test", exitCriteria: "",
                                 provenance: Provenance(.recorded))

    func inForce(_ landscape: Landscape, region: RegionCode, _ viewpoint: Viewpoint) -> [InterventionID] {
        landscape.organisations(in: region, viewpoint).flatMap { landscape.interventionsInForce(of: $0.code, viewpoint).map(\.id) }
    }

    @Test func interventionsAreCountedForThePeriodOnScreenNotToday() throws {
        let landscape = try landscape(adding: [programme])
        let northWest = RegionCode("Y62")
        let q1 = inForce(landscape, region: northWest, at(.quarter(2024, 1)))
        #expect(!q1.contains("int-review"), "a programme starting in October 2026 was not in force in 2024/25 Q1")
        let orgs = Set(q1.compactMap { id in landscape.dataset.interventions.first { $0.id == id }?.org.rawValue })
        #expect(orgs.isSuperset(of: ["RXN", "RXR", "RXL", "QE1"]), "the Recovery Support Programme (c. 2024 – c. 31 Mar 2025) was")
        #expect(inForce(landscape, region: northWest, at(.quarter(2026, 1))).isEmpty)
        #expect(inForce(landscape, region: northWest, at(.quarter(2026, 2))).isEmpty, "it starts the day after Q2 ends")
        #expect(inForce(landscape, region: northWest, at(.quarter(2026, 3))) == ["int-review"])
    }

    @Test func organisationsAreThoseOpenInThePeriod() throws {
        let landscape = try landscape()
        #expect(landscape.dataset.organisations.count == 530, "what oversight validate counts: every record, the 245 CCGs and 32 trusts closed since 2016 among them")
        #expect(landscape.organisations(at(.quarter(2024, 1))).count == 252, "six closed later in 2024 (a care trust among them), one opened in November 2024")
        #expect(landscape.organisations(at(.quarter(2025, 4))).count == 247, "the six closed trusts are gone")
    }

    @Test func aFootprintCountsTheOrganisationsItHostsAsTheSystemViewDoes() throws {
        let key = FrameworkPeriod(nof, .quarter(2024, 1))
        let landscape = try landscape().working([.segments(key), .systems(key)])
        let viewpoint = at(.quarter(2024, 1))
        let hosting = landscape.hosting("QE1", viewpoint)
        #expect(!hosting.hosted.contains("RX7") && hosting.serving == ["RX7"], "the ambulance trust serves Lancashire and South Cumbria, hosted by Cheshire and Merseyside")
        let system = try #require(landscape.system("QE1", nof, .quarter(2024, 1)))
        #expect(hosting.hosted.count == system.members.count)
        #expect(hosting.mix.unsegmented == system.unknown)
        for segment in 1...4 { #expect(hosting.mix.counts[segment - 1] == system.count(of: segment), "segment \(segment)") }
    }

    /// The whole number in a table's cell under a heading.
    func number(_ table: Table, _ key: String, _ heading: String) -> Int? {
        guard let column = table.columns.firstIndex(where: { $0.title == heading }),
              let row = table.rows.first(where: { $0.key == key }),
              case .integer(let n) = row.cells[column] else { return nil }
        return n
    }

    @Test func everyScreenCountsTheSameMembersAndInterventions() throws {
        let landscape = try landscape(adding: [programme])
        let context = ScreenContext(landscape: landscape, viewpoint: at(.quarter(2024, 1)), readOnly: true)
        let footprints = FootprintsScreen(region: "Y62").table(context)
        #expect(number(footprints, "QE1", "Hosted members") == 6, "RX7 serves it and is counted in its host's row")
        let footprint = FootprintScreen(id: "QE1").table(context)
        #expect(footprint.rows.count == 7, "the serving trust is listed")
        #expect(footprint.segmentMix?.total == 6, "but not counted")
        let overview = OverviewScreen().table(context)
        let sum = footprints.rows.compactMap { number(footprints, $0.key, "Interventions in force") }.reduce(0, +)
        #expect(number(overview, "Y62", "In force") == sum, "the region's interventions in force are its footprints'")
        #expect(sum >= 4, "the Recovery Support Programme entries of RXN, RXR, RXL and QE1")
        #expect(number(footprint, "RXN", "Interventions in force") == 1, "the programme of 2026 is not counted yet")
    }
}
