/// An NHS body overseen by one of the frameworks: a trust, a foundation trust, a CCG or an ICB.
public struct Organisation: Hashable, Codable, Sendable, Identified {
    public var code: OrgCode
    /// The name as people write it ("Manchester University NHS Foundation Trust").
    public var name: String
    /// The name exactly as the ODS extract spells it, when it differs.
    public var odsName: String?
    public var kind: OrganisationKind
    /// For providers: what services it runs. Nil for commissioners.
    public var type: ProviderType?
    /// The subtype as NHS England's NOF files name it ("Acute - Teaching", "Mental Health and Learning
    /// Disability", "Care Trust"), verbatim; nil where no file has named it.
    public var subtype: String?
    /// Where `type` came from: NHS England's files where they name it, else a researcher's classification.
    public var typeProvenance: Provenance?
    public var region: RegionCode
    /// Footprints it belonged to, over time; a trust may belong to several at once.
    public var memberships: [Membership]
    public var opened: CalendarDate?
    public var closed: CalendarDate?
    public var provenance: Provenance
    /// What became of it: the organisations that took it over (a merger, a CCG's functions passing to
    /// an ICB), each with its date. Empty for one still open, or one whose successor is not recorded.
    public var successors: [OrganisationSuccession]

    public init(code: OrgCode, name: String, odsName: String? = nil, kind: OrganisationKind, type: ProviderType?,
                subtype: String? = nil, typeProvenance: Provenance? = nil, region: RegionCode, memberships: [Membership],
                opened: CalendarDate? = nil, closed: CalendarDate? = nil, provenance: Provenance,
                successors: [OrganisationSuccession] = []) {
        self.code = code
        self.name = name
        self.odsName = odsName
        self.kind = kind
        self.type = type
        self.subtype = subtype
        self.typeProvenance = typeProvenance
        self.region = region
        self.memberships = memberships
        self.opened = opened
        self.closed = closed
        self.provenance = provenance
        self.successors = successors
    }

    private enum CodingKeys: String, CodingKey {
        case code, name, odsName, kind, type, subtype, typeProvenance, region, memberships, opened, closed, provenance, successors
    }

    /// Stores written before organisations had successors have none.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        code = try c.decode(OrgCode.self, forKey: .code)
        name = try c.decode(String.self, forKey: .name)
        odsName = try c.decodeIfPresent(String.self, forKey: .odsName)
        kind = try c.decode(OrganisationKind.self, forKey: .kind)
        type = try c.decodeIfPresent(ProviderType.self, forKey: .type)
        subtype = try c.decodeIfPresent(String.self, forKey: .subtype)
        typeProvenance = try c.decodeIfPresent(Provenance.self, forKey: .typeProvenance)
        region = try c.decode(RegionCode.self, forKey: .region)
        memberships = try c.decode([Membership].self, forKey: .memberships)
        opened = try c.decodeIfPresent(CalendarDate.self, forKey: .opened)
        closed = try c.decodeIfPresent(CalendarDate.self, forKey: .closed)
        provenance = try c.decode(Provenance.self, forKey: .provenance)
        successors = try c.decodeIfPresent([OrganisationSuccession].self, forKey: .successors) ?? []
    }

    /// In declaration order, as the synthesised encoder wrote it, and without `successors` when there are
    /// none: an organisation with no successor encodes byte for byte as it did before the field existed.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(code, forKey: .code)
        try c.encode(name, forKey: .name)
        try c.encodeIfPresent(odsName, forKey: .odsName)
        try c.encode(kind, forKey: .kind)
        try c.encodeIfPresent(type, forKey: .type)
        try c.encodeIfPresent(subtype, forKey: .subtype)
        try c.encodeIfPresent(typeProvenance, forKey: .typeProvenance)
        try c.encode(region, forKey: .region)
        try c.encode(memberships, forKey: .memberships)
        try c.encodeIfPresent(opened, forKey: .opened)
        try c.encodeIfPresent(closed, forKey: .closed)
        try c.encode(provenance, forKey: .provenance)
        if !successors.isEmpty { try c.encode(successors, forKey: .successors) }
    }

    public var id: OrgCode { code }

    public var isFoundationTrust: Bool { kind == .foundationTrust }
    public var isProvider: Bool { kind == .nhsTrust || kind == .foundationTrust }

    /// The peer group its league table uses (NOF 2025/26).
    public var peerGroup: PeerGroup? { type?.peerGroup }

    /// Whether it existed on a day: opened by then (or no opening recorded) and not yet closed. A
    /// year or month date stands for any day in it, as an intervention's do.
    public func isOpen(on day: CalendarDate) -> Bool {
        (opened.map { $0.dayNumber <= day.dayNumber } ?? true) && (closed.map { $0.lastDayNumber >= day.dayNumber } ?? true)
    }

    /// How it belonged to a footprint on a day: `.primary` when the footprint hosted it (a host
    /// membership wins over a serving one), `.serves` when it only served it, nil when neither.
    /// The system view and every screen's member counts read membership through this one rule.
    public func role(in footprint: FootprintID, on day: CalendarDate) -> Membership.Role? {
        var role: Membership.Role?
        for membership in memberships where membership.footprint == footprint && membership.covers(day) {
            if membership.role == .primary { return .primary }
            role = .serves
        }
        return role
    }

    /// Footprints of an era it belonged to on a day.
    public func footprints(on date: CalendarDate) -> [FootprintID] {
        memberships.filter { $0.covers(date) }.map(\.footprint)
    }
}

