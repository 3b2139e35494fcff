/// The edits a user can make, as values. Each turns into a `Change` (full before and after images)
/// against the dataset it is applied to; the change's inverse takes it back.
public enum Edit: Hashable, Sendable {
    /// Record a segment decision on a scorecard (creating the scorecard if the period has none).
    case decideSegment(ScorecardID, SegmentDecision)
    /// Remove a scorecard's segment decision, leaving the computed segment.
    case clearSegmentDecision(ScorecardID)
    case addIntervention(Intervention)
    /// Replace an intervention's fields (its id and organisation stay).
    case editIntervention(Intervention)
    case closeIntervention(InterventionID, end: CalendarDate, outcome: String)
    case addInterventionEvent(InterventionID, InterventionEvent)
    case addNote(Note)
    case editNote(NoteID, text: String, at: Timestamp)
    case deleteNote(NoteID)
    case addAction(Action)
    case completeAction(ActionID, on: CalendarDate)
    /// Change an action's text, owner or due date; `at` is when (a due date changed to one before that day is refused).
    case editAction(ActionID, text: String, owner: String, due: CalendarDate?, at: Timestamp)
    /// Add a dated line of progress to an action.
    case addActionUpdate(ActionID, ActionUpdate)
    case deleteAction(ActionID)
    /// Load metric values for one framework and period, all in one undoable step.
    case importMetricValues(MetricImport)
    /// Load NHS England's published files (figures, releases, trusts the register lacked), in one undoable step.
    case importPublished(PublishedImport)
    /// Meetings: the agenda while the minutes are in draft, then approval and amendments (Edit+Meeting).
    case addMeeting(Meeting)
    /// Replace a meeting's title, kind, date, start, attendees and apologies (its agenda changes by item).
    case editMeeting(Meeting)
    case deleteMeeting(MeetingID)
    /// Add an item at a position (the end when nil).
    case addAgendaItem(MeetingID, AgendaItem, at: Int?)
    /// Add several items at the end in one step (the kept items of a suggested agenda: one undo takes them all back).
    case addAgendaItems(MeetingID, [AgendaItem])
    case editAgendaItem(MeetingID, AgendaItem)
    /// Move an item to a position (0 is first).
    case moveAgendaItem(MeetingID, AgendaItemID, to: Int)
    case removeAgendaItem(MeetingID, AgendaItemID)
    case approveMinutes(MeetingID, by: String, at: Timestamp)
    case amendMinutes(MeetingID, MinutesAmendment)

    /// The kind of edit as a stable machine name (`segment.decide`): what the journal records as an
    /// entry's `cmd` and `oversight history` shows. (Not a command: the console's commands are keys'
    /// intents, the command line's are `oversight <command>`.)
    public var name: String {
        switch self {
        case .decideSegment: return "segment.decide"
        case .clearSegmentDecision: return "segment.clear"
        case .addIntervention: return "intervention.add"
        case .editIntervention: return "intervention.edit"
        case .closeIntervention: return "intervention.close"
        case .addInterventionEvent: return "intervention.event"
        case .addNote: return "note.add"
        case .editNote: return "note.edit"
        case .deleteNote: return "note.delete"
        case .addAction: return "action.add"
        case .completeAction: return "action.complete"
        case .editAction: return "action.edit"
        case .addActionUpdate: return "action.update"
        case .deleteAction: return "action.delete"
        case .importMetricValues: return "metrics.import"
        case .importPublished: return "published.import"
        case .addMeeting: return "meeting.add"
        case .editMeeting: return "meeting.edit"
        case .deleteMeeting: return "meeting.delete"
        case .addAgendaItem: return "meeting.item.add"
        case .addAgendaItems: return "meeting.items.add"
        case .editAgendaItem: return "meeting.item.edit"
        case .moveAgendaItem: return "meeting.item.move"
        case .removeAgendaItem: return "meeting.item.remove"
        case .approveMinutes: return "meeting.approve"
        case .amendMinutes: return "meeting.amend"
        }
    }
}

/// Metric values for one framework and period, as an import file gives them.
public struct MetricImport: Hashable, Sendable {
    public var framework: FrameworkID
    public var period: Period
    public var readings: [MetricReading]
    public var provenance: Provenance

    public init(framework: FrameworkID, period: Period, readings: [MetricReading], provenance: Provenance) {
        self.framework = framework
        self.period = period
        self.readings = readings
        self.provenance = provenance
    }
}

public struct MetricReading: Hashable, Sendable {
    public var org: OrgCode
    public var metric: MetricID
    public var value: MetricValue

    public init(org: OrgCode, metric: MetricID, value: MetricValue) {
        self.org = org
        self.metric = metric
        self.value = value
    }
}

/// Why an edit was refused: which field (for a form to show beside it) and what to do.
public struct EditError: Error, Equatable, Sendable, CustomStringConvertible {
    public var field: String?
    public var message: String

    public init(field: String? = nil, _ message: String) {
        self.field = field
        self.message = message
    }

    public var description: String { field.map { "\($0): \(message)" } ?? message }
}
