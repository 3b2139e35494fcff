import Foundation
import OversightDomain

extension Store {
    /// A new record id: a prefix, the time, and random digits, so ids sort roughly by creation
    /// and two people adding a note in the same second still get different ones.
    public func makeID(_ prefix: String) -> String {
        let time = options.clock().iso.filter { $0.isNumber }
        let random = String(UInt32.random(in: 0...UInt32.max), radix: 16)
        return "\(prefix)-\(time)-\(String(repeating: "0", count: 8 - random.count))\(random)"
    }

    /// Today, by the store's clock (UTC).
    public var today: CalendarDate { options.clock().date }

    /// Now, by the store's clock.
    public var now: Timestamp { options.clock() }
}
