import OversightDomain

/// Mark an action done, on a date (default today).
enum CompleteActionForm {
    static func make(_ id: ActionID, _ context: ScreenContext) -> Result<Form, FormRefusal> {
        guard let action = context.landscape.dataset.action(id) else { return .failure("That action is no longer in the store.") }
        guard action.status == .open else { return .failure("This action is already done (\(action.completed?.display ?? "date not recorded")).") }
        let due = action.due.map { "due \($0.display)" + (action.isOverdue(on: context.landscape.today) ? ", OVERDUE" : "") } ?? "no due date"
        return .success(Form(.completeAction(id), title: "Mark the action done", context: [
            "\(Labels.subject(action.subject, context.landscape))",
            "\(action.owner), \(due): \(action.text)",
        ], fields: [
            FormField("completed", "Done on", .date(optional: false), text: context.landscape.today.iso, hint: "YYYY-MM-DD or DD/MM/YYYY"),
        ]))
    }

    static func edit(_ reader: inout FormReader, id: ActionID) -> Edit? {
        reader.date("completed").map { .completeAction(id, on: $0) }
    }
}
