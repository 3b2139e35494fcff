import OversightDomain

/// Close an intervention: the end date (default today) and how it ended. Closing asks first,
/// naming the intervention, since it stops counting as open everywhere.
enum CloseInterventionForm {
    static func make(_ id: InterventionID, _ context: ScreenContext) -> Result<Form, FormRefusal> {
        let data = context.landscape.dataset
        guard let item = data.intervention(id) else { return .failure("That intervention is no longer in the store.") }
        guard item.isOpen else { return .failure("This intervention is already closed (\(item.end?.display ?? "no end date")).") }
        let org = context.landscape.organisation(item.org)?.name ?? ""
        return .success(Form(.closeIntervention(id), title: "Close the intervention", context: [
            "\(name(item, data)) · \(item.org) \(org)",
            "Since \(item.start.display) · applied by \(item.appliedBy)",
            "Exit criteria: " + (item.exitCriteria.isEmpty ? "none recorded" : item.exitCriteria),
        ], fields: [
            FormField("end", "End date", .date(optional: false), text: context.landscape.today.iso, hint: "YYYY-MM-DD or DD/MM/YYYY"),
            FormField("outcome", "Outcome", .longText(limit: TextRules.longLimit), hint: "how it ended, e.g. exit criteria met"),
        ]))
    }

    static func edit(_ reader: inout FormReader, id: InterventionID) -> Edit? {
        let end = reader.date("end")
        let outcome = reader.requiredText("outcome", "say how it ended, for example “exit criteria met”")
        guard let end else { return nil }
        return .closeIntervention(id, end: end, outcome: outcome)
    }

    /// "Close Recovery Support Programme for RX1 on 1 Jul 2025?"
    static func question(_ id: InterventionID, end: CalendarDate, _ data: Dataset) -> String {
        guard let item = data.intervention(id) else { return "Close this intervention?" }
        return "Close \(name(item, data)) for \(item.org) on \(end.display)? y closes it, n goes back to the form."
    }

    static func name(_ item: Intervention, _ data: Dataset) -> String {
        data.interventionType(item.type)?.name ?? item.type.rawValue
    }
}
