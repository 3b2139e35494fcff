import Foundation
import OversightDomain

extension Store {
    /// A new record id: a prefix, the time, and random digits, so ids sort roughly by creation
    /// and two people adding a note in the same second still get different ones.
    public func makeID(_ prefix: String) -> String {
        Store.recordID(prefix, at: options.clock(), salt: UInt32.random(in: 0...UInt32.max))
    }

    /// The id format (`RecordID.make`, in the domain, which the console calls with its own salt).
    public static func recordID(_ prefix: String, at time: Timestamp, salt: UInt32) -> String {
        RecordID.make(prefix, at: time, salt: salt)
    }

    /// Today, by the store's clock (UTC).
    public var today: CalendarDate { options.clock().date }

    /// Now, by the store's clock.
    public var now: Timestamp { options.clock() }
}
