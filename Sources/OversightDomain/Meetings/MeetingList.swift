/// Meetings as a list shows them: upcoming ones soonest first, then past ones latest first, filtered.
public struct MeetingList: Sendable {
    public let upcoming: [Meeting]
    public let past: [Meeting]

    public init(_ dataset: Dataset, today: CalendarDate, kind: Meeting.Kind? = nil, search: String? = nil) {
        let needle = search?.lowercased().trimmingSpaces ?? ""
        let chosen = dataset.meetings.filter { meeting in
            if let kind, meeting.kind != kind { return false }
            guard !needle.isEmpty else { return true }
            let texts = [meeting.title] + meeting.attendees + meeting.items.map { $0.subject.label(in: dataset) }
            return texts.contains { $0.lowercased().contains(needle) }
        }
        func key(_ m: Meeting) -> (Int, Int) { (m.date.dayNumber, m.startMinutes) }
        upcoming = chosen.filter { $0.date.dayNumber >= today.dayNumber }.sorted { key($0) < key($1) }
        past = chosen.filter { $0.date.dayNumber < today.dayNumber }.sorted { key($0) > key($1) }
    }

    public var all: [Meeting] { upcoming + past }
}
