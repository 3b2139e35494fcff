/// Something done about an organisation: special measures, undertakings, the Recovery Support
/// Programme … with its dates, reason, exit criteria and a dated log of what happened.
public struct Intervention: Hashable, Codable, Sendable, Identified {
    public enum Status: String, Codable, Sendable, CaseIterable {
        case proposed
        case active
        case closed

        public var label: String { rawValue }
    }

    public var id: InterventionID
    public var org: OrgCode
    public var type: InterventionTypeID
    /// Who applied it in this case (the catalogue says who usually does).
    public var appliedBy: String
    public var start: CalendarDate
    public var end: CalendarDate?
    public var status: Status
    public var reason: String
    public var exitCriteria: String
    /// How it ended, once closed.
    public var outcome: String?
    public var events: [InterventionEvent]
    /// The segment decision it went with, if any.
    public var segmentDecision: ScorecardID?
    public var provenance: Provenance
    /// The meeting (and item) that applied it, if any.
    public var meeting: MeetingLink?

    public init(id: InterventionID, org: OrgCode, type: InterventionTypeID, appliedBy: String, start: CalendarDate,
                end: CalendarDate? = nil, status: Status, reason: String, exitCriteria: String, outcome: String? = nil,
                events: [InterventionEvent] = [], segmentDecision: ScorecardID? = nil, provenance: Provenance,
                meeting: MeetingLink? = nil) {
        self.id = id
        self.org = org
        self.type = type
        self.appliedBy = appliedBy
        self.start = start
        self.end = end
        self.status = status
        self.reason = reason
        self.exitCriteria = exitCriteria
        self.outcome = outcome
        self.events = events
        self.segmentDecision = segmentDecision
        self.provenance = provenance
        self.meeting = meeting
    }

    public var isOpen: Bool { status != .closed }

    /// Whether it was in force at any time during a period: applied (not merely proposed), started on
    /// or before the period's last day, and not ended before its first day. What "open interventions"
    /// means for a period on screen: an intervention closed since still counts for the periods it ran
    /// in, and one starting later does not count yet.
    ///
    /// A date recorded to the year or month ("c. 2024", "Jul 2013") stands for any day in it, so the
    /// start is read as its first possible day and the end as its last: "c. 2024 – c. 31 Mar 2025"
    /// is in force in 2024/25 Q1, and an end of "2014" counts through December 2014. The "c." mark
    /// widens nothing further: how far a source's guess may be out is not known, and inventing a
    /// margin would count interventions in periods no source puts them in.
    public func inForce(during period: Period) -> Bool {
        guard status != .proposed else { return false }
        return start.dayNumber <= period.end.dayNumber && (end.map { $0.lastDayNumber >= period.start.dayNumber } ?? true)
    }
}

/// One dated entry in an intervention's log.
public struct InterventionEvent: Hashable, Codable, Sendable {
    public var id: InterventionEventID
    public var date: CalendarDate
    public var text: String
    public var recordedBy: String?
    public var provenance: Provenance
    /// The meeting (and item) it was logged at, if any.
    public var meeting: MeetingLink?

    public init(id: InterventionEventID, date: CalendarDate, text: String, recordedBy: String? = nil, provenance: Provenance,
                meeting: MeetingLink? = nil) {
        self.id = id
        self.date = date
        self.text = text
        self.recordedBy = recordedBy
        self.provenance = provenance
        self.meeting = meeting
    }
}

extension Intervention {
    /// Why a start date cannot be recorded on `today`, or nil. An intervention starts when it is applied:
    /// one dated more than a year ahead is a slip of the year (2036 for 2026), which would otherwise sit in
    /// the history as in force for years to come.
    public static func startProblem(_ start: CalendarDate, today: CalendarDate) -> String? {
        let limit = today.adding(days: 366)
        guard start.dayNumber > limit.dayNumber else { return nil }
        return "\(start.display) is more than a year ahead (today is \(today.display)); type the day it starts, no later than \(limit.display)"
    }
}
