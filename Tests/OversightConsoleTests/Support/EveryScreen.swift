import OversightConsole

/// Every kind of screen, in the order docs/keys.md names them, for the tests that check the
/// command table on each. (The console itself never lists its screens: each says what it offers.)
enum EveryScreen {
    static let kinds: [ScreenKind] = [.overview, .footprints, .footprint, .scorecard, .metric, .league, .computation, .distance,
                                      .interventions, .intervention, .notes, .actions, .decisions, .history, .help, .segmentChanges,
                                      .exoskeleton, .meetings, .meeting, .presenter, .minutes, .suggestions]
}
