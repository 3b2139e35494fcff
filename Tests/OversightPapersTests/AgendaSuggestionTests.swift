import OversightDomain
import OversightTestSupport
import Testing

@Suite("Suggested agenda from the bundled (published) store")
struct AgendaSuggestionTests {
    static let data = BundledStore.dataset
    static let q2 = Period.quarter(2025, 2)

    @Test("mental health and community trusts, 2025/26 Q2: each item's reasons match what NHS England published")
    func reasonsMatchPublishedFigures() throws {
        let items = AgendaSuggestion.suggest(.peerGroup(.nonAcute), framework: BundledStore.nof, period: Self.q2, in: Self.data, today: BundledStore.today)
        #expect(!items.isEmpty)
        for item in items {
            let card = Self.data.scorecard(ScorecardID(org: item.org, framework: BundledStore.nof, period: Self.q2))
            let published = try #require(card?.published, "\(item.org) suggested without published figures")
            for reason in item.reasons {
                switch reason {
                case .highSegment(let segment, let rsp):
                    #expect(segment == (published.finalSegment ?? published.segment), "\(item.org)")
                    #expect(segment >= 4)
                    #expect(rsp == (published.finalSegment.map { $0 != published.segment } ?? false))
                case .moved(let movement, let since):
                    let before = Self.data.scorecard(ScorecardID(org: item.org, framework: BundledStore.nof, period: since))?.published
                    #expect(movement.from == before?.segment && movement.to == published.segment, "\(item.org)")
                    #expect(movement.from != movement.to)
                case .nearBoundary(_, let average):
                    #expect(average == published.averageScore)
                case .decisionPending:
                    #expect(card?.decision == nil)
                    #expect(published.segment == 4)
                default: break
                }
            }
        }
        // Lincolnshire Community Health Services moved 3 → 4 in Q2 on its average score (2.54 to 2.70), as published.
        let ry5 = try #require(items.first { $0.org == "RY5" })
        #expect(ry5.reasonText.contains("Segment 3 → 4 since 2025/26 Q1: the average score worsened, 2.54 to 2.70"))
        #expect(ry5.reasons.contains(.highSegment(4, recoverySupport: false)))
        // In the Recovery Support Programme as published: no "decision pending" for segment 5 entry.
        let rha = try #require(items.first { $0.org == "RHA" })
        #expect(rha.reasons.contains(.highSegment(5, recoverySupport: true)))
        #expect(!rha.reasonText.contains("Decision pending"))
        // The weightiest come first.
        #expect(zip(items, items.dropFirst()).allSatisfy { $0.weight >= $1.weight })
    }

    @Test("recording a decision takes 'decision pending' away; an overdue action adds a reason")
    func recordsChangeTheReasons() throws {
        var data = Self.data
        let id = ScorecardID(org: "RY5", framework: BundledStore.nof, period: Self.q2)
        (data, _) = try Edit.decideSegment(id, SegmentDecision(segment: 4, basis: .confirmed, computed: 4, rationale: "Confirmed",
                                                               decidedBy: "Regional board", date: .ymd(2025, 11, 20), provenance: .recorded)).apply(to: data)
        (data, _) = try Edit.addAction(Action(id: "a-t", subject: .organisation("RY5"), text: "Recovery plan", owner: "CEO", due: .ymd(2026, 1, 31),
                                              created: Timestamp(secondsSince1970: 1_760_000_000))).apply(to: data)
        let items = AgendaSuggestion.suggest(.peerGroup(.nonAcute), framework: BundledStore.nof, period: Self.q2, in: data, today: BundledStore.today)
        let ry5 = try #require(items.first { $0.org == "RY5" })
        #expect(!ry5.reasonText.contains("Decision pending"))
        #expect(ry5.reasons.contains(.overdueActions(count: 1, oldestDue: .ymd(2026, 1, 31))))
    }

    @Test("an ICS's suggestions are its own trusts only")
    func icsScope() throws {
        let ics = FootprintID("QWO")
        let items = AgendaSuggestion.suggest(.ics(ics), framework: BundledStore.nof, period: .quarter(2025, 4), in: Self.data, today: BundledStore.today)
        #expect(!items.isEmpty)
        for item in items {
            #expect(Self.data.organisation(item.org)?.footprints(on: Period.quarter(2025, 4).end).contains(ics) == true)
        }
    }
}
