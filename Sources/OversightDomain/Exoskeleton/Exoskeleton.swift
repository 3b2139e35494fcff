/// The "exoskeleton" of a footprint in one period: its trusts with what the provider framework of the
/// time said of them (SOF 2016: a segment) beside its CCGs with what theirs said (the CCG IAF: a
/// rating), each with the interventions in force, and how many of each are known. It answers the
/// question the STP seeds asked, "is this organisation standing behind its STP?", from the record
/// alone: where nothing was published it says so and makes nothing up.
public struct Exoskeleton: Hashable, Sendable {
    /// What a framework's published record says of one organisation in the period.
    public struct Standing: Hashable, Sendable {
        /// The card it is read from (its period may be the year of the quarter asked about, for an
        /// annual framework, or the latest quarter of a year asked about).
        public let scorecard: ScorecardID
        /// The segment, under a segmenting framework (SOF 2016: 1 to 4).
        public let segment: Int?
        /// The rating id, under a rating framework (CCG IAF: "good").
        public let rating: String?
        /// Its source, and, when it was worked out rather than read (a SOF segment 4 from the special
        /// measures record), how.
        public let provenance: Provenance
    }

    public struct Line: Hashable, Sendable {
        public let organisation: Organisation
        public let role: Membership.Role
        /// Nil when nothing was published for it in the period: "no published rating".
        public let standing: Standing?
        /// Interventions in force at any time in the period (`Intervention.inForce(during:)`), oldest first.
        public let interventions: [Intervention]
    }

    /// One column: the trusts, or the CCGs.
    public struct Side: Hashable, Sendable {
        /// The framework these organisations were overseen under in the period, nil when none of the
        /// store's frameworks for them was in force (2019/20 to mid-2021, whose framework is not held).
        public let framework: FrameworkID?
        public let lines: [Line]

        public var count: Int { lines.count }
        /// How many have a published (or derived-from-the-record) standing.
        public var known: Int { lines.filter { $0.standing != nil }.count }
        public var withInterventions: Int { lines.filter { !$0.interventions.isEmpty }.count }
    }

    public let footprint: FootprintID
    public let period: Period
    /// The day membership is read on: the period's last, as every count on screen is.
    public let day: CalendarDate
    public let trusts: Side
    public let ccgs: Side

    /// Nil when the footprint is not in the dataset.
    public init?(_ dataset: Dataset, footprint: FootprintID, period: Period) {
        guard dataset.footprint(footprint) != nil else { return nil }
        self.footprint = footprint
        self.period = period
        day = period.end
        let members = dataset.members(of: footprint, on: day)
        let interventions = Dictionary(grouping: dataset.interventions.filter { $0.inForce(during: period) }, by: \.org)
        func side(_ members: [FootprintMembers.Member], kinds: Set<OrganisationKind>) -> Side {
            let framework = Exoskeleton.framework(dataset, for: kinds, during: period)
            let lines = members.map { member in
                Line(organisation: member.organisation, role: member.role,
                     standing: framework.flatMap { Exoskeleton.standing(dataset, member.organisation.code, $0, period) },
                     interventions: (interventions[member.organisation.code] ?? []).sorted { ($0.start, $0.id) < ($1.start, $1.id) })
            }
            return Side(framework: framework?.id, lines: lines)
        }
        trusts = side(members.trusts, kinds: [.nhsTrust, .foundationTrust])
        ccgs = side(members.ccgs, kinds: [.ccg])
    }

    /// The framework in force during the period that applies to these kinds of organisation; where
    /// several were, the one that began first.
    static func framework(_ dataset: Dataset, for kinds: Set<OrganisationKind>, during period: Period) -> Framework? {
        dataset.frameworks(inForceDuring: period)
            .filter { !kinds.isDisjoint(with: $0.appliesTo) }
            .min { ($0.inForceFrom, $0.id) < ($1.inForceFrom, $1.id) }
    }

    /// What the record says of an organisation under a framework in a period. A quarter reads its own
    /// card, else the card of its year (an annual rating holds for each of the year's quarters); a
    /// year reads its own card, else the latest of its quarters that says something.
    static func standing(_ dataset: Dataset, _ org: OrgCode, _ framework: Framework, _ period: Period) -> Standing? {
        func read(_ period: Period) -> Standing? {
            guard let card = dataset.scorecard(ScorecardID(org: org, framework: framework.id, period: period)) else { return nil }
            if let decision = card.decision {
                return Standing(scorecard: card.id, segment: decision.segment, rating: nil, provenance: decision.provenance)
            }
            if let segment = card.published?.segment {
                return Standing(scorecard: card.id, segment: segment, rating: nil, provenance: card.provenance)
            }
            if let rating = card.rating {
                return Standing(scorecard: card.id, segment: nil, rating: rating, provenance: card.provenance)
            }
            return nil
        }
        if period.isQuarter { return read(period) ?? read(period.year) }
        return read(period) ?? [4, 3, 2, 1].lazy.compactMap { read(.quarter(period.financialYear, $0)) }.first
    }
}
