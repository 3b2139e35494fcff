import OversightDomain

// The illustrative NOF 2025/26 metrics. Centres and spreads are shaped on the spread of values in NHS
// England's Q1 2025/26 files (medians, quartiles, ranges), so that the demonstration looks like the real
// thing and exercises the method the same way (some trusts meet each standard, some fail each floor).
// No trust's own figure is used: every value is drawn.

extension Service {
    /// A&E, and mortality measured across a general hospital's work: not specialist trusts.
    static let generalAcute = Service(name: "general-acute", shares: [.acute: 1])
    /// Elective waiting lists: every acute trust but the cancer centres, which NHS England does not score on them.
    static let elective = Service(name: "elective", shares: [.acute: 1, .acuteSpecialist: 1], never: cancerCentres)
    static let cancer = Service(name: "cancer", shares: [.acute: 1, .acuteSpecialist: 0.25], always: cancerCentres)
    /// Community services: most community and combined trusts, and some acute trusts (80 of 134 in Q1 2025/26).
    static let community = Service(name: "community", shares: [.acute: 0.6, .acuteSpecialist: 0.1, .community: 1,
                                                                .mentalHealthAndCommunity: 1])
    /// Ambulance services, and the one acute trust that runs its island's (Isle of Wight).
    static let ambulanceService = Service(name: "ambulance", shares: [.ambulance: 1], always: ["R1F"])
    static let childrenMentalHealth = Service(name: "cyp-mental-health", shares: [.acute: 0.12, .acuteSpecialist: 0.25,
                                                                                    .mentalHealth: 1, .mentalHealthAndCommunity: 1,
                                                                                    .community: 0.5])
    static let mentalHealth = Service(name: "mental-health", shares: [.mentalHealth: 1, .mentalHealthAndCommunity: 1])
    /// Inpatient discharge: general hospitals, and half the specialists.
    static let inpatients = Service(name: "inpatients", shares: [.acute: 1, .acuteSpecialist: 0.5])
    /// Providers with too few infections for a rate: the specialist trusts report counts.
    static let fewInfections = Service(name: "few-infections", shares: [.acuteSpecialist: 1])

    /// The Christie, Clatterbridge and the Royal Marsden.
    static let cancerCentres: [OrgCode] = ["RBV", "REN", "RPY"]
}

