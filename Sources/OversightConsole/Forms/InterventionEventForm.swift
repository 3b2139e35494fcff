import OversightDomain

/// Log a dated event on an intervention ("Review meeting: exit criteria half met"): the date
/// (default today, not before the intervention started) and what happened; recorded by the user.
enum InterventionEventForm {
    static func make(_ id: InterventionID, _ context: ScreenContext) -> Result<Form, FormRefusal> {
        let data = context.landscape.dataset
        guard let item = data.intervention(id) else { return .failure("That intervention is no longer in the store.") }
        var lines = ["\(CloseInterventionForm.name(item, data)) · \(item.org) \(context.landscape.organisation(item.org)?.name ?? "")",
                     "Since \(item.start.display) · \(item.status.label) · \(item.events.count) event\(item.events.count == 1 ? "" : "s") logged"]
        if let last = item.events.max(by: { $0.date < $1.date }) { lines.append("Latest: \(last.date.display), \(last.text)") }
        return .success(Form(.logEvent(id), title: "Log an event", context: lines, fields: [
            FormField("date", "Date", .date(optional: false), text: context.landscape.today.iso, hint: "YYYY-MM-DD or DD/MM/YYYY"),
            FormField("text", "What happened", .longText(limit: TextRules.longLimit), hint: "e.g. review meeting: half the exit criteria met"),
        ]))
    }

    static func edit(_ reader: inout FormReader, id: InterventionID, ids: inout Recorder) -> Edit? {
        guard let date = reader.date("date") else { return nil }
        return .addInterventionEvent(id, InterventionEvent(id: InterventionEventID(ids.newID("ev")), date: date, text: reader.text("text"),
                                                           recordedBy: ids.user, provenance: .recorded))
    }
}
