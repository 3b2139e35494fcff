import OversightDomain

/// `S` on a meeting's agenda: which trusts to look at (a peer group, a region or an ICS) and the quarter, then
/// the suggestions the published figures and the records give, each with its reasons, to keep or drop.
enum SuggestForm {
    static func make(_ id: MeetingID, _ context: ScreenContext) -> Result<Form, FormRefusal> {
        let landscape = context.landscape
        guard let meeting = landscape.dataset.meeting(id) else { return .failure("That meeting is no longer in the store.") }
        if meeting.isApproved { return .failure("Its minutes are approved, so the agenda is read-only.") }
        guard let framework = framework(landscape.dataset), let latest = PublishedLeague.latestPeriod(landscape.dataset, framework: framework.id, peerGroup: nil) else {
            return .failure("Nothing is published in this store to suggest items from.")
        }
        var scopes = PeerGroup.allCases.map { Choice(value: "group:\($0.rawValue)", label: $0.label.prefix(1).uppercased() + $0.label.dropFirst() + " trusts") }
        scopes += landscape.dataset.regions.filter { $0.era == .regions2020 }.map { Choice(value: "region:\($0.code)", label: "\($0.name) region") }
        scopes += landscape.dataset.footprints.filter { $0.era == .ics2022 }.sorted { $0.name < $1.name }
            .map { Choice(value: "ics:\($0.id)", label: "\($0.name) (\($0.id))") }
        return .success(Form(.suggestAgenda(id), title: "Suggest agenda items", context: [
            "For “\(meeting.title)”, \(meeting.date.display) · from \(framework.shortName) published figures and the records",
        ], fields: [
            FormField("scope", "Look at", .choice(scopes), hint: "type the start of a name"),
            FormField("quarter", "Quarter", .text(limit: 12), text: latest.id, hint: "e.g. \(latest.id), the latest published"),
            FormField("minutes", "Minutes each", .text(limit: 3), text: "10", hint: "each kept item's slot"),
        ]))
    }

    /// The framework suggestions read: the newest with published segments.
    static func framework(_ dataset: Dataset) -> Framework? {
        dataset.frameworks.last { framework in dataset.scorecards.contains { $0.framework == framework.id && $0.published?.segment != nil } }
    }

    static func scope(_ value: String) -> AgendaScope? {
        let parts = value.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return nil }
        switch parts[0] {
        case "group": return PeerGroup(rawValue: parts[1]).map(AgendaScope.peerGroup)
        case "region": return .region(RegionCode(parts[1]))
        case "ics": return .ics(FootprintID(parts[1]))
        default: return nil
        }
    }

    /// F2: the suggestions open as a list (nothing is recorded until `a` adds the kept ones).
    static func open(_ s: inout AppState, _ form: Form, _ id: MeetingID) -> [Effect] {
        var form = form
        form.clearErrors()
        let period = Period.parse(form.field("quarter")?.text.trimmingWhitespace ?? "")
        if period == nil { form.show("type a quarter like 2025-26-Q1", field: "quarter") }
        let minutes = Int(form.field("minutes")?.text.trimmingWhitespace ?? "").flatMap { (1...240).contains($0) ? $0 : nil }
        if minutes == nil { form.show("type the minutes each item has, a whole number from 1 to 240", field: "minutes") }
        guard let period, let minutes, let scope = form.field("scope")?.choice.flatMap({ scope($0.value) }),
              let framework = framework(s.landscape.dataset) else {
            s.mode = .form(form)
            return []
        }
        let published = PublishedLeague(s.landscape.dataset, framework: framework.id, period: period).standings.keys
            .compactMap { s.landscape.organisation($0) }.filter { scope.includes($0, on: period.end) }
        if published.isEmpty {
            let group: PeerGroup? = if case .peerGroup(let g) = scope { g } else { nil }
            let latest = PublishedLeague.latestPeriod(s.landscape.dataset, framework: framework.id, peerGroup: group)
            form.show("NHS England has published no \(framework.shortName) figures for these trusts for \(period.label)"
                + (latest.map { "; the latest for \(group.map { $0.label + " trusts" } ?? "any trusts") is \($0.id)" } ?? ""), field: "quarter")
            s.mode = .form(form)
            return []
        }
        s.mode = .browsing
        s.push(SuggestionsScreen(meeting: id, scope: scope, framework: framework.id, period: period, minutes: minutes))
        return []
    }
}
