import OversightDomain

/// Something a screen reads that takes real work to get, so the session gets it outside `update`
/// and `view` and hands it in (`AppState.needs`, then `AppState.supply`): segmentations of a
/// period, the system view, a confirmed distance, the journal.
public enum Need: Hashable, Sendable {
    /// Each organisation's segment reading (and the engine's result) for a framework and period.
    case segments(FrameworkPeriod)
    /// The system view: each footprint's hosted members and median segment.
    case systems(FrameworkPeriod)
    /// A trust's distance to the next segment, confirmed by applying its plan and recomputing its peer group.
    case confirmedDistance(OrgCode, FrameworkPeriod)
    /// The journal's summaries, which only the store holds.
    case history

    /// The framework and period the need is about; nil for the journal, which is about every one.
    public var frameworkPeriod: FrameworkPeriod? {
        switch self {
        case .segments(let key), .systems(let key), .confirmedDistance(_, let key): return key
        case .history: return nil
        }
    }
}

/// Worked-out data the session hands in, as values: the same whoever worked it out and whenever.
public struct Derived: Sendable {
    public var segments: [FrameworkPeriod: PeriodSegments] = [:]
    public var systems: [FrameworkPeriod: SystemView] = [:]
    /// Nil inside means "worked out, and there is none" (the best quartile, or no segment).
    public var distances: [FrameworkPeriod: [OrgCode: DistanceToNextSegment?]] = [:]
    public var history: HistoryPage?

    public init(segments: [FrameworkPeriod: PeriodSegments] = [:], systems: [FrameworkPeriod: SystemView] = [:],
                distances: [FrameworkPeriod: [OrgCode: DistanceToNextSegment?]] = [:], history: HistoryPage? = nil) {
        self.segments = segments
        self.systems = systems
        self.distances = distances
        self.history = history
    }

    public var isEmpty: Bool { segments.isEmpty && systems.isEmpty && distances.isEmpty && history == nil }

    /// Whether this holds what a need asks for.
    public func holds(_ need: Need) -> Bool {
        switch need {
        case .segments(let key): return segments[key] != nil
        case .systems(let key): return systems[key] != nil
        case .confirmedDistance(let org, let key): return distances[key]?.keys.contains(org) == true
        case .history: return history != nil
        }
    }

    /// The needs this answers.
    public var answered: Set<Need> {
        var needs = Set(segments.keys.map(Need.segments)).union(systems.keys.map(Need.systems))
        for (key, orgs) in distances { needs.formUnion(orgs.keys.map { Need.confirmedDistance($0, key) }) }
        if history != nil { needs.insert(.history) }
        return needs
    }

    /// This and `other`, `other` winning where both hold something.
    public func merging(_ other: Derived) -> Derived {
        var merged = self
        merged.segments.merge(other.segments) { $1 }
        merged.systems.merge(other.systems) { $1 }
        merged.distances.merge(other.distances) { $0.merging($1) { $1 } }
        if let history = other.history { merged.history = history }
        return merged
    }

    /// Only what belongs to the framework periods `keep` accepts (the journal goes: it is about every period).
    func filtered(_ keep: (FrameworkPeriod) -> Bool) -> Derived {
        Derived(segments: segments.filter { keep($0.key) }, systems: systems.filter { keep($0.key) },
                distances: distances.filter { keep($0.key) })
    }
}
