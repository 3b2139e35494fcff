extension MetricUnit {
    /// The values a figure in this unit can take, as `DatasetValidator` checks them: a percentage 0–100, a
    /// framework score or rating 1–4, a time, count, rate or ratio from 0 up; a difference, days (SOF 2016's
    /// days of cash short) or money either side of 0. One rule, so that whatever writes figures (the
    /// demonstration generator) keeps inside what every store accepts.
    public var admissibleRange: ClosedRange<Double> {
        switch self {
        case .percent: return 0...100
        case .outOfTen: return 0...10
        case .rating, .score: return 1...4
        case .percentOfExpected: return 0...Double.greatestFiniteMagnitude
        case .minutes, .count, .ratePer100k, .ratePer1000, .ratio, .times: return 0...Double.greatestFiniteMagnitude
        case .days, .percentagePoints, .poundsMillion, .signedPercent: return -Double.greatestFiniteMagnitude...Double.greatestFiniteMagnitude
        }
    }
}
