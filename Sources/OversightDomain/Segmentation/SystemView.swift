/// The system view: how the members of each footprint (STP or ICS) are segmented, and a trust's segment
/// beside its system's. Membership is read on the period's last day; a footprint's position is the median of
/// its host members' segments (a segment-like number that one outlier cannot drag), with the mean beside it.
public struct SystemView: Sendable {
    public let framework: FrameworkID
    public let period: Period
    /// Each organisation's segment this period: computed (NOF 2025/26) or as recorded (judgement frameworks).
    public let segments: [OrgCode: Int]
    let dataset: Dataset

    /// Segments the period first when the framework computes segments; reads recorded decisions otherwise.
    public init(dataset: Dataset, framework id: FrameworkID, period: Period) throws(SegmentationError) {
        guard let framework = dataset.framework(id) else { throw .unknownFramework(id) }
        if framework.computesSegments {
            self.init(dataset: dataset, framework: id, period: period,
                      result: try Segmentation.compute(dataset, framework: id, period: period))
        } else {
            var segments: [OrgCode: Int] = [:]
            for card in dataset.scorecards where card.framework == id && card.period == period {
                if let segment = card.decision?.segment { segments[card.org] = segment }
            }
            self.init(dataset: dataset, framework: id, period: period, segments: segments)
        }
    }

    /// Uses a segmentation already computed for the same framework and period.
    public init(dataset: Dataset, framework: FrameworkID, period: Period, result: SegmentationResult) {
        var segments: [OrgCode: Int] = [:]
        for computation in result.organisations {
            if let segment = computation.segment { segments[computation.org] = segment }
        }
        self.init(dataset: dataset, framework: framework, period: period, segments: segments)
    }

    init(dataset: Dataset, framework: FrameworkID, period: Period, segments: [OrgCode: Int]) {
        self.dataset = dataset
        self.framework = framework
        self.period = period
        self.segments = segments
        footprints = Self.footprints(dataset, on: period.end, segments)
    }

    /// Every footprint's members, worked out once in one pass over the organisations: the console
    /// asks for a footprint's on every frame, and a pass per footprint would be one per frame.
    private let footprints: [FootprintID: FootprintSegments]

    private static func footprints(_ dataset: Dataset, on day: CalendarDate, _ segments: [OrgCode: Int]) -> [FootprintID: FootprintSegments] {
        var members: [FootprintID: [FootprintMember]] = [:]
        var serving: [FootprintID: [FootprintMember]] = [:]
        for org in dataset.organisations {
            let member = FootprintMember(org: org.code, name: org.name, segment: segments[org.code])
            for id in Set(org.memberships.map(\.footprint)) {
                switch org.role(in: id, on: day) {
                case .primary: members[id, default: []].append(member)
                case .serves: serving[id, default: []].append(member)
                case nil: break
                }
            }
        }
        var result: [FootprintID: FootprintSegments] = [:]
        for footprint in dataset.footprints {
            result[footprint.id] = FootprintSegments(footprint: footprint.id, name: footprint.name,
                                                     members: members[footprint.id] ?? [], serving: serving[footprint.id] ?? [])
        }
        return result
    }

    /// A footprint's members and the spread of their segments; nil for an unknown footprint.
    public func footprint(_ id: FootprintID) -> FootprintSegments? {
        footprints[id]
    }

    /// A trust's segment beside each footprint it is hosted by on the period's last day.
    public func beside(_ code: OrgCode) -> [SegmentBesideSystem] {
        guard let org = dataset.organisation(code) else { return [] }
        let hosts = org.memberships.filter { $0.role == .primary && $0.covers(period.end) }.map(\.footprint)
        return hosts.compactMap { footprint($0) }.map { SegmentBesideSystem(org: code, segment: segments[code], system: $0) }
    }
}

/// A footprint's members and the spread of their segments.
public struct FootprintSegments: Hashable, Sendable {
    public let footprint: FootprintID
    public let name: String
    /// Organisations it hosts (primary members): these are counted.
    public let members: [FootprintMember]
    /// Organisations that also serve it (ambulance, specialist, mental health trusts): listed, not counted,
    /// since each is counted in its host system.
    public let serving: [FootprintMember]
    /// Members per segment.
    public let counts: [Int: Int]
    /// Members with no segment this period.
    public let unknown: Int
    /// The median member segment: the footprint's position.
    public let median: Double?
    public let mean: Double?

    init(footprint: FootprintID, name: String, members: [FootprintMember], serving: [FootprintMember]) {
        self.footprint = footprint
        self.name = name
        self.members = members
        self.serving = serving
        let known = members.compactMap(\.segment).sorted()
        var counts: [Int: Int] = [:]
        for segment in known { counts[segment, default: 0] += 1 }
        self.counts = counts
        unknown = members.count - known.count
        if known.isEmpty {
            median = nil
            mean = nil
        } else {
            let middle = known.count / 2
            median = known.count % 2 == 1 ? Double(known[middle]) : Double(known[middle - 1] + known[middle]) / 2
            mean = Double(known.reduce(0, +)) / Double(known.count)
        }
    }

    public func count(of segment: Int) -> Int { counts[segment] ?? 0 }
}

public struct FootprintMember: Hashable, Sendable {
    public let org: OrgCode
    public let name: String
    public let segment: Int?
}

/// A trust's segment beside its system's position.
public struct SegmentBesideSystem: Hashable, Sendable {
    public enum Comparison: String, Hashable, Sendable {
        case better, same, worse, unknown
    }

    public let org: OrgCode
    public let segment: Int?
    public let system: FootprintSegments

    /// Better, the same or worse than the footprint's median member segment.
    public var comparison: Comparison {
        guard let segment, let median = system.median else { return .unknown }
        let own = Double(segment)
        return own < median ? .better : (own == median ? .same : .worse)
    }
}
