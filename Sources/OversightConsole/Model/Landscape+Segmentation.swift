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

    /// NHS England's published league for a framework and period, as handed in; nil when nothing is
    /// published for it (or it has not been worked out yet).
    public func publishedLeague(_ framework: FrameworkID?, _ period: Period?) -> PublishedLeague? {
        FrameworkPeriod(framework, period).flatMap { derived.segments[$0]?.published }
    }

    /// Whether the store holds any figures NHS England published under a framework, in any period: then a
    /// trust with none for the period on screen has "no published data", not merely no scorecard.
    public func hasPublishedFigures(_ framework: FrameworkID?) -> Bool {
        framework.map { id in dataset.releases.contains { $0.framework == id } } ?? false
    }

    /// The latest quarter of a framework with published figures for a peer group (any, when nil).
    public func latestPublished(_ framework: FrameworkID?, for group: PeerGroup?) -> Period? {
        framework.flatMap { publishedPeriods[$0]?[group.map(PublishedGroup.group) ?? .any]?.max() }
    }

    /// Whether NHS England's figures for a peer group (any, when nil) are in the store for a quarter.
    public func isPublished(_ framework: FrameworkID?, _ period: Period?, for group: PeerGroup?) -> Bool {
        guard let framework, let period else { return false }
        return publishedPeriods[framework]?[group.map(PublishedGroup.group) ?? .any]?.contains(period) == true
    }

    /// "2025/26 Q4: published for 61 of 62 mental health and community trusts; acute: the latest is 2025/26
    /// Q1; ambulance: none published here": what a quarter's published figures cover, so that a quarter with
    /// only part of the country's figures never reads as the whole.
    public func coverage(_ framework: FrameworkID?, _ period: Period?) -> String? {
        guard let framework, let period, hasPublishedFigures(framework) else { return nil }
        var open: [PeerGroup: Int] = [:]
        for org in dataset.organisations where org.isOpen(on: period.end) {
            if let group = org.peerGroup { open[group, default: 0] += 1 }
        }
        var published: [PeerGroup: Int] = [:]
        for card in scorecards(framework, period) where card.published?.segment != nil {
            if let group = organisation(card.org)?.peerGroup { published[group, default: 0] += 1 }
        }
        var parts: [String] = []
        for group in PeerGroup.allCases {
            if let count = published[group] {
                parts.append("\(count) of \(max(count, open[group] ?? 0)) \(group.label) trusts")
            } else if let latest = latestPublished(framework, for: group) {
                parts.append("\(group.label): none (latest \(latest.label))")
            } else {
                parts.append("\(group.label): none published here")
            }
        }
        return "\(period.label) published: " + parts.joined(separator: "; ")
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
