import OversightDomain

/// Works out what the screens ask for (`Need`) from a dataset: pure functions, the same dataset
/// always giving the same answers. The session calls them when the state asks, and hands the
/// values in; `update` and `view` only ever read what they were given.
public enum Derivation {
    /// Everything in `needs` but the journal (the store's, which the session reads itself). `known`
    /// is what the state already holds for this dataset, so that a system view or a distance reuses
    /// the period's segmentation rather than computing it again.
    public static func work(_ needs: Set<Need>, in dataset: Dataset, known: Derived = Derived()) -> Derived {
        var derived = Derived()
        for case .segments(let key) in needs { derived.segments[key] = PeriodSegments.compute(dataset, key) }
        func result(_ key: FrameworkPeriod) -> SegmentationResult? {
            (derived.segments[key] ?? known.segments[key] ?? PeriodSegments.compute(dataset, key)).result
        }
        for case .systems(let key) in needs { derived.systems[key] = systems(dataset, key, result: result(key)) }
        for case .confirmedDistance(let org, let key) in needs {
            derived.distances[key, default: [:]][org] = .some(confirmedDistance(org, dataset, key, result: result(key)))
        }
        return derived
    }

    /// The system view of a period, from its segmentation when the framework computes one.
    public static func systems(_ dataset: Dataset, _ key: FrameworkPeriod, result: SegmentationResult?) -> SystemView? {
        if let result { return SystemView(dataset: dataset, framework: key.framework, period: key.period, result: result) }
        return try? SystemView(dataset: dataset, framework: key.framework, period: key.period)
    }

    /// The distance to the next segment with its plan applied and the peer group recomputed
    /// (`Segmentation.confirmedDistance`); nil when the engine gave the trust none to go.
    public static func confirmedDistance(_ org: OrgCode, _ dataset: Dataset, _ key: FrameworkPeriod,
                                         result: SegmentationResult?) -> DistanceToNextSegment? {
        guard result?.organisation(org)?.distance != nil,
              let input = try? SegmentationInput(dataset: dataset, framework: key.framework, period: key.period) else { return nil }
        return try? Segmentation.confirmedDistance(for: org, in: input)
    }
}
