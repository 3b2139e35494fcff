import OversightDomain

extension Landscape {
    /// Whether the framework's method computes segments (NOF 2025/26), so that it has league tables,
    /// a computation behind each segment and distances to the next one.
    public func computesSegments(_ framework: FrameworkID?) -> Bool {
        self.framework(framework)?.computesSegments == true
    }

    /// The engine's result for a framework and period (league tables, boundaries, every computation);
    /// nil when the framework decides segments by judgement.
    public func segmentation(_ framework: FrameworkID?, _ period: Period?) -> SegmentationResult? {
        FrameworkPeriod(framework, period).flatMap { derived.segments[$0]?.result }
    }

    /// The distance to the next segment with its suggested improvements applied and the peer group
    /// recomputed; nil in the best quartile or without a segment, or until it is handed in.
    public func confirmedDistance(_ org: OrgCode, _ framework: FrameworkID?, _ period: Period?) -> DistanceToNextSegment? {
        FrameworkPeriod(framework, period).flatMap { derived.distances[$0]?[org] ?? nil }
    }

    /// A trust's segment beside its host system (ICS or STP) on the period's last day.
    public func beside(_ org: OrgCode, _ framework: FrameworkID?, _ period: Period?) -> SegmentBesideSystem? {
        FrameworkPeriod(framework, period).flatMap { derived.systems[$0]?.beside(org).first }
    }

    /// A footprint's members as the system view counts them (its hosts on the period's last day)
    /// and its position, the median member segment: what a trust's segment is set beside.
    public func system(_ footprint: FootprintID, _ framework: FrameworkID?, _ period: Period?) -> FootprintSegments? {
        FrameworkPeriod(framework, period).flatMap { derived.systems[$0]?.footprint(footprint) }
    }

    /// The region and the host ICS of an organisation, by name: what a league table's filter matches.
    public func placeNames(_ org: Organisation) -> (region: String, system: String) {
        let region = self.region(org.region)?.name ?? org.region.rawValue
        return (region, footprints(of: org, era: .ics2022).first?.name ?? "")
    }
}
