/// Everything a store holds: the places, organisations and frameworks (reference data), and the
/// scorecards, interventions, notes and actions (which edits change). Every array is sorted by id.
public struct Dataset: Hashable, Codable, Sendable {
    public var regions: [Region]
    public var footprints: [Footprint]
    public var organisations: [Organisation]
    public var frameworks: [Framework]
    public var interventionTypes: [InterventionType]
    public var scorecards: [Scorecard]
    public var interventions: [Intervention]
    public var notes: [Note]
    public var actions: [Action]
    /// The published files imported into the store, which published figures name as their source.
    public var releases: [PublishedRelease]
    /// Oversight meetings: agendas and minutes' state.
    public var meetings: [Meeting]

    public init(regions: [Region] = [], footprints: [Footprint] = [], organisations: [Organisation] = [],
                frameworks: [Framework] = [], interventionTypes: [InterventionType] = [], scorecards: [Scorecard] = [],
                interventions: [Intervention] = [], notes: [Note] = [], actions: [Action] = [],
                releases: [PublishedRelease] = [], meetings: [Meeting] = []) {
        self.regions = regions
        self.footprints = footprints
        self.organisations = organisations
        self.frameworks = frameworks
        self.interventionTypes = interventionTypes
        self.scorecards = scorecards
        self.interventions = interventions
        self.notes = notes
        self.actions = actions
        self.releases = releases
        self.meetings = meetings
        normalise()
    }

    /// Sorts every collection by id; decoding keeps file order so that problems can name positions.
    public mutating func normalise() {
        if !regions.isSortedByID { regions = regions.sortedByID() }
        if !footprints.isSortedByID { footprints = footprints.sortedByID() }
        if !organisations.isSortedByID { organisations = organisations.sortedByID() }
        if !frameworks.isSortedByID { frameworks = frameworks.sortedByID() }
        if !interventionTypes.isSortedByID { interventionTypes = interventionTypes.sortedByID() }
        if !scorecards.isSortedByID { scorecards = scorecards.sortedByID() }
        if !interventions.isSortedByID { interventions = interventions.sortedByID() }
        if !notes.isSortedByID { notes = notes.sortedByID() }
        if !actions.isSortedByID { actions = actions.sortedByID() }
        if !releases.isSortedByID { releases = releases.sortedByID() }
        if !meetings.isSortedByID { meetings = meetings.sortedByID() }
    }

    public var isNormalised: Bool {
        regions.isSortedByID && footprints.isSortedByID && organisations.isSortedByID && frameworks.isSortedByID
            && interventionTypes.isSortedByID && scorecards.isSortedByID && interventions.isSortedByID
            && notes.isSortedByID && actions.isSortedByID && releases.isSortedByID && meetings.isSortedByID
    }

    private enum CodingKeys: String, CodingKey {
        case regions, footprints, organisations, frameworks, interventionTypes, scorecards, interventions, notes, actions, releases, meetings
    }

    /// Keeps file order (see `normalise`), so that a validator can point at the n-th record.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        regions = try c.decode([Region].self, forKey: .regions)
        footprints = try c.decode([Footprint].self, forKey: .footprints)
        organisations = try c.decode([Organisation].self, forKey: .organisations)
        frameworks = try c.decode([Framework].self, forKey: .frameworks)
        interventionTypes = try c.decode([InterventionType].self, forKey: .interventionTypes)
        scorecards = try c.decode([Scorecard].self, forKey: .scorecards)
        interventions = try c.decode([Intervention].self, forKey: .interventions)
        notes = try c.decode([Note].self, forKey: .notes)
        actions = try c.decode([Action].self, forKey: .actions)
        // Stores written before published files could be imported have none.
        releases = try c.decodeIfPresent([PublishedRelease].self, forKey: .releases) ?? []
        // Stores written before meetings were kept have none.
        meetings = try c.decodeIfPresent([Meeting].self, forKey: .meetings) ?? []
    }

    /// `releases` only when there are some, so that a store with no imported file is written byte for byte as
    /// before they existed (the golden v1 store re-encodes unchanged).
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(regions, forKey: .regions)
        try c.encode(footprints, forKey: .footprints)
        try c.encode(organisations, forKey: .organisations)
        try c.encode(frameworks, forKey: .frameworks)
        try c.encode(interventionTypes, forKey: .interventionTypes)
        try c.encode(scorecards, forKey: .scorecards)
        try c.encode(interventions, forKey: .interventions)
        try c.encode(notes, forKey: .notes)
        try c.encode(actions, forKey: .actions)
        if !releases.isEmpty { try c.encode(releases, forKey: .releases) }
        if !meetings.isEmpty { try c.encode(meetings, forKey: .meetings) }
    }

    // Lookups by id (binary search on the sorted arrays).
    public func region(_ code: RegionCode) -> Region? { regions[id: code] }
    public func footprint(_ id: FootprintID) -> Footprint? { footprints[id: id] }
    public func organisation(_ code: OrgCode) -> Organisation? { organisations[id: code] }
    public func framework(_ id: FrameworkID) -> Framework? { frameworks[id: id] }
    public func interventionType(_ id: InterventionTypeID) -> InterventionType? { interventionTypes[id: id] }
    public func scorecard(_ id: ScorecardID) -> Scorecard? { scorecards[id: id] }
    public func intervention(_ id: InterventionID) -> Intervention? { interventions[id: id] }
    public func note(_ id: NoteID) -> Note? { notes[id: id] }
    public func action(_ id: ActionID) -> Action? { actions[id: id] }
    public func release(_ id: ReleaseID) -> PublishedRelease? { releases[id: id] }
    public func meeting(_ id: MeetingID) -> Meeting? { meetings[id: id] }

    /// Footprints of one era, by id.
    public func footprints(of era: Footprint.Era) -> [Footprint] { footprints.filter { $0.era == era } }

    /// Footprints that list `id` as a successor.
    public func predecessors(of id: FootprintID) -> [Footprint] {
        footprints.filter { $0.successors.contains { $0.footprint == id } }
    }
}
