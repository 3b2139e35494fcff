import OversightDemo
import OversightDomain
import OversightTestSupport
import Testing

/// Every record the generator makes says it is made up, and nothing real is changed or passed off.
@Suite("Every demonstration record is marked illustrative")
struct DemoProvenanceTests {
    static let base = DemoDataset.base
    static let demo = DemoDataset.standard
    static let source = DemoGenerator.source(seed: DemoGenerator.defaultSeed)

    @Test("every NOF card, and every SOF card not on the public record, is illustrative and names the generator and seed")
    func madeCardsAreIllustrative() {
        let made = Self.demo.scorecards.filter { Self.base.scorecard($0.id) == nil }
        #expect(made.count > 3_000)
        for card in made {
            #expect(card.provenance.kind == .illustrative && card.provenance.source == Self.source, "\(card.id)")
            #expect(card.published == nil, "\(card.id) carries published figures")
            if let decision = card.decision {
                #expect(decision.provenance.kind == .illustrative && decision.provenance.source == Self.source, "\(card.id)")
            }
        }
        #expect(Self.demo.scorecards.filter { $0.framework == DemoDataset.nof }.allSatisfy { $0.provenance.kind == .illustrative },
                "no published NOF figure or decision sits beside the illustrative ones")
        #expect(Self.demo.releases.isEmpty, "the published files' records go with the published figures")
    }

    @Test("the public record's segments and ratings of the other frameworks are kept as they were, and nothing else of the base")
    func realSegmentsKept() {
        let kept = Self.demo.scorecards.filter { $0.provenance.kind != .illustrative }
        #expect(kept == Self.base.scorecards.filter { $0.framework != DemoDataset.nof })
        #expect(kept.contains { $0.framework == DemoDataset.sof })
        #expect(!kept.isEmpty && kept.allSatisfy { $0.framework != DemoDataset.nof })
        // The intervention record links to some of them (entries to the Recovery Support Programme).
        for intervention in Self.demo.interventions {
            guard let link = intervention.segmentDecision else { continue }
            #expect(Self.demo.scorecard(link)?.provenance.kind != .illustrative, "\(intervention.id) now points at a made-up card")
        }
    }

    @Test("the register, frameworks and intervention record are the base's, unchanged")
    func registerUnchanged() {
        #expect(Self.demo.regions == Self.base.regions)
        #expect(Self.demo.footprints == Self.base.footprints)
        #expect(Self.demo.organisations == Self.base.organisations)
        #expect(Self.demo.frameworks == Self.base.frameworks)
        #expect(Self.demo.interventionTypes == Self.base.interventionTypes)
        #expect(Self.demo.interventions == Self.base.interventions)
    }

    @Test("every trust with a peer group has a NOF card for each quarter it was open at the end of, and none after it closed")
    func everyTrustEveryQuarter() {
        let quarters = Period.quarters(from: .quarter(2024, 3), through: .quarter(2026, 2))
        var cards = 0
        for organisation in Self.demo.organisations where organisation.isProvider && organisation.peerGroup != nil {
            for period in quarters {
                let card = Self.demo.scorecard(ScorecardID(org: organisation.code, framework: DemoDataset.nof, period: period))
                #expect((card != nil) == organisation.isOpen(on: period.end), "\(organisation.code) \(period.id)")
                if card != nil { cards += 1 }
            }
        }
        #expect(cards == Self.demo.scorecards.filter { $0.framework == DemoDataset.nof }.count, "no card for anyone else")
        #expect(cards > 195 * 8, "\(cards) NOF cards")
    }

    @Test("a quarter before NOF 2025/26 began says it is a backcast")
    func backcastNoted() throws {
        let early = try #require(Self.demo.scorecard(ScorecardID(org: "RM3", framework: DemoDataset.nof, period: .quarter(2024, 4))))
        #expect(early.provenance.note?.contains("backcast") == true)
        let first = try #require(Self.demo.scorecard(ScorecardID(org: "RM3", framework: DemoDataset.nof, period: DemoDataset.firstNOFQuarter)))
        #expect(first.provenance.note == nil)
    }
}
