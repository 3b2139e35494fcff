import OversightDomain

/// The dataset read for screens: indexes the views need (members of a footprint, interventions
/// of an organisation, scorecards by framework and period), built once per dataset so that
/// drawing a screen never scans the whole country; and the segments, system views and distances
/// worked out for it so far, handed in by the session (`Derived`).
public struct Landscape: Sendable {
    public let dataset: Dataset
    /// The day screens measure "open", "overdue" and membership against.
    public let today: CalendarDate
    /// The seven regions in force (the 2020 model), by code.
    public let regions: [Region]
    /// Frameworks that have scorecards, oldest first.
    public let frameworks: [Framework]
    public let periodsByFramework: [FrameworkID: [Period]]
    public let membersByFootprint: [FootprintID: [OrgCode]]
    public let footprintsByOrganisation: [OrgCode: [FootprintID]]
    public let interventionsByOrganisation: [OrgCode: [Intervention]]
    public let notesByOrganisation: [OrgCode: [Note]]
    /// Each organisation's open actions, overdue first (oldest due first), then by due date.
    public let openActionsByOrganisation: [OrgCode: [Action]]
    /// Footprints with a member whose provider type is a researcher's classification (UNVERIFIED),
    /// so a footprint screen knows it needs the legend without looking at every member each frame.
    public let footprintsWithUnverifiedTypes: Set<FootprintID>
    /// Segments, system views and distances worked out for this dataset so far, by framework and
    /// period: what the screens asked for (`AppState.needs`) and the session handed in. A screen
    /// reads nothing here that was not handed in: a period not yet worked out reads as unsegmented.
    public private(set) var derived: Derived
    let scorecardsByPeriod: [FrameworkPeriod: [Scorecard]]
    /// The quarters with published figures, per framework, for each peer group and for any.
    let publishedPeriods: [FrameworkID: [PublishedGroup: Set<Period>]]

    public init(_ dataset: Dataset, today: CalendarDate) {
        self.init(dataset, today: today, keeping: Derived())
    }

    /// The landscape of the data after an edit, keeping what was worked out for every framework and
    /// period whose scorecards the edit did not touch (segments depend only on those scorecards and
    /// on organisations and frameworks, which edits never change), so that saving a note or a
    /// decision leaves at most one period to work out again.
    public func updated(_ dataset: Dataset, changed: [RecordKey]) -> Landscape {
        Landscape(dataset, today: today, keeping: derived.filtered { !Landscape.touched(changed).contains($0) })
    }

    /// The framework periods whose scorecards some records are.
    public static func touched(_ changed: [RecordKey]) -> Set<FrameworkPeriod> {
        Set(changed.compactMap { if case .scorecard(let id) = $0 { return FrameworkPeriod(id.framework, id.period) } else { return nil } })
    }

    /// With more worked-out data for this dataset.
    public mutating func supply(_ more: Derived) {
        derived = derived.merging(Derived(segments: more.segments, systems: more.systems, distances: more.distances))
    }

