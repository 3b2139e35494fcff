import OversightDomain

extension Store {
    /// Said on opening a store that holds made-up scorecards (a demonstration store, `oversight init --demo`):
    /// the console shows it as its first line and every command prints it, because a tag beside a figure is
    /// easy to miss and a made-up figure taken for a real one does harm. Nil when nothing is illustrative.
    static func illustrativeNotice(_ dataset: Dataset) -> String? {
        var made = 0
        for card in dataset.scorecards where card.provenance.kind == .illustrative { made += 1 }
        guard made > 0 else { return nil }
        return made == dataset.scorecards.count
            ? "Demonstration store: every scorecard in it is made up."
            : "Demonstration store: \(made) of \(dataset.scorecards.count) scorecards are made up."
    }
}