extension MetricModel {
    static let nof2025: [MetricModel] = [
        // Access to services
        MetricModel(id: "OF0003", draw: .measured([.acute: Spread(centre: 2.4, spread: 1.5, min: 0, max: 9)]),
                    driftPerQuarter: -0.05, service: .elective),
        MetricModel(id: "OF0005", draw: .skewed([.acute: Spread(centre: 1.1, spread: 2.4, min: 0, max: 70),
                                                 .nonAcute: Spread(centre: 0.7, spread: 2.4, min: 0, max: 70)]),
                    service: .community),
        MetricModel(id: "OF0010", draw: .measured([.acute: Spread(centre: 76.5, spread: 5.5, min: 55, max: 95)]),
                    driftPerQuarter: 0.2, service: .cancer),
        MetricModel(id: "OF0011", draw: .measured([.acute: Spread(centre: 70, spread: 8.5, min: 40, max: 92)]),
                    driftPerQuarter: 0.3, service: .cancer),
        MetricModel(id: "OF0013", draw: .measured([.acute: Spread(centre: 75.5, spread: 7, min: 50, max: 98)]),
                    driftPerQuarter: 0.25, season: [1.8, 1.0, -1.3, -1.5], service: .generalAcute),
        MetricModel(id: "OF0014", draw: .measured([.acute: Spread(centre: 8.5, spread: 5, min: 0, max: 26)]),
                    driftPerQuarter: -0.1, season: [-1.0, -0.8, 0.6, 1.2], service: .generalAcute),
        MetricModel(id: "OF0017", draw: .measured([.ambulance: Spread(centre: 32, spread: 5, min: 18, max: 55),
                                                   .acute: Spread(centre: 32, spread: 5, min: 18, max: 55)]),
                    driftPerQuarter: -0.3, season: [-3, -2, 2, 4], service: .ambulanceService),
        MetricModel(id: "OF0023", draw: .measured([.acute: Spread(centre: 60.5, spread: 6.8, min: 42, max: 85)]),
                    driftPerQuarter: 0.35, service: .elective),
        MetricModel(id: "OF0041", draw: .measured([.acute: Spread(centre: 8, spread: 13.5, min: -30, max: 50),
                                                   .nonAcute: Spread(centre: 4.5, spread: 12.5, min: -30, max: 45)]),
                    service: .childrenMentalHealth),
        MetricModel(id: "OF0106", draw: .measured([.acute: Spread(centre: 1, spread: 2.8, min: -8, max: 11)]),
                    service: .elective),

        // Effectiveness and experience of care
        MetricModel(id: "OF0025", draw: .measured([.acute: Spread(centre: 0.7, spread: 0.5, min: 0, max: 3.5)]),
                    driftPerQuarter: -0.01, service: .inpatients),
        MetricModel(id: "OF0028", draw: .measured([.ambulance: Spread(centre: 52, spread: 5, min: 35, max: 70),
                                                   .acute: Spread(centre: 56, spread: 5, min: 35, max: 70)]),
                    service: .ambulanceService),
        MetricModel(id: "OF0057", draw: .measured([.acute: Spread(centre: 84, spread: 11, min: 30, max: 100),
                                                   .nonAcute: Spread(centre: 85, spread: 11, min: 30, max: 100)]),
                    service: .community, smallNumbers: true),
        MetricModel(id: "OF0063", draw: .measured([.nonAcute: Spread(centre: 24, spread: 6, min: 5, max: 45)]),
                    service: .mentalHealth),
        MetricModel(id: "OF1035", draw: .score(cuts: [1.3, -1.4, -2.0]), cadence: .annual, service: .mentalHealth),
        MetricModel(id: "OF1046", draw: .score(cuts: [1.4, -1.2, -2.3]), cadence: .annual, service: .generalAcute),
        MetricModel(id: "OF1069", draw: .score(cuts: [1.4, -1.3, -2.0]), cadence: .annual),

        // Patient safety
        MetricModel(id: "OF0016", draw: .measured([.nonAcute: Spread(centre: 58, spread: 17, min: 15, max: 100)]),
                    service: .mentalHealth, smallNumbers: true),
        MetricModel(id: "OF0020", draw: .skewed([.acute: Spread(centre: 3, spread: 0.8, min: 0, max: 30)])),
        MetricModel(id: "OF0048", draw: .rateOrCount(rate: Spread(centre: 1.18, spread: 0.28, min: 0.4, max: 2.6),
                                                     count: Spread(centre: 1, spread: 0.7, min: 0, max: 8), countedBy: .fewInfections)),
        MetricModel(id: "OF0088", draw: .rateOrCount(rate: Spread(centre: 1.22, spread: 0.3, min: 0.4, max: 3),
                                                     count: Spread(centre: 1, spread: 0.7, min: 0, max: 8), countedBy: .fewInfections)),
        MetricModel(id: "OF0061", draw: .measured([.acute: Spread(centre: 6.42, spread: 0.3, min: 5.4, max: 7.6),
                                                   .nonAcute: Spread(centre: 6.8, spread: 0.33, min: 5.6, max: 7.6)]),
                    cadence: .annual),
        // CQC inspects a few trusts a year: most have no rating since August 2023.
        MetricModel(id: "OF1067", draw: .score(cuts: [2.0, 0.1, -1.3]), cadence: .annual, reportedShare: 0.2),

        // People and workforce
        MetricModel(id: "OF0082", draw: .measured([.acute: Spread(centre: 5.2, spread: 0.8, min: 3.3, max: 7.5),
                                                   .nonAcute: Spread(centre: 5.6, spread: 0.9, min: 3.2, max: 8),
                                                   .ambulance: Spread(centre: 7, spread: 0.8, min: 5, max: 9.5)]),
                    season: [-0.2, -0.3, 0.3, 0.4]),
        MetricModel(id: "OF0084", draw: .measured([.acute: Spread(centre: 6.88, spread: 0.27, min: 6, max: 7.8),
                                                   .nonAcute: Spread(centre: 7.08, spread: 0.23, min: 6.3, max: 7.6)]),
                    cadence: .annual),

        // Finance and productivity (combined finance, OF1080, is read by the method from these two's scores)
        MetricModel(id: "OF0079", draw: .plannedPosition, cadence: .annual),
        MetricModel(id: "OF0081", draw: .planVariance),
        MetricModel(id: "OF0085", draw: .measured([.acute: Spread(centre: 2.9, spread: 3.9, min: -14, max: 14)]), cadence: .annual),
        MetricModel(id: "OF0086", draw: .measured([.nonAcute: Spread(centre: 104, spread: 14, min: 65, max: 140),
                                                   .ambulance: Spread(centre: 100, spread: 8, min: 80, max: 125)]),
                    cadence: .annual),
    ]
}