    init(_ dataset: Dataset, today: CalendarDate, keeping known: Derived) {
        self.dataset = dataset
        self.today = today
        let current = dataset.regions.filter { $0.era == .regions2020 }
        regions = current.isEmpty ? dataset.regions : current

        var periods: [FrameworkID: Set<Period>] = [:]
        var cards: [FrameworkPeriod: [Scorecard]] = [:]
        var published: [FrameworkID: [PublishedGroup: Set<Period>]] = [:]
        for card in dataset.scorecards {
            periods[card.framework, default: []].insert(card.period)
            cards[FrameworkPeriod(card.framework, card.period), default: []].append(card)
            guard card.published?.segment != nil else { continue }
            var groups: [PublishedGroup] = [.any]
            if let group = dataset.organisation(card.org)?.peerGroup { groups.append(.group(group)) }
            for group in groups { published[card.framework, default: [:]][group, default: []].insert(card.period) }
        }
        publishedPeriods = published
        scorecardsByPeriod = cards
        // Every framework, and every period of its life, whether or not anything was published for it: a
        // period with nothing says so, rather than being unreachable (SOF 2016 and the CCG IAF in their years).
        // An open-ended framework runs to its latest scorecard, or today's quarter when it has none.
        let thisQuarter = Period.quarter(containing: today)
        var lives: [FrameworkID: [Period]] = [:]
        for framework in dataset.frameworks {
            // A scorecard recorded for a period far ahead (a slip of the year) does not stretch the framework's life.
            let latest = framework.inForceTo == nil
                ? (periods[framework.id]?.filter { $0.start.dayNumber <= thisQuarter.next.start.dayNumber }.max() ?? thisQuarter) : thisQuarter
            lives[framework.id] = Set(framework.periods(through: latest)).union(periods[framework.id] ?? []).sorted()
        }
        periodsByFramework = lives
        frameworks = dataset.frameworks.sorted { ($0.inForceFrom, $0.id) < ($1.inForceFrom, $1.id) }

        var members: [FootprintID: [OrgCode]] = [:]
        var footprints: [OrgCode: [FootprintID]] = [:]
        var unverified = Set<FootprintID>()
        for org in dataset.organisations {
            var seen = Set<FootprintID>()
            let typeUnverified = org.type != nil && org.typeProvenance?.kind == .unverified
            for membership in org.memberships where seen.insert(membership.footprint).inserted {
                members[membership.footprint, default: []].append(org.code)
                footprints[org.code, default: []].append(membership.footprint)
                if typeUnverified { unverified.insert(membership.footprint) }
            }
        }
        membersByFootprint = members
        footprintsByOrganisation = footprints
        footprintsWithUnverifiedTypes = unverified

        var interventions: [OrgCode: [Intervention]] = [:]
        for item in dataset.interventions { interventions[item.org, default: []].append(item) }
        interventionsByOrganisation = interventions.mapValues { $0.sorted { ($0.start, $0.id) > ($1.start, $1.id) } }

        var notes: [OrgCode: [Note]] = [:]
        for note in dataset.notes {
            if case .organisation(let code) = note.subject { notes[code, default: []].append(note) }
        }
        notesByOrganisation = notes.mapValues { $0.sorted { $0.created > $1.created } }

        var actions: [OrgCode: [Action]] = [:]
        for action in dataset.actions where action.status == .open {
            if case .organisation(let code) = action.subject { actions[code, default: []].append(action) }
        }
        openActionsByOrganisation = actions.mapValues { $0.sorted { ($0.due?.dayNumber ?? .max, $0.id) < ($1.due?.dayNumber ?? .max, $1.id) } }

        derived = known
    }

    // MARK: lookups

    public func organisation(_ code: OrgCode) -> Organisation? { dataset.organisation(code) }

    /// A peer group, or any: what the latest published quarter is asked for.
    enum PublishedGroup: Hashable, Sendable { case any, group(PeerGroup) }
    public func footprint(_ id: FootprintID) -> Footprint? { dataset.footprint(id) }
    public func framework(_ id: FrameworkID?) -> Framework? { id.flatMap { dataset.framework($0) } }
    public func region(_ code: RegionCode) -> Region? { dataset.region(code) }

    public func periods(of framework: FrameworkID?) -> [Period] {
        framework.flatMap { periodsByFramework[$0] } ?? []
    }

    /// The period the console opens a framework on: its latest, but never one more than a quarter ahead of
    /// today (a decision recorded for 2099 by a slip stays listed, and p and P reach it, but is not what opens).
    public func openingPeriod(of framework: FrameworkID?) -> Period? {
        let periods = periods(of: framework)
        return Landscape.openingIndex(in: periods, today: today).map { periods[$0] }
    }

    /// Where in these periods (in time order) the console opens: the last no more than a quarter
    /// ahead of today, else the first.
    static func openingIndex(in periods: [Period], today: CalendarDate) -> Int? {
        let limit = Period.quarter(containing: today).next
        return periods.lastIndex { $0.start.dayNumber <= limit.start.dayNumber } ?? (periods.isEmpty ? nil : 0)
    }

    public func segment(_ org: OrgCode, _ framework: FrameworkID?, _ period: Period?) -> SegmentReading {
        readings(framework, period)[org] ?? .none
    }

