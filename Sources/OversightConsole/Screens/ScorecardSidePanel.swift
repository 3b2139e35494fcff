import OversightDomain

/// On a wide terminal, the scorecard's right-hand panel: interventions (those in force during the
/// period on screen first, bulleted) and notes.
enum ScorecardSidePanel {
    static func draw(_ interventions: [Intervention], inForce: [Intervention], period: Period, _ notes: [Note], _ landscape: Landscape,
                     actions: [Action] = [], in rect: Rect, grid: inout Grid) {
        guard rect.width > 10, rect.height > 2 else { return }
        var y = rect.y
        let g = grid.glyphs
        func line(_ text: String, role: StyleRole = .plain, indent: Int = 0) {
            guard y < rect.maxY else { return }
            grid.write(text, x: rect.x + indent, y: y, maxWidth: rect.width - indent, role: role)
            y += 1
        }
        line("Interventions", role: .title)
        if interventions.isEmpty { line("None recorded.", role: .muted) }
        let current = Set(inForce.map(\.id))
        if !interventions.isEmpty { line("\(g.bullet) in force in \(period.label)", role: .muted) }
        let ordered = inForce + interventions.filter { !current.contains($0.id) }
        for item in ordered where y < rect.maxY - 3 {
            let name = landscape.dataset.interventionType(item.type)?.name ?? item.type.rawValue
            let marked = current.contains(item.id)
            line((marked ? g.bullet + " " : "  ") + name, role: marked ? .plain : .muted)
            let span = item.start.display + " \(g.dash) " + (item.end?.display ?? "now")
            line(span + " · " + item.status.label, role: .muted, indent: 2)
        }
        // Open actions only when there are some: the overdue ones first, flagged in words.
        if !actions.isEmpty {
            y += 1
            line("Actions open", role: .title)
            for action in actions.prefix(4) where y < rect.maxY - 3 {
                let overdue = action.isOverdue(on: landscape.today)
                line((overdue ? "OVERDUE " : "") + (action.due.map { "due \($0.display)" } ?? "no due date") + ", \(action.owner)",
                     role: overdue ? .error : .muted)
                line(action.text.split(separator: "\n").joined(separator: " / "), indent: 2)
            }
        }
        y += 1
        line("Notes", role: .title)
        if notes.isEmpty { line("None.", role: .muted) }
        for note in notes where y < rect.maxY {
            line("\(note.created.date.display), \(note.author)", role: .muted)
            for part in TextWrap.lines(note.text, width: rect.width - 2).prefix(3) { line(part, indent: 2) }
        }
    }
}
