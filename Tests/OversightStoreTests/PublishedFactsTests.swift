import OversightDomain
import OversightTestSupport
import Testing

/// Facts that the press and the trusts themselves reported independently of NHS England's files, checked
/// against the bundled store: if the import misread a file, these would catch it.
@Suite("Published NOF facts reported independently")
struct PublishedFactsTests {
    static let data = BundledDatasetTests.loaded

    static func published(_ org: OrgCode, _ quarter: Int) -> PublishedAssessment? {
        data.scorecard(ScorecardID(org: org, framework: "nof-2025-26", period: .quarter(2025, quarter)))?.published
    }

    @Test("Moorfields, the Royal National Orthopaedic and The Christie are acute ranks 1–3 in Q1 2025/26")
    func topThree() {
        #expect(Self.published("RP6", 1)?.rank == 1)
        #expect(Self.published("RAN", 1)?.rank == 2)
        #expect(Self.published("RBV", 1)?.rank == 3)
    }

    @Test("Northern Care Alliance is segment 4, rank 116 of 134 acute trusts in Q1")
    func northernCareAlliance() {
        let q1 = Self.data.scorecards.filter { $0.framework == "nof-2025-26" && $0.period == .quarter(2025, 1) }
        let acute = q1.filter { Self.data.organisation($0.org)?.peerGroup == .acute && $0.published?.rank != nil }
        #expect(acute.count == 134)
        #expect(Self.published("RM3", 1)?.segment == 4)
        #expect(Self.published("RM3", 1)?.rank == 116)
    }

    @Test("South West London and St George's went from 44th (segment 3) to 23rd (segment 2) of 61")
    func southWestLondon() {
        #expect(Self.published("RQY", 1)?.rank == 44)
        #expect(Self.published("RQY", 1)?.segment == 3)
        #expect(Self.published("RQY", 2)?.rank == 23)
        #expect(Self.published("RQY", 2)?.segment == 2)
        let movement = SegmentMovement(previous: Self.published("RQY", 1), current: Self.published("RQY", 2))
        #expect(movement?.segments == "3 → 2")
    }

    /// RX4's average score improved from Q3 to Q4 while its segment went from 3 to 4: its peers improved more. The
    /// explanation says so, or a board reads the figures as a mistake.
    @Test("a segment that worsens while the score improves is explained by the peer group's cut-points")
    func scoreAgainstSegment() throws {
        let movement = try #require(SegmentMovement(previous: Self.published("RX4", 3), current: Self.published("RX4", 4)))
        #expect(movement.segments == "3 → 4")
        #expect(movement.explanation == "the average score improved, 2.68 to 2.60, but the peer group's cut-points moved further")
    }

    @Test("RYX shares 4th place with RAT and RYV in Q1 (the press lists it 5th)")
    func jointFourth() {
        #expect(["RYX", "RAT", "RYV"].map { Self.published(OrgCode($0), 1)?.rank } == [4, 4, 4])
    }

    @Test("every numbered place the press reported agrees with NHS England's published rank, but RYX's (joint 4th, not 5th)")
    func pressPlaces() throws {
        let text = try String(contentsOfFile: BuiltBinary.packageRoot + "/data/reference/nof_2025_26_positions.csv", encoding: .utf8)
        var checked = 0
        var disagreeing: [String] = []
        for line in text.split(separator: "\n").dropFirst() {
            let row = BundledDatasetTests.fields(String(line))
            guard let rank = Int(row[4]), let period = Period.parse(row[3]) else { continue }
            guard let published = Self.data.scorecard(ScorecardID(org: OrgCode(row[0]), framework: "nof-2025-26", period: period))?.published else {
                continue  // a quarter NHS England's files here do not cover (RM3's Q2, the ambulance trusts)
            }
            checked += 1
            if published.rank != rank { disagreeing.append("\(row[0]) \(period.label): press \(rank), published \(published.rank.map(String.init) ?? "none")") }
        }
        #expect(checked == 15)
        #expect(disagreeing == ["RYX 2025/26 Q1: press 5, published 4"])
    }

    @Test("no figure in the store is illustrative")
    func nothingMadeUp() {
        #expect(Self.data.scorecards.allSatisfy { $0.provenance.kind != .illustrative })
        #expect(Self.data.organisations.allSatisfy { $0.provenance.kind != .illustrative })
    }
}
