@testable import OversightDemo
import OversightDomain
import OversightTestSupport
import Testing

/// The figures behave like the metrics they stand for: inside their units, on the right side of better,
/// straddling the standards and floors, present only where the provider runs the service.
@Suite("Demonstration values respect each metric")
struct DemoValueTests {
    static let demo = DemoDataset.standard
    static let nof = demo.framework(DemoDataset.nof)!
    static let anchor = DemoDataset.firstNOFQuarter

    static func cards(in period: Period) -> [Scorecard] {
        demo.scorecards.filter { $0.framework == DemoDataset.nof && $0.period == period }
    }

    @Test("the store's own checks find nothing wrong")
    func validates() {
        #expect(DatasetValidator.problems(in: Self.demo).map(\.description) == [])
    }

    @Test("a card holds a value or a reason for every metric of its peer group, and none for combined finance (OF1080)")
    func applicability() throws {
        for card in Self.demo.scorecards where card.framework == DemoDataset.nof {
            let group = try #require(Self.demo.organisation(card.org)?.peerGroup)
            let expected = Set(Self.nof.metrics(for: group).filter { if case .matrix = $0.scoring { false } else { true } }.map(\.id))
            #expect(Set(card.values.keys) == expected, "\(card.id)")
            #expect(card.finance != nil, "\(card.id) has no financial position, which the deficit override needs")
        }
        #expect(!Self.demo.scorecards.contains { $0.values["OF1080"] != nil })
    }

    @Test("who runs what: specialists have no A&E, mental health trusts no community waits, ambulance services response times")
    func services() throws {
        func value(_ org: OrgCode, _ metric: MetricID) throws -> MetricValue {
            try #require(Self.demo.scorecard(ScorecardID(org: org, framework: DemoDataset.nof, period: Self.anchor))?.values[metric])
        }
        for organisation in Self.demo.organisations where organisation.isOpen(on: Self.anchor.end) {
            switch organisation.type {
            case .acuteSpecialist?: #expect(try value(organisation.code, "OF0013") == .notApplicable, "\(organisation.code)")
            case .mentalHealth?: #expect(try value(organisation.code, "OF0005") == .notApplicable, "\(organisation.code)")
            case .ambulance?: #expect(try value(organisation.code, "OF0017") != .notApplicable, "\(organisation.code)")
            default: break
            }
        }
        #expect(try value("R1F", "OF0017").figure != nil, "the Isle of Wight runs its island's ambulance service")
        #expect(try value("RBV", "OF0023") == .notApplicable, "cancer centres are not scored on the 18-week wait")
        #expect(try value("RBV", "OF0011") != .notApplicable)
    }

