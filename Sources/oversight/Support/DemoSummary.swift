import OversightDomain

/// What `init --demo` says it made, plainly: that the figures are made up, and what in it is real.
struct DemoSummary {
    let dataset: Dataset
    let seed: UInt64

    func text(path: String) -> String {
        let made = dataset.scorecards.filter { $0.provenance.kind == .illustrative }
        let real = dataset.scorecards.filter { $0.provenance.kind != .illustrative }
        var lines = [
            "Created a DEMONSTRATION store at \(path) (seed \(seed)).",
            "Every figure in its \(made.count) illustrative scorecards for \(Set(made.map(\.org)).count) trusts "
                + "(\(frameworkNames(made))) is made up",
            "by a seeded generator: none is NHS England's, and each is marked illustrative.",
        ]
        if !real.isEmpty {
            lines.append("The \(real.count) segment decision\(real.count == 1 ? "" : "s") on the public record (\(frameworkNames(real))) "
                + "\(real.count == 1 ? "is" : "are") kept as published.")
        }
        lines += [
            "The register of organisations and footprints and the intervention record are real.",
            "Do not take anything from it into a meeting: `oversight init` makes a store of the real data.",
        ]
        return lines.joined(separator: "\n")
    }

    func frameworkNames(_ cards: [Scorecard]) -> String {
        Set(cards.map(\.framework)).sorted().map { id in dataset.framework(id)?.shortName ?? id.rawValue }.joined(separator: ", ")
    }
}
