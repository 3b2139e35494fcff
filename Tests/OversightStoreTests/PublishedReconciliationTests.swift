import OversightDomain
import Testing

/// The engine against NHS England's published NOF 2025/26 figures, as the bundled store holds them: the
/// counts docs/segmentation.md reports ("Reconciliation"), so that a change to the method or to the data that
/// moves any of them fails here. Repeat by hand with `oversight reconcile`.
@Suite("Reconciliation with NHS England's published figures")
struct PublishedReconciliationTests {
    static let reports: [Period: ReconciliationReport] = {
        let data = BundledDatasetTests.loaded
        var reports: [Period: ReconciliationReport] = [:]
        for period in Reconciliation.publishedPeriods(data, framework: "nof-2025-26") {
            reports[period] = try! Reconciliation.run(data, framework: "nof-2025-26", period: period)
        }
        return reports
    }()

    static func report(_ quarter: Int) -> ReconciliationReport { reports[.quarter(2025, quarter)]! }

    static func agreement(_ report: ReconciliationReport, _ step: StepAgreement.Step) -> (Int, Int) {
        let found = report.step(step)!
        return (found.agreed, found.compared)
    }

    @Test("four quarters are published: acute in Q1, mental health and community in all four")
    func coverage() {
        #expect(Self.reports.keys.sorted() == (1...4).map { Period.quarter(2025, $0) })
        #expect(Self.report(1).publishedTrusts == [.acute: 134, .nonAcute: 61])
        #expect(Self.report(1).missingPeerGroups == [.ambulance])
        for q in 2...4 { #expect(Self.report(q).missingPeerGroups == [.acute, .ambulance]) }
    }

    @Test("every difference in every quarter has a known cause")
    func everyDifferenceExplained() {
        for (period, report) in Self.reports {
            let unexplained = report.differences.filter { !$0.cause.isExplained }
            #expect(unexplained.isEmpty, "\(period.label): \(unexplained.map { "\($0.org) \($0.row?.rawValue ?? "") \($0.published)→\($0.recomputed)" })")
        }
    }

    @Test("Q1 metric scores: every metric ranked within one published pool agrees in full")
    func q1MetricScores() {
        let expected: [MetricID: (agreed: Int, compared: Int, strict: Int)] = [
            "OF0003": (131, 131, 120), "OF0005": (118, 121, 115), "OF0010": (118, 118, 114), "OF0011": (118, 118, 116),
            "OF0013": (123, 123, 123), "OF0014": (123, 123, 123), "OF0017": (1, 1, 1), "OF0023": (131, 131, 130),
            "OF0041": (68, 68, 68), "OF0106": (131, 131, 128), "OF0025": (126, 126, 126), "OF0028": (0, 1, 0),
            "OF0057": (88, 88, 87), "OF0063": (48, 48, 48), "OF0016": (46, 46, 46), "OF0020": (134, 134, 134),
            "OF0048": (134, 134, 75), "OF0061": (195, 195, 129), "OF0088": (134, 134, 82), "OF0082": (7, 195, 9),
            "OF0084": (195, 195, 114), "OF0079": (195, 195, 195), "OF0081": (195, 195, 195), "OF1080": (195, 195, 195),
            "OF0085": (134, 134, 127), "OF0086": (2, 60, 2),
        ]
        let report = Self.report(1)
        for metric in report.metrics where !metric.givenOnly && metric.compared > 0 {
            let want = expected[metric.metric]
            #expect(want != nil, "\(metric.metric) was not expected to be compared")
            guard let want else { continue }
            #expect(metric.agreed == want.agreed && metric.compared == want.compared && metric.agreedStrict == want.strict,
                    "\(metric.metric): \(metric.agreed)/\(metric.compared), strict \(metric.agreedStrict); expected \(want)")
        }
        let recomputed = report.metrics.filter { !$0.givenOnly }
        #expect(recomputed.map(\.agreed).reduce(0, +) == 2890)
        #expect(recomputed.map(\.compared).reduce(0, +) == 3140)
        // Where a metric misses, it is pooled with the ambulance trusts (OF0028, OF0082, OF0086) or ties across groups (OF0005).
        for metric in recomputed where metric.share < 0.95 {
            #expect(metric.differences.allSatisfy { if case .incompletePool([.ambulance]) = $0.cause { true } else { false } },
                    "\(metric.metric) misses for another reason")
        }
        // The two ranked with the ambulance trusts fit a pool of exactly the trusts here plus the ten ambulance trusts.
        #expect(report.metrics.first { $0.metric == "OF0082" }?.impliedPool == .init(here: 195, size: 205))
        #expect(report.metrics.first { $0.metric == "OF0086" }?.impliedPool == .init(here: 60, size: 70))
        let ties = report.metrics.first { $0.metric == "OF0005" }!.differences
        #expect(ties.allSatisfy { if case .tieAcrossPeerGroups = $0.cause { true } else { false } })
    }

    @Test("Q1 steps: average, segments, override and ranks agree as NHS England's method says")
    func q1Steps() {
        let report = Self.report(1)
        #expect(Self.agreement(report, .averageScore) == (195, 195))
        #expect(report.step(.averageScore)?.exact == 189)
        #expect(Self.agreement(report, .unadjustedSegment) == (194, 195))
        #expect(Self.agreement(report, .unadjustedSegmentPerGroup) == (186, 195))
        #expect(Self.agreement(report, .financialOverride) == (195, 195))
        #expect(Self.agreement(report, .leagueRank) == (195, 195))
        #expect(Self.agreement(report, .domainScores) == (967, 967))
        #expect(Self.agreement(report, .domainSegments) == (940, 967))
        #expect(Self.agreement(report, .endToEndSegment) == (194, 195))
        // The one unadjusted segment that differs sits exactly on the pooled median, which the ambulance trusts move.
        let rw1 = report.step(.unadjustedSegment)!.differences
        #expect(rw1.map(\.org) == ["RW1"])
        #expect(rw1.first?.cause == .onCutPoint(2.33, missing: [.ambulance]))
        #expect(report.cutPoints.pooled == [2.05, 2.33, 2.6])
        #expect(report.cutPoints.consistent)
    }

    @Test("Q2–Q4: the steps from published figures agree; pooled ones differ only for the trusts not published here")
    func laterQuarters() {
        let expected: [Int: (unadjusted: Int, averageExact: Int, metrics: Int, compared: Int)] = [
            2: (57, 56, 338, 650), 3: (53, 58, 347, 651), 4: (58, 57, 342, 649),
        ]
        for (q, want) in expected.sorted(by: { $0.key < $1.key }) {
            let report = Self.report(q)
            #expect(Self.agreement(report, .averageScore) == (61, 61), "Q\(q)")
            #expect(report.step(.averageScore)?.exact == want.averageExact, "Q\(q)")
            #expect(Self.agreement(report, .unadjustedSegment) == (want.unadjusted, 61), "Q\(q)")
            #expect(Self.agreement(report, .financialOverride) == (61, 61), "Q\(q)")
            #expect(Self.agreement(report, .leagueRank) == (61, 61), "Q\(q)")
            #expect(report.cutPoints.consistent, "Q\(q): one set of cut-points gives every published segment")
            let recomputed = report.metrics.filter { !$0.givenOnly }
            #expect(recomputed.map(\.agreed).reduce(0, +) == want.metrics, "Q\(q)")
            #expect(recomputed.map(\.compared).reduce(0, +) == want.compared, "Q\(q)")
            // Metrics ranked within the trust type, and those scored by brackets or a table, agree in full.
            for id: MetricID in ["OF0061", "OF0084", "OF0079", "OF0081", "OF1080"] {
                let metric = recomputed.first { $0.metric == id }!
                #expect(metric.agreed == metric.compared, "Q\(q) \(id)")
            }
        }
        #expect(Self.agreement(Self.report(4), .leagueTable) == (61, 61))
        // Sickness absence still fits all 205 trusts: the 61 here, 134 acute and 10 ambulance trusts.
        for q in 2...4 {
            #expect(Self.report(q).metrics.first { $0.metric == "OF0082" }?.impliedPool?.size == 205, "Q\(q)")
        }
    }
}