public enum OrganisationKind: String, Codable, Sendable, CaseIterable {
    case nhsTrust = "nhs-trust"
    case foundationTrust = "foundation-trust"
    case ccg
    case icb

    public var label: String {
        switch self {
        case .nhsTrust: return "NHS trust"
        case .foundationTrust: return "NHS foundation trust"
        case .ccg: return "clinical commissioning group"
        case .icb: return "integrated care board"
        }
    }
}

/// What a provider does, which decides its peer group and which metrics apply to it.
public enum ProviderType: String, Codable, Sendable, CaseIterable {
    case acute
    case acuteSpecialist = "acute-specialist"
    case mentalHealth = "mental-health"
    case mentalHealthAndCommunity = "mental-health-and-community"
    case community
    case ambulance

    public var label: String {
        switch self {
        case .acute: return "acute"
        case .acuteSpecialist: return "acute specialist"
        case .mentalHealth: return "mental health"
        case .mentalHealthAndCommunity: return "mental health and community"
        case .community: return "community"
        case .ambulance: return "ambulance"
        }
    }

    /// Short form for narrow columns.
    public var shortLabel: String {
        switch self {
        case .acute: return "Acute"
        case .acuteSpecialist: return "Spec"
        case .mentalHealth: return "MH"
        case .mentalHealthAndCommunity: return "MH+C"
        case .community: return "Comm"
        case .ambulance: return "Amb"
        }
    }

    public var peerGroup: PeerGroup {
        switch self {
        case .acute, .acuteSpecialist: return .acute
        case .mentalHealth, .mentalHealthAndCommunity, .community: return .nonAcute
        case .ambulance: return .ambulance
        }
    }
}

/// The three league tables of NOF 2025/26.
/// NHS England's league tables: acute; mental health and community (called non-acute hospital in the
/// first release); ambulance.
public enum PeerGroup: String, Codable, Sendable, CaseIterable {
    case acute
    case nonAcute = "mental-health-and-community"
    case ambulance

    public var label: String {
        switch self {
        case .acute: return "acute"
        case .nonAcute: return "mental health and community"
        case .ambulance: return "ambulance"
        }
    }

    /// For narrow columns: "Acute", "MH+C", "Amb".
    public var shortLabel: String {
        switch self {
        case .acute: return "Acute"
        case .nonAcute: return "MH+C"
        case .ambulance: return "Amb"
        }
    }

    /// Reads the id, and the name the first release used ("non-acute").
    public static func parse(_ text: String) -> PeerGroup? {
        switch text.lowercased() {
        case "acute": return .acute
        case "mental-health-and-community", "mental health and community", "non-acute", "non-acute hospital": return .nonAcute
        case "ambulance": return .ambulance
        default: return nil
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let group = PeerGroup.parse(text) else {
            throw DecodingError.dataCorruptedError(in: container,
                debugDescription: "“\(text)” is not a peer group; use acute, mental-health-and-community or ambulance")
        }
        self = group
    }
}

/// An organisation's place in a footprint for a span of time.
public struct Membership: Hashable, Codable, Sendable {
    public enum Role: String, Codable, Sendable {
        /// Its host system.
        case primary
        /// A system it also serves (ambulance, specialist and mental health trusts span several).
        case serves
    }

    public var footprint: FootprintID
    public var role: Role
    public var from: CalendarDate?
    public var to: CalendarDate?
    public var provenance: Provenance

    public init(footprint: FootprintID, role: Role = .primary, from: CalendarDate? = nil, to: CalendarDate? = nil,
                provenance: Provenance) {
        self.footprint = footprint
        self.role = role
        self.from = from
        self.to = to
        self.provenance = provenance
    }

    public func covers(_ date: CalendarDate) -> Bool {
        (from.map { $0.dayNumber <= date.dayNumber } ?? true) && (to.map { date.dayNumber <= $0.dayNumber } ?? true)
    }
}

/// One step of an organisation's lineage: another organisation took it over on a date.
public struct OrganisationSuccession: Hashable, Codable, Sendable {
    /// The organisation that succeeded it.
    public var org: OrgCode
    /// `merged` (it merged into or was absorbed by the successor; a CCG's functions passing to its ICB
    /// count as this) or `partMoved` (it was divided, and part went to this successor).
    public var kind: Succession.Kind
    /// The day the successor took over: the day after it closed.
    public var date: CalendarDate
    public var note: String?
    public var provenance: Provenance

    public init(org: OrgCode, kind: Succession.Kind, date: CalendarDate, note: String? = nil, provenance: Provenance) {
        self.org = org
        self.kind = kind
        self.date = date
        self.note = note
        self.provenance = provenance
    }
}
