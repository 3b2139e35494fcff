import OversightDomain

/// Add an intervention to an organisation, or change one: the type from the catalogue (each
/// entry says who applies it), applied by (the catalogue's, until something else is typed),
/// start, status, reason and exit criteria. A closed intervention keeps its end and status and
/// can have its outcome corrected instead.
enum InterventionForm {
    static func typeChoices(_ data: Dataset) -> [Choice] {
        data.interventionTypes.sorted { $0.name < $1.name }.map { type in
            var detail = "applied by " + type.appliedBy
            if let segment = type.segment { detail += "; goes with \(segment)" }
            return Choice(value: type.id.rawValue, label: type.name, detail: detail)
        }
    }

    static let statuses = [
        Choice(value: Intervention.Status.active.rawValue, label: "active", detail: "in force now"),
        Choice(value: Intervention.Status.proposed.rawValue, label: "proposed", detail: "agreed but not yet in force"),
    ]

    static func follow(_ data: Dataset) -> Form.Follow {
        Form.Follow(choice: "type", field: "appliedBy",
                    defaults: Dictionary(uniqueKeysWithValues: data.interventionTypes.map { ($0.id.rawValue, $0.appliedBy) }))
    }

    static func makeNew(org: OrgCode, _ context: ScreenContext) -> Result<Form, FormRefusal> {
        let landscape = context.landscape
        guard let organisation = landscape.organisation(org) else { return .failure("There is no organisation \(org) in this store.") }
        let choices = typeChoices(landscape.dataset)
        guard let first = choices.first else {
            return .failure(FormRefusal("The intervention catalogue in this store is empty, so there is no type to choose."))
        }
        let open = landscape.interventions(of: org).filter(\.isOpen).count
        var form = Form(.addIntervention(org), title: "Add an intervention",
                        context: ["\(org) \(organisation.name)", "\(open) open intervention\(open == 1 ? "" : "s") now"],
                        fields: [
                            FormField("type", "Type", .choice(choices)),
                            FormField("appliedBy", "Applied by", .text(limit: TextRules.shortLimit),
                                      text: landscape.dataset.interventionType(InterventionTypeID(first.value))?.appliedBy ?? ""),
                            FormField("start", "Start", .date(optional: false), text: landscape.today.iso, hint: "YYYY-MM-DD or DD/MM/YYYY"),
                            FormField("status", "Status", .choice(statuses)),
                            FormField("reason", "Reason", .longText(limit: TextRules.longLimit), hint: "why it is applied"),
                            FormField("exitCriteria", "Exit criteria", .longText(limit: TextRules.longLimit),
                                      hint: "what must be true for it to end"),
                        ])
        form.follow = follow(landscape.dataset)
        return .success(form)
    }

    static func makeEdit(_ id: InterventionID, _ context: ScreenContext) -> Result<Form, FormRefusal> {
        let data = context.landscape.dataset
        guard let item = data.intervention(id) else { return .failure("That intervention is no longer in the store.") }
        let choices = typeChoices(data)
        var fields = [
            FormField("type", "Type", .choice(choices), chosen: choices.firstIndex { $0.value == item.type.rawValue } ?? 0),
            FormField("appliedBy", "Applied by", .text(limit: TextRules.shortLimit), text: item.appliedBy),
            FormField("start", "Start", .date(optional: false), text: item.start.iso, hint: "YYYY-MM-DD or DD/MM/YYYY"),
        ]
        if item.isOpen {
            fields.append(FormField("status", "Status", .choice(statuses), chosen: statuses.firstIndex { $0.value == item.status.rawValue } ?? 0))
        }
        fields += [
            FormField("reason", "Reason", .longText(limit: TextRules.longLimit), text: item.reason),
            FormField("exitCriteria", "Exit criteria", .longText(limit: TextRules.longLimit), text: item.exitCriteria),
        ]
        if !item.isOpen {
            fields.append(FormField("outcome", "Outcome", .longText(limit: TextRules.longLimit), text: item.outcome ?? ""))
        }
        let name = context.landscape.organisation(item.org)?.name ?? ""
        var span = "\(item.start.display) to \(item.end?.display ?? "now") · \(item.status.label)"
        if !item.provenance.tag.isEmpty { span += " · \(item.provenance.tag) until edited" }
        var form = Form(.editIntervention(id), title: "Change the intervention", context: ["\(item.org) \(name)", span], fields: fields)
        form.follow = follow(data)
        return .success(form)
    }

    static func added(_ reader: inout FormReader, org: OrgCode, ids: inout Recorder) -> Edit? {
        let start = reader.date("start")
        if let start, let problem = Intervention.startProblem(start, today: ids.now.date) { reader.problem("start", problem) }
        guard let type = reader.choice("type"), let start else { return nil }
        let status = reader.choice("status").flatMap(Intervention.Status.init(rawValue:)) ?? .active
        return .addIntervention(Intervention(
            id: InterventionID(ids.newID("int")), org: org, type: InterventionTypeID(type), appliedBy: reader.text("appliedBy"),
            start: start, status: status, reason: reader.text("reason"), exitCriteria: reader.text("exitCriteria"), provenance: .recorded))
    }

    static func edited(_ reader: inout FormReader, _ before: Intervention, by user: String) -> Edit? {
        let start = reader.date("start")
        guard let type = reader.choice("type"), let start else { return nil }
        var item = before
        item.type = InterventionTypeID(type)
        item.appliedBy = reader.text("appliedBy")
        item.start = start
        if let status = reader.choice("status").flatMap(Intervention.Status.init(rawValue:)) { item.status = status }
        item.reason = reader.text("reason")
        item.exitCriteria = reader.text("exitCriteria")
        if !before.isOpen { item.outcome = reader.optionalText("outcome") }
        if item != before && before.provenance.kind != .recorded {
            // Once someone changes it, it is what they recorded; the source it came from is kept.
            item.provenance = Provenance(.recorded, source: before.provenance.source,
                                         note: "changed by \(user) from a \(before.provenance.kind.rawValue) record")
        }
        return .editIntervention(item)
    }
}
