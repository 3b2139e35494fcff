import OversightDomain

/// A footprint's members as every screen counts them, the system view's definition: the
/// organisations it hosts (primary members) on the period's last day are counted in its members
/// and its segment mix; trusts that only serve it (an ambulance trust serving several systems) are
/// listed apart and not counted, since each is counted in the system that hosts it. One definition,
/// so that the footprints list, the footprint screen and the computation screen's "6 members"
/// give the same number.
public struct FootprintHosting: Hashable, Sendable {
    /// Hosted on the day, in dataset order.
    public var hosted: [OrgCode]
    /// Serving it on the day without being hosted by it.
    public var serving: [OrgCode]
    /// The segments of the hosted members; one with no segment this period (an ICB under a
    /// framework for trusts, a trust with no scorecard) is counted as not segmented, as the system
    /// view counts it.
    public var mix: SegmentMix
    /// The day membership is read on.
    public var day: CalendarDate
}

extension Landscape {
    /// The day a footprint's membership is read on for the period on screen: the period's last day,
    /// as the system view reads it, or the footprint's own last day when it had ended by then (an STP
    /// footprint looked at in 2025/26 shows the members it had when it became an ICS, not none).
    public func membershipDay(_ footprint: FootprintID, _ viewpoint: Viewpoint) -> CalendarDate {
        let end = countingPeriod(viewpoint).end
        guard let to = self.footprint(footprint)?.validTo, to.lastDayNumber < end.dayNumber else { return end }
        return CalendarDate.fromDayNumber(to.lastDayNumber)
    }

    public func hosting(_ footprint: FootprintID, _ viewpoint: Viewpoint) -> FootprintHosting {
        let day = membershipDay(footprint, viewpoint)
        var hosted: [OrgCode] = []
        var serving: [OrgCode] = []
        for code in membersByFootprint[footprint] ?? [] {
            switch organisation(code)?.role(in: footprint, on: day) {
            case .primary: hosted.append(code)
            case .serves: serving.append(code)
            case nil: break
            }
        }
        var mix = SegmentMix(segments: framework(viewpoint.framework)?.segmentRange?.upperBound ?? 5)
        for code in hosted {
            let reading = segment(code, viewpoint.framework, viewpoint.period)
            mix.add(reading.segment)
            if reading.nearBoundary { mix.near += 1 }
        }
        return FootprintHosting(hosted: hosted, serving: serving, mix: mix, day: day)
    }
}
