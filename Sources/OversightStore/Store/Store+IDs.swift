import Foundation
import OversightDomain

extension Store {
    /// A new record id: a prefix, the time, and random digits, so ids sort roughly by creation
    /// and two people adding a note in the same second still get different ones.
    public func makeID(_ prefix: String) -> String {
        Store.recordID(prefix, at: options.clock(), salt: UInt32.random(in: 0...UInt32.max))
    }

    /// The id format, as a pure function: `n-20261123234000-1a2b3c4d`. The console passes its own
    /// salt (a per-session random number plus a counter) so that its update function stays pure.
    public static func recordID(_ prefix: String, at time: Timestamp, salt: UInt32) -> String {
        let digits = time.iso.filter { $0.isNumber }
        let hex = String(salt, radix: 16)
        return "\(prefix)-\(digits)-\(String(repeating: "0", count: 8 - hex.count))\(hex)"
    }

    /// Today, by the store's clock (UTC).
    public var today: CalendarDate { options.clock().date }

    /// Now, by the store's clock.
    public var now: Timestamp { options.clock() }
}
