import OversightDomain

/// A record an edit, undo or redo changed, with what it is about, read from its image (which
/// still says so when the record itself has just been taken away).
public struct FocusTarget: Sendable, Equatable {
    public var key: RecordKey
    /// The organisation it is about: a scorecard's, an intervention's, a note's or action's subject.
    public var org: OrgCode?
    /// The footprint a note or action is about.
    public var footprint: FootprintID?

    public init(_ key: RecordKey, image: Record? = nil, in data: Dataset) {
        self.key = key
        if let record = image ?? data.record(key), let subject = record.subject {
            (org, footprint) = FocusTarget.about(subject)
        } else {
            org = key.organisation
        }
    }

    /// The organisation or footprint a subject names (a meeting names neither).
    static func about(_ subject: Subject) -> (OrgCode?, FootprintID?) {
        switch subject {
        case .organisation(let code): return (code, nil)
        case .footprint(let id): return (nil, id)
        case .meeting: return (nil, nil)
        }
    }

    public var scorecard: ScorecardID? {
        if case .scorecard(let id) = key { return id }
        return nil
    }
}

/// Where a screen shows a changed record.
public enum FocusPlace: Hashable, Sendable {
    /// As this row of its list.
    case row(String)
    /// In a panel or summary line (the scorecard's notes line, an intervention's header).
    case panel
}
