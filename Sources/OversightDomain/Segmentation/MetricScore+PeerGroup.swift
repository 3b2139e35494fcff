extension MetricScore {
    /// Whether the framework scores this metric for the organisation's peer group at all (an
    /// acute-only metric does not apply to an ambulance trust). One that applies but was left out
    /// for another reason (no value, suppressed, not performed) is still part of the organisation's
    /// computation and is listed with why.
    public var appliesToPeerGroup: Bool {
        switch basis {
        case .leftOut(.notForPeerGroup): return false
        case .metStandard, .failedFloor, .ranked, .bracket, .countBracket, .matrix, .given, .leftOut: return true
        }
    }
}