    @Test("scores given as scores are whole scores 1 to 4; infection counts are whole; small trusts count infections")
    func kinds() throws {
        var counted = 0
        for card in Self.demo.scorecards where card.framework == DemoDataset.nof {
            let specialist = Self.demo.organisation(card.org)?.type == .acuteSpecialist
            for (id, value) in card.values {
                let metric = try #require(Self.nof.metric(id))
                if case .score = metric.scoring, let number = value.number {
                    #expect([1, 2, 3, 4].contains(number), "\(card.id) \(id): \(number)")
                }
                if id == "OF0020", let number = value.number { #expect(number == number.rounded() && number >= 0) }
                if id == "OF0048" || id == "OF0088" {
                    if case .count(let count) = value {
                        counted += 1
                        #expect(specialist && count == count.rounded(), "\(card.id) \(id)")
                    } else {
                        #expect(!specialist || value.figure == nil, "\(card.id) \(id): a specialist trust reports a count")
                    }
                }
            }
        }
        #expect(counted > 100)
    }

    @Test("better performance moves every metric the way it calls better")
    func directions() throws {
        let seed = DemoGenerator.defaultSeed
        let parameters = DemoParameters.standard
        var checked: [MetricID] = []
        for metric in Self.nof.metrics {
            guard let model = parameters.metrics.first(where: { $0.id == metric.id }) else { continue }
            if case .plannedPosition = model.draw { continue }
            if case .planVariance = model.draw { continue }
            var pairs: [(Double, Double)] = []
            for card in Self.cards(in: Self.anchor) {
                guard let value = card.values[metric.id]?.number else { continue }
                let latent = LatentPerformance.draw(for: card.org, parameters: parameters.latent, quarters: parameters.span, draws: Draws(seed: seed))
                pairs.append((latent.performance(at: 0), metric.direction == .higherIsBetter ? value : -value))
            }
            // A metric whose unit cuts every value to one bound has nothing to order (see DemoUnitTests).
            guard pairs.count >= 30, Set(pairs.map(\.1)).count > 1 else { continue }
            let r = Self.correlation(pairs)
            // Loading 0.75 against about 1 of spread: a sign error would give about −0.7.
            #expect(r > (model.isScore ? 0.25 : 0.4), "\(metric.id): correlation \(r) between performance and better values")
            checked.append(metric.id)
        }
        #expect(checked.count >= 20, "only \(checked.map(\.rawValue)) could be checked")
    }

    @Test("some trusts meet each standard and some fail each floor, and some do not")
    func standardsAndFloors() {
        var checked = 0
        for metric in Self.nof.metrics where metric.scoring == .ranked && (metric.standard != nil || metric.floor != nil) {
            let values = Self.cards(in: Self.anchor).compactMap { $0.values[metric.id]?.number }
            if metric.standard != nil {
                let meeting = values.filter { metric.meetsStandard($0) == true }.count
                #expect(meeting > 0 && meeting < values.count, "\(metric.id): \(meeting) of \(values.count) meet the standard")
            }
            if metric.floor != nil {
                let failing = values.filter { metric.failsFloor($0) == true }.count
                #expect(failing > 0 && failing < values.count, "\(metric.id): \(failing) of \(values.count) fail the floor")
            }
            checked += 1
        }
        #expect(checked >= 8)
    }

    @Test("A&E is worse in winter, and an annual figure holds for the year")
    func seasonsAndYears() {
        func mean(_ period: Period) -> Double {
            let values = Self.cards(in: period).compactMap { $0.values["OF0013"]?.number }
            return values.reduce(0, +) / Double(values.count)
        }
        #expect(mean(.quarter(2025, 1)) + mean(.quarter(2025, 2)) > mean(.quarter(2025, 3)) + mean(.quarter(2025, 4)) + 3)
        for card in Self.cards(in: .quarter(2025, 2)) {
            let first = Self.demo.scorecard(ScorecardID(org: card.org, framework: DemoDataset.nof, period: .quarter(2025, 1)))
            guard let survey = card.values["OF1069"]?.number, let earlier = first?.values["OF1069"]?.number else { continue }
            #expect(survey == earlier, "\(card.org): the inpatient survey is annual")
        }
    }

    @Test("a trust in deficit plans worse than one that is not, and deficit support goes only to trusts in deficit")
    func finances() {
        let cards = Self.cards(in: Self.anchor)
        let inDeficit = cards.filter { $0.finance?.reportsDeficit == true }
        #expect(inDeficit.count > cards.count / 10 && inDeficit.count < cards.count * 3 / 4, "\(inDeficit.count) of \(cards.count) in deficit")
        #expect(cards.allSatisfy { $0.finance?.receivesDeficitSupport != true || $0.finance?.reportsDeficit == true })
        #expect(cards.contains { $0.finance?.receivesDeficitSupport == true })
        func meanPlan(_ cards: [Scorecard]) -> Double {
            let plans = cards.compactMap { $0.values["OF0079"]?.number }
            return plans.reduce(0, +) / Double(max(1, plans.count))
        }
        #expect(meanPlan(inDeficit) < meanPlan(cards.filter { $0.finance?.reportsDeficit == false }))
    }

    static func correlation(_ pairs: [(Double, Double)]) -> Double {
        let n = Double(pairs.count)
        let mx = pairs.map(\.0).reduce(0, +) / n, my = pairs.map(\.1).reduce(0, +) / n
        var sxy = 0.0, sxx = 0.0, syy = 0.0
        for (x, y) in pairs {
            sxy += (x - mx) * (y - my)
            sxx += (x - mx) * (x - mx)
            syy += (y - my) * (y - my)
        }
        return sxy / (sxx * syy).squareRoot()
    }
}

extension MetricModel {
    var isScore: Bool { if case .score = draw { true } else { false } }
}
