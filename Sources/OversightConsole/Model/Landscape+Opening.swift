import OversightDomain

extension Landscape {
    /// Which of a framework's periods the console's first frame can need, for a store that can read
    /// them before the rest (`StoreOptions.opening`): the one it opens on (as `openingPeriod` chooses,
    /// among the periods with scorecards), the one before it, which movement on screen is measured
    /// against, and the rest of its financial year that holds published figures, where the opening
    /// message finds a peer group's latest published quarter when the opening one has none (acute
    /// trusts' Q1 in 2025/26). Everything else is read straight after the first frame, before any
    /// key is handled.
    public static func openingPeriods(among periods: [Period], published: Set<Period>, today: CalendarDate) -> Set<Period> {
        let sorted = periods.sorted()
        guard let at = openingIndex(in: sorted, today: today) else { return [] }
        let opening = sorted[at]
        return Set(sorted[max(0, at - 1)...at]).union(sorted[...at].filter { $0.year == opening.year && published.contains($0) })
    }
}
