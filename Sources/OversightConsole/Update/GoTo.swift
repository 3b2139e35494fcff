import OversightDomain

/// Go-to and the command palette: type an ODS code, a name or a command name; matches are
/// ranked (exact code, code prefix, word prefix, anywhere) and the chosen one is opened or run.
public struct GoToState: Sendable {
    /// What has been typed, and where the text cursor is: the line edits as form fields do.
    public var buffer = TextBuffer()
    public var matches: [GoToMatch] = []
    /// The chosen match.
    public var cursor: Int = 0

    public var text: String { buffer.text }

    public init(buffer: TextBuffer = TextBuffer(), matches: [GoToMatch] = []) {
        self.buffer = buffer
        self.matches = matches
    }

    public var chosen: GoToMatch? { matches.indices.contains(cursor) ? matches[cursor] : nil }
}

public struct GoToMatch: Hashable, Sendable {
    public enum Target: Hashable, Sendable {
        case organisation(OrgCode)
        case footprint(FootprintID)
        case command(Intent)
    }

    public var target: Target
    /// "organisation", "footprint", "command".
    public var kind: String
    public var code: String
    public var name: String

    /// What Tab completes the line to.
    public var completion: String { code }
}

/// The stack before a go-to, and the depth of the screen it opened.
struct GoToReturn: Sendable {
    var stack: [Level]
    var depth: Int
}

enum GoTo {
    static let limit = 50

    static func matches(_ text: String, state: AppState) -> [GoToMatch] {
        let query = text.trimmingCharactersInSpaces().lowercased()
        guard !query.isEmpty else { return [] }
        var ranked: [(rank: Int, match: GoToMatch)] = []

        func rank(code: String, name: String) -> Int? {
            let c = code.lowercased()
            let n = name.lowercased()
            if c == query { return 0 }
            if c.hasPrefix(query) { return 1 }
            if n.hasPrefix(query) { return 2 }
            if n.split(separator: " ").contains(where: { $0.hasPrefix(query) }) { return 3 }
            if n.contains(query) { return 4 }
            return nil
        }

        let landscape = state.landscape
        for org in landscape.dataset.organisations {
            if let r = rank(code: org.code.rawValue, name: org.name) {
                ranked.append((r, GoToMatch(target: .organisation(org.code), kind: "organisation", code: org.code.rawValue, name: org.name)))
            }
        }
        for footprint in landscape.dataset.footprints {
            let code = footprint.odsCode ?? footprint.id.rawValue
            let r = [rank(code: code, name: footprint.name), rank(code: footprint.id.rawValue, name: footprint.name)].compactMap { $0 }.min()
            if let r {
                ranked.append((r, GoToMatch(target: .footprint(footprint.id), kind: footprint.era.shortLabel, code: code,
                                            name: footprint.name)))
            }
        }
        var seen = Set<String>()
        for binding in CommandTable.bindings(on: state.topKind, mode: .browsing, readOnly: state.isReadOnly)
        where seen.insert(binding.name).inserted {
            if let r = rank(code: binding.name, name: binding.help) {
                ranked.append((r, GoToMatch(target: .command(binding.intent), kind: "command", code: binding.name, name: binding.help)))
            }
        }
        // Organisations and footprints first, then commands: go-to is for going somewhere.
        func order(_ entry: (rank: Int, match: GoToMatch)) -> (Int, Int, String) {
            (entry.match.kind == "command" ? 1 : 0, entry.rank, entry.match.code)
        }
        return ranked.sorted { order($0) < order($1) }.prefix(limit).map(\.match)
    }

    /// The stack that leads to an organisation's scorecard: overview › region › footprint › scorecard.
    static func path(to code: OrgCode, state: AppState) -> [any Screen] {
        let landscape = state.landscape
        guard let org = landscape.organisation(code) else { return [OverviewScreen()] }
        let footprint = landscape.footprints(of: org, era: state.viewpoint.era).first
            ?? landscape.footprints(of: org, era: state.viewpoint.era == .ics2022 ? .stp2016 : .ics2022).first
        guard let footprint else { return [OverviewScreen(), ScorecardScreen(org: code)] }
        return path(to: footprint.id, state: state) + [ScorecardScreen(org: code)]
    }

    static func path(to id: FootprintID, state: AppState) -> [any Screen] {
        guard let footprint = state.landscape.footprint(id) else { return [OverviewScreen()] }
        return [OverviewScreen(), FootprintsScreen(region: footprint.region), FootprintScreen(id: id)]
    }
}

extension String {
    func trimmingCharactersInSpaces() -> String {
        var text = Substring(self)
        while text.first == " " { text = text.dropFirst() }
        while text.last == " " { text = text.dropLast() }
        return String(text)
    }
}
