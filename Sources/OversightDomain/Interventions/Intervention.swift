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

    public init(id: InterventionID, org: OrgCode, type: InterventionTypeID, appliedBy: String, start: CalendarDate,
                end: CalendarDate? = nil, status: Status, reason: String, exitCriteria: String, outcome: String? = nil,
                events: [InterventionEvent] = [], segmentDecision: ScorecardID? = nil, provenance: Provenance) {
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
    }

    public var isOpen: Bool { status != .closed }

    /// Open at any time during a span of days.
    public func overlaps(from: CalendarDate, to: CalendarDate) -> Bool {
        start.dayNumber <= to.dayNumber && (end.map { $0.dayNumber >= from.dayNumber } ?? true)
    }
}

/// One dated entry in an intervention's log.
public struct InterventionEvent: Hashable, Codable, Sendable {
    public var id: InterventionEventID
    public var date: CalendarDate
    public var text: String
    public var recordedBy: String?
    public var provenance: Provenance

    public init(id: InterventionEventID, date: CalendarDate, text: String, recordedBy: String? = nil, provenance: Provenance) {
        self.id = id
        self.date = date
        self.text = text
        self.recordedBy = recordedBy
        self.provenance = provenance
    }
}