    /// Every organisation's reading for a framework and period, as handed in (none until it is).
    func readings(_ framework: FrameworkID?, _ period: Period?) -> [OrgCode: SegmentReading] {
        FrameworkPeriod(framework, period).flatMap { derived.segments[$0]?.readings } ?? [:]
    }

    public func scorecard(_ org: OrgCode, _ framework: FrameworkID?, _ period: Period?) -> Scorecard? {
        guard let framework, let period else { return nil }
        return dataset.scorecard(ScorecardID(org: org, framework: framework, period: period))
    }

    /// Every scorecard of a framework for a period.
    public func scorecards(_ framework: FrameworkID?, _ period: Period?) -> [Scorecard] {
        FrameworkPeriod(framework, period).flatMap { scorecardsByPeriod[$0] } ?? []
    }

    /// The values of a metric among an organisation's peers (its peer group) in a period, and its rank
    /// among them (1 is best, ties share the better rank).
    public func peers(of org: OrgCode, metric: MetricDefinition, _ framework: FrameworkID?, _ period: Period?) -> PeerStanding {
        let group = organisation(org)?.peerGroup
        var values: [Double] = []
        var own: Double?
        for card in scorecards(framework, period) {
            guard let value = card.number(metric.id), organisation(card.org)?.peerGroup == group else { continue }
            values.append(value)
            if card.org == org { own = value }
        }
        let rank = own.map { mine in 1 + values.filter { metric.isBetter($0, than: mine) }.count }
        return PeerStanding(group: group, values: values, own: own, rank: rank)
    }

    public func footprints(of era: Footprint.Era, in region: RegionCode? = nil) -> [Footprint] {
        dataset.footprints.filter { $0.era == era && (region == nil || $0.region == region) }
    }

    /// NHS England's regions in the period on screen: the four of 2016 until March 2020, the seven after.
    public func regions(_ viewpoint: Viewpoint) -> [Region] {
        let shown = dataset.regions(during: countingPeriod(viewpoint))
        return shown.isEmpty ? regions : shown
    }

    /// Whether a region is one of the four of 2016, which footprints sat in only until March 2020.
    func isRegion2016(_ code: RegionCode?) -> Bool {
        code.flatMap { region($0)?.era } == .regions2016
    }

    /// The footprints of an era in a region as the period on screen sees them: under a 2016 region, those
    /// that existed then and sat in it (the STP footprints of the time); under a region of 2020, every
    /// footprint of the era in it (so the STP footprints stay listable for their lineage after they ended).
    public func footprints(of era: Footprint.Era, in region: RegionCode?, _ viewpoint: Viewpoint) -> [Footprint] {
        guard isRegion2016(region) else { return footprints(of: era, in: region) }
        return dataset.footprints(of: era, on: countingPeriod(viewpoint).end, in: region)
    }

    /// Organisations ever in a footprint.
    public func members(of footprint: FootprintID) -> [Organisation] {
        (membersByFootprint[footprint] ?? []).compactMap { dataset.organisation($0) }
    }

    /// The footprints of an era an organisation belongs to, its host system first.
    public func footprints(of org: Organisation, era: Footprint.Era) -> [Footprint] {
        let ids = org.memberships.sorted { ($0.role == .primary ? 0 : 1) < ($1.role == .primary ? 0 : 1) }.map(\.footprint)
        var seen = Set<FootprintID>()
        return ids.compactMap { id in
            guard seen.insert(id).inserted, let footprint = dataset.footprint(id), footprint.era == era else { return nil }
            return footprint
        }
    }

    public func interventions(of org: OrgCode) -> [Intervention] { interventionsByOrganisation[org] ?? [] }

    /// The period counts are made for: the one on screen, else (a store with no scorecards yet) the
    /// quarter containing today.
    public func countingPeriod(_ viewpoint: Viewpoint) -> Period {
        viewpoint.period ?? Period.quarter(containing: today)
    }

