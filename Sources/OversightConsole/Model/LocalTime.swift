import Foundation
import OversightDomain

/// How the console shows a moment: on the user's clock, named ("9 Jun 2026 14:05 BST"). The journal
/// keeps UTC, but a meeting is minuted in local time, and in summer UTC is an hour off in England.
/// Tests and snapshots use `.utc`, so they read the same in every time zone.
public struct LocalTime: Sendable {
    public let zone: TimeZone

    public init(zone: TimeZone) { self.zone = zone }

    public static let utc = LocalTime(zone: TimeZone(secondsFromGMT: 0)!)
    /// "9 Jun 2026 14:05", on this clock.
    public func display(_ moment: Timestamp) -> String { moment.shifted(by: offset(moment)).display }

    /// "14:05", on this clock.
    public func clock(_ moment: Timestamp) -> String { String(display(moment).suffix(5)) }

    /// "9 Jun 2026 14:05 BST".
    public func named(_ moment: Timestamp) -> String { display(moment) + " " + name(moment) }

    /// For a column heading over times that may straddle a clock change: "UK time" in the UK
    /// (GMT in winter, BST in summer, each row on the clock of its day), else the zone's name then.
    public func heading(at moment: Timestamp) -> String {
        isUK ? "UK time" : name(moment)
    }

    private var isUK: Bool { zone.identifier == "Europe/London" || zone.identifier == "GB" }

    public func offset(_ moment: Timestamp) -> Int { zone.secondsFromGMT(for: date(moment)) }

    /// "GMT" or "BST" in the UK (Foundation on Linux says "GMT+1"), "UTC" at no offset elsewhere,
    /// else the zone's own abbreviation or "UTC+2".
    public func name(_ moment: Timestamp) -> String {
        let offset = offset(moment)
        if isUK { return offset == 0 ? "GMT" : "BST" }
        if offset == 0 { return "UTC" }
        if let abbreviation = zone.abbreviation(for: date(moment)), !abbreviation.hasPrefix("GMT") { return abbreviation }
        let minutes = abs(offset) / 60
        return "UTC" + (offset < 0 ? "-" : "+") + String(minutes / 60) + (minutes % 60 == 0 ? "" : (minutes % 60 < 10 ? ":0" : ":") + String(minutes % 60))
    }

    private func date(_ moment: Timestamp) -> Date { Date(timeIntervalSince1970: TimeInterval(moment.secondsSince1970)) }
}
