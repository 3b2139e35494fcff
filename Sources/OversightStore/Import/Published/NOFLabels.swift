import OversightDomain

/// NHS England's labels for regions, trust types and subtypes, old and new, read into the register's
/// codes. The files spell them as they please from release to release ("North East" in the acute Q1
/// file, "North East and Yorkshire" in later ones; "Non-acute hospital trust" became "Mental health and
/// community trust"); what a scorecard shows keeps the file's spelling, these are only for the register.
enum NOFLabels {
    /// Lower case, `&` as "and", runs of spaces as one.
    static func key(_ label: String) -> String {
        trimmed(label).lowercased().replacingOccurrences(of: "&", with: "and")
            .split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }

    /// The seven NHS England regions (2020 on), by every label the files have used.
    static let regions: [String: RegionCode] = [
        "london": "Y56",
        "south west": "Y58",
        "south east": "Y59",
        "midlands": "Y60",
        "east": "Y61", "east of england": "Y61",
        "north west": "Y62",
        "north east": "Y63", "north east and yorkshire": "Y63",
    ]

    static func region(_ label: String) -> RegionCode? { regions[key(label)] }

    /// The league table a `Trust_type` belongs to.
    static func peerGroup(trustType label: String) -> PeerGroup? {
        var text = key(label)
        for suffix in [" trusts", " trust"] where text.hasSuffix(suffix) { text.removeLast(suffix.count) }
        switch text {
        case "acute", "acute hospital": return .acute
        case "mental health and community", "non-acute hospital", "non-acute", "non acute hospital", "non acute",
             "mental health", "community":
            return .nonAcute
        case "ambulance": return .ambulance
        default: return nil
        }
    }

    /// What a trust runs, from its `Trust_subtype` ("Acute - Specialist" is acute specialist, every other
    /// "Acute - …" acute; a care trust runs mental health and community services), falling back on the peer
    /// group where the subtype is one the files have not used before.
    static func providerType(subtype: String, peerGroup: PeerGroup) -> ProviderType {
        let text = key(subtype)
        if text.hasPrefix("acute") { return text.contains("specialist") ? .acuteSpecialist : .acute }
        switch text {
        case "mental health and learning disability", "mental health", "mental health and learning disabilities": return .mentalHealth
        case "community", "community trust": return .community
        case "care trust", "mental health and community": return .mentalHealthAndCommunity
        default: break
        }
        if text.contains("ambulance") { return .ambulance }
        switch peerGroup {
        case .acute: return .acute
        case .nonAcute: return .mentalHealthAndCommunity
        case .ambulance: return .ambulance
        }
    }

    /// A foundation trust says so in its name; the files give no other sign.
    static func kind(name: String) -> OrganisationKind {
        name.lowercased().contains("foundation trust") ? .foundationTrust : .nhsTrust
    }

    /// The labels `peerGroup` reads, for a message.
    static let knownTrustTypes = "Acute trust, Mental health and community trust (earlier Non-acute hospital trust), Ambulance trust"
}
