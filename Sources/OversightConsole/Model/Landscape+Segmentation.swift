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
        guard let framework, let period else { return nil }
        return segmentCache.result(SegmentKey(framework: framework, period: period))
    }

    /// The distance to the next segment with its suggested improvements applied and the peer group
    /// recomputed; nil in the best quartile or without a segment. Worked out once per trust and period.
    public func confirmedDistance(_ org: OrgCode, _ framework: FrameworkID?, _ period: Period?) -> DistanceToNextSegment? {
        guard let framework, let period else { return nil }
        return segmentCache.confirmedDistance(org, SegmentKey(framework: framework, period: period))
    }

    /// A trust's segment beside its host system (ICS or STP) on the period's last day.
    public func beside(_ org: OrgCode, _ framework: FrameworkID?, _ period: Period?) -> SegmentBesideSystem? {
        guard let framework, let period else { return nil }
        return segmentCache.system(SegmentKey(framework: framework, period: period))?.beside(org).first
    }

    /// A footprint's members as the system view counts them (its hosts on the period's last day)
    /// and its position, the median member segment: what a trust's segment is set beside.
    public func system(_ footprint: FootprintID, _ framework: FrameworkID?, _ period: Period?) -> FootprintSegments? {
        guard let framework, let period else { return nil }
        return segmentCache.system(SegmentKey(framework: framework, period: period))?.footprint(footprint)
    }

    /// The region and the host ICS of an organisation, by name: what a league table's filter matches.
    public func placeNames(_ org: Organisation) -> (region: String, system: String) {
        let region = self.region(org.region)?.name ?? org.region.rawValue
        return (region, footprints(of: org, era: .ics2022).first?.name ?? "")
    }
}
