import OversightDomain

/// How long the presenter view has been on its agenda item: set when an item first comes up, kept
/// while recording at it or stepping away and back, so the chair sees the time taken against the slot.
public struct PresenterTimer: Hashable, Sendable {
    /// The agenda item's id (the presenter list's row key).
    public var item: String
    public var since: Timestamp

    public init(item: String, since: Timestamp) {
        self.item = item
        self.since = since
    }

    /// "4:05": minutes and seconds on the item so far.
    public func elapsed(at now: Timestamp) -> Int { max(0, Int(now.secondsSince1970 - since.secondsSince1970)) }

    public static func minutesAndSeconds(_ seconds: Int) -> String {
        String(seconds / 60) + ":" + CalendarDate.twoDigits(seconds % 60)
    }
}

extension AppState {
    /// Starts the item timer when the presenter view shows an item it was not timing.
    mutating func timePresentedItem() {
        guard top.kind == .presenter, let key = top.selectedRow?.key, presenterTimer?.item != key else { return }
        presenterTimer = PresenterTimer(item: key, since: recorder.now)
    }
}
