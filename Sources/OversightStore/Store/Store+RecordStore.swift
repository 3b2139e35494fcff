import OversightDomain

extension Store: RecordStore {
    /// The store's directory.
    public var location: String { layout.directory }

    /// Now, by the store's clock.
    public var now: Timestamp { options.clock() }

    /// The id format (`RecordID.make`, in the domain, which the console calls with its own salt).
    public static func recordID(_ prefix: String, at time: Timestamp, salt: UInt32) -> String {
        RecordID.make(prefix, at: time, salt: salt)
    }
}
