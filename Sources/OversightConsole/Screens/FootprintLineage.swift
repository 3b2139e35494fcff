import OversightDomain

/// One key (`e`) from a 2016 footprint to the ICS it became, and from an ICS back to the footprint it came
/// from, moving the period to one the other existed in where the one shown predates or outlives it, and
/// saying so: "Lancashire and South Cumbria became NHS Lancashire and South Cumbria ICB on 1 Jul 2022".
enum FootprintLineage {
    static func jump(from id: FootprintID, _ s: inout AppState) {
        let dataset = s.landscape.dataset
        guard let footprint = dataset.footprint(id) else { return }
        // Back where we came from, if that is the other end of the step.
        let below = s.stack.count >= 2 ? s.stack[s.stack.count - 2] : nil
        if let below, below.kind == .footprint, let key = below.screen.pathKey, let other = dataset.footprint(FootprintID(key)),
           other.era != footprint.era, linked(footprint, other, dataset) {
            _ = Browse.update(.back, &s)
            s.message = .init("Back to \(other.name).")
            return
        }
        let target: Footprint
        var said: String
        if footprint.era == .stp2016 {
            guard let path = dataset.pathToICS(fromFootprint: id), let last = path.last else {
                s.message = .init("\(footprint.name) leads to no ICS in this store.", isError: true)
                return
            }
            target = last.footprint
            said = path.map { "\($0.succession.kind.verb) \($0.footprint.name) (\(Labels.footprintCode($0.footprint))) on \($0.succession.date.display)" }
                .joined(separator: ", then ")
            said = "\(footprint.name) (\(Labels.footprintCode(footprint))) " + said
        } else {
            let from = dataset.stpFootprints(leadingTo: id)
            guard let first = from.first(where: { $0.succession.kind == .became }) ?? from.first else {
                s.message = .init("No 2016 footprint leads to \(footprint.name) in this store.", isError: true)
                return
            }
            target = first.footprint
            let others = from.filter { $0.footprint.id != target.id }.map(\.footprint.name)
            said = "\(target.name) (\(Labels.footprintCode(target))) \(first.succession.kind.verb) it on \(first.succession.date.display)"
            if !others.isEmpty { said += "; also from " + others.joined(separator: ", ") }
        }
        s.viewpoint.era = target.era
        let moved = movePeriod(into: target, &s)
        s.push(FootprintScreen(id: target.id))
        if !moved, let period = s.viewpoint.period, let framework = s.context.framework {
            said += "; \(framework.shortName) has no quarter it existed in, so \(period.label) shows it empty (f changes the framework)"
        }
        s.message = .init(said + ".")
    }

    static func linked(_ a: Footprint, _ b: Footprint, _ dataset: Dataset) -> Bool {
        let (stp, ics) = a.era == .stp2016 ? (a, b) : (b, a)
        return dataset.pathToICS(fromFootprint: stp.id)?.last?.footprint.id == ics.id
    }

    /// The period moves to the nearest quarter of the framework shown that the footprint existed in, when the
    /// one shown is outside its life; false when the framework has none.
    static func movePeriod(into footprint: Footprint, _ s: inout AppState) -> Bool {
        let periods = s.landscape.periods(of: s.viewpoint.framework)
        guard let period = s.viewpoint.period else { return false }
        let exists = { (p: Period) in footprint.isValid(on: p.end) || footprint.isValid(on: p.start) }
        guard !exists(period) else { return true }
        let candidates = periods.filter(exists)
        guard let nearest = candidates.min(by: { abs($0.start.dayNumber - period.start.dayNumber) < abs($1.start.dayNumber - period.start.dayNumber) })
        else { return false }
        s.viewpoint.period = nearest
        s.viewpoint.periodChosen = true
        s.rebuildAll()
        return true
    }
}

extension Succession.Kind {
    /// "became", "merged into", "gave part of its area to".
    var verb: String {
        switch self {
        case .became: return "became"
        case .merged: return "merged into"
        case .partMoved: return "gave part of its area to"
        }
    }
}
