import ArgumentParser
import OversightDomain

/// `--meeting ID --item ITEM` on the commands that record something: ties the record to the meeting and item.
struct MeetingLinkOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The meeting this is recorded at (its id, or the start of it; `oversight meeting list`).", valueName: "id"))
    var meeting: String?
    @Option(help: ArgumentHelp("The agenda item it is recorded at (i-1 …; needs --meeting).", valueName: "item"))
    var item: String?

    func link(in data: Dataset) throws -> MeetingLink? {
        guard let meeting else {
            if item != nil { throw CLIError("--item needs --meeting: say which meeting's agenda item it is.") }
            return nil
        }
        let found = try requireMeeting(meeting, in: data)
        guard let item else { return MeetingLink(meeting: found.id) }
        let itemID = try requireItem(item, in: found)
        return MeetingLink(meeting: found.id, item: itemID)
    }
}

/// A meeting by its id or an unambiguous start of it (ids are long; the list shows them whole).
func requireMeeting(_ text: String, in data: Dataset) throws -> Meeting {
    if let meeting = data.meeting(MeetingID(text)) { return meeting }
    let matches = data.meetings.filter { $0.id.rawValue.hasPrefix(text) }
    if matches.count == 1 { return matches[0] }
    if matches.count > 1 {
        throw CLIError("“\(text)” starts \(matches.count) meeting ids (\(matches.prefix(3).map(\.id.rawValue).joined(separator: ", "))…); type more of it.")
    }
    throw CLIError("No meeting \(text). `oversight meeting list --all` shows every meeting with its id.")
}

/// An agenda item by id (`i-2`) or by its position on the agenda (`2`).
func requireItem(_ text: String, in meeting: Meeting) throws -> AgendaItemID {
    if let item = meeting.item(AgendaItemID(text)) { return item.id }
    if let position = Int(text), meeting.items.indices.contains(position - 1) { return meeting.items[position - 1].id }
    let known = meeting.items.enumerated().map { "\($0.offset + 1) (\($0.element.id))" }.joined(separator: ", ")
    throw CLIError("“\(meeting.title)” has no agenda item \(text). Its items: \(known.isEmpty ? "none yet" : known).")
}

/// An agenda subject as typed: an ODS code, a footprint code, `org:`, `footprint:` or `topic:TEXT`.
func resolveAgendaSubject(_ text: String, in data: Dataset) throws -> AgendaSubject {
    if text.hasPrefix("topic:") {
        let topic = cleanText(String(text.dropFirst(6)), field: "the topic", multiline: false)
        return .topic(topic)
    }
    switch try resolveSubject(text, in: data) {
    case .organisation(let code): return .organisation(code)
    case .footprint(let id): return .footprint(id)
    case .meeting:
        throw CLIError("An agenda item is about an organisation (RX1), a footprint (QHM) or a topic (topic:Winter plan), not a meeting.")
    }
}

func parseMeetingKind(_ text: String) throws -> Meeting.Kind {
    if let kind = Meeting.Kind(rawValue: text.lowercased()) { return kind }
    throw CLIError("--kind: “\(text)” is not a kind of meeting; use one of \(Meeting.Kind.allCases.map(\.rawValue).joined(separator: ", ")).")
}

func parseClock(_ text: String) throws -> Int {
    guard let minutes = Meeting.parseClock(text) else { throw CLIError("--time: “\(text)” is not a time of day; type it like 10:00 or 14:30.") }
    return minutes
}

func parseFullDate(_ text: String, field: String) throws -> CalendarDate {
    let date = try parseDate(text, field: field)
    guard date.day != nil else { throw CLIError("\(field): a meeting needs a full date, YYYY-MM-DD.") }
    return date
}

