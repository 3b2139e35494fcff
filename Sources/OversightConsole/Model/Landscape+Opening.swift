import OversightDomain

extension Landscape {
    /// Which of a framework's periods the console's first frame can need, for a store that can read
    /// them before the rest (`StoreOptions.opening`): the one it opens on (as `openingPeriod` chooses,
    /// among the periods with scorecards) and the one before it, which movement on screen is measured
    /// against. Everything else is read straight after the first frame, before any key is handled.
    public static func openingPeriods(among periods: [Period], today: CalendarDate) -> Set<Period> {
        let sorted = periods.sorted()
        let limit = Period.quarter(containing: today).next
        guard let at = sorted.lastIndex(where: { $0.start.dayNumber <= limit.start.dayNumber }) ?? (sorted.isEmpty ? nil : 0) else { return [] }
        return Set(sorted[max(0, at - 1)...at])
    }
}
