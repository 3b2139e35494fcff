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

    public init(code: OrgCode, name: String, odsName: String? = nil, kind: OrganisationKind, type: ProviderType?,
                subtype: String? = nil, typeProvenance: Provenance? = nil, region: RegionCode, memberships: [Membership],
                opened: CalendarDate? = nil, closed: CalendarDate? = nil, provenance: Provenance) {
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
