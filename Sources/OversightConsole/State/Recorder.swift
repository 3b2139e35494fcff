import OversightDomain

/// Who is recording and when: the store's user, the time of the keystroke (the session sets it
/// from the store's clock before each command), and a salt for new record ids. Kept in the state
/// so that `update` builds complete edits, ids and times included, and stays a pure function.
public struct Recorder: Hashable, Sendable {
    public var user: String
    public var now: Timestamp
    /// Random per session (two consoles never collide); each id adds how many came before.
    public var salt: UInt32
    public private(set) var issued: UInt32 = 0

    public init(user: String, now: Timestamp, salt: UInt32) {
        self.user = user
        self.now = now
        self.salt = salt
    }

    /// `n-20261123234000-1a2b3c4d`: the store's id format.
    mutating func newID(_ prefix: String) -> String {
        issued &+= 1
        return RecordID.make(prefix, at: now, salt: salt &+ issued)
    }
}