    /// An organisation's interventions in force at any time during the period on screen
    /// (`Intervention.inForce(during:)`): what every "open interventions" count and mark shows, so
    /// that going back a year shows what was in force then, not what is open now.
    public func interventionsInForce(of org: OrgCode, _ viewpoint: Viewpoint) -> [Intervention] {
        let period = countingPeriod(viewpoint)
        return interventions(of: org).filter { $0.inForce(during: period) }
    }

    public func notes(of org: OrgCode) -> [Note] { notesByOrganisation[org] ?? [] }

    /// An organisation's open actions, the most overdue first.
    public func openActions(of org: OrgCode) -> [Action] { openActionsByOrganisation[org] ?? [] }

    /// How many of an organisation's actions are open and past their due date today.
    public func overdueActions(of org: OrgCode) -> Int { openActions(of: org).filter { $0.isOverdue(on: today) }.count }

    /// Whether any of these organisations has an overdue action: the lists show the Overdue column only then.
    public func anyOverdue(_ orgs: some Sequence<OrgCode>) -> Bool { orgs.contains { overdueActions(of: $0) > 0 } }

    /// The organisations open on the last day of the period on screen (the day the system view reads
    /// membership on), of one region or all: five trusts that closed in 2024 are counted for the
    /// periods they ran in, so going back a year counts the 249 the store holds, not the 244 open today.
    public func organisations(in region: RegionCode? = nil, _ viewpoint: Viewpoint) -> [Organisation] {
        let day = countingPeriod(viewpoint).end
        // An organisation's region is one of the seven; under one of the four of 2016 it is the region of the
        // footprint that hosted it then.
        if let region, isRegion2016(region) {
            let codes = Set(dataset.footprints(of: .stp2016, on: day, in: region).flatMap { footprint in
                let members = dataset.members(of: footprint.id, on: day)
                return (members.trusts + members.ccgs + members.others).filter { $0.role == .primary }.map(\.organisation.code)
            })
            return dataset.organisations.filter { codes.contains($0.code) && $0.isOpen(on: day) }
        }
        return dataset.organisations.filter { (region == nil || $0.region == region) && $0.isOpen(on: day) }
    }

    /// The segment mix of some organisations under a framework in a period.
    public func mix(_ orgs: [OrgCode], _ viewpoint: Viewpoint) -> SegmentMix {
        var mix = SegmentMix(segments: framework(viewpoint.framework)?.segmentRange?.upperBound ?? 5)
        guard viewpoint.framework != nil, viewpoint.period != nil else { return mix }
        let readings = readings(viewpoint.framework, viewpoint.period)
        // Every organisation with a scorecard has a reading; one without (an ICB under a provider
        // framework, a trust with nothing published this period) is counted with no segment, as a
        // footprint counts its hosted members, so the bar is drawn to the scale of all of them.
        for org in orgs {
            guard let reading = readings[org] else {
                mix.add(nil)
                continue
            }
            mix.add(reading.segment)
            if reading.nearBoundary { mix.near += 1 }
        }
        return mix
    }

    /// Segment changes between a period and the one before it, worst first.
    public func segmentChanges(_ viewpoint: Viewpoint) -> [SegmentChange] {
        guard let framework = viewpoint.framework, let period = viewpoint.period,
              let index = periods(of: framework).firstIndex(of: period), index > 0 else { return [] }
        let before = periods(of: framework)[index - 1]
        let now = readings(framework, period)
        let then = readings(framework, before)
        var changes: [SegmentChange] = []
        for (org, reading) in now {
            guard let to = reading.segment, let from = then[org]?.segment, from != to else { continue }
            changes.append(SegmentChange(org: org, from: from, to: to, period: period, previous: before))
        }
        return changes.sorted { ($0.to - $0.from, $0.org) > ($1.to - $1.from, $1.org) }
    }
}

/// Where an organisation's value sits among its peer group's.
public struct PeerStanding: Sendable {
    public var group: PeerGroup?
    public var values: [Double]
    public var own: Double?
    public var rank: Int?
}

/// One organisation moving segment between two periods.
public struct SegmentChange: Hashable, Sendable {
    public var org: OrgCode
    public var from: Int
    public var to: Int
    public var period: Period
    public var previous: Period

    /// A lower segment number means less support needed: better.
    public var isBetter: Bool { to < from }
}
