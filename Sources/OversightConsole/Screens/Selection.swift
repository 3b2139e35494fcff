import OversightDomain

/// What the recording keys act on from a screen and its selected row: whose segment `d` decides,
/// what `n` and `a` are about, which intervention, note or action `E`, `x`, `v` and Delete touch.
public struct Selection: Sendable, Equatable {
    public var org: OrgCode?
    public var subject: Subject?
    public var intervention: InterventionID?
    public var note: NoteID?
    public var action: ActionID?
    /// The meeting and agenda item what is recorded from here is tied to (the meeting screen's selected item).
    public var meeting: MeetingLink?

    public init(org: OrgCode? = nil, subject: Subject? = nil, intervention: InterventionID? = nil, note: NoteID? = nil,
                action: ActionID? = nil) {
        self.org = org
        self.subject = subject
        self.intervention = intervention
        self.note = note
        self.action = action
    }

    public static let nothing = Selection()

    /// The footprint it is about, when its subject is one.
    public var footprint: FootprintID? {
        if case .footprint(let id)? = subject { return id }
        return nil
    }
}
