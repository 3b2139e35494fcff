import OversightDomain
import OversightPapers

/// `w`: writes what the screen shows as a board paper. It asks the format and a file name (which follows the
/// format until typed over); F2 writes it. The file is never replaced without a yes. Writing a paper records
/// nothing, so it works on a read-only store too.
enum PaperForm {
    static func make(_ request: PaperRequest, _ context: ScreenContext) -> Result<Form, FormRefusal> {
        guard let paper = request.paper(in: context.landscape.dataset, today: context.landscape.today) else {
            return .failure("What this paper is about is no longer in the store.")
        }
        let stem = request.fileStem(in: context.landscape.dataset)
        let formats = [
            Choice(value: "html", label: "html", detail: "one printable file: charts, no script or network"),
            Choice(value: "md", label: "md", detail: "plain text that reads well and pastes into Word"),
            Choice(value: "csv", label: "csv", detail: "the paper's one table, for a spreadsheet"),
        ]
        var form = Form(.writePaper(request), title: "Write a board paper", context: [paper.title], fields: [
            FormField("format", "Format", .choice(formats)),
            FormField("file", "File", .text(limit: 1024), text: stem + ".html",
                      hint: "a name alone is written in the folder oversight was started from; ~ is your home"),
        ])
        form.follow = Form.Follow(choice: "format", field: "file",
                                  defaults: Dictionary(uniqueKeysWithValues: formats.map { ($0.value, stem + "." + $0.value) }))
        return .success(form)
    }

    /// The order to write, or nil with what is wrong put beside the field.
    static func order(_ form: inout Form, _ request: PaperRequest) -> PaperOrder? {
        form.clearErrors()
        let typed = form.field("file")?.text ?? ""
        let path = String(typed.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
        guard !path.isEmpty, !path.hasSuffix("/") else {
            form.show("Name the file to write, such as minutes.html.", field: "file")
            return nil
        }
        let format = form.field("format")?.choice.flatMap { PaperFormat(rawValue: $0.value) } ?? .html
        return PaperOrder(request: request, format: format, path: path)
    }

    /// F2 on the form: the paper goes to the session to write; the form stays until it is written (a refusal shows on it).
    static func save(_ s: inout AppState, _ form: Form, _ request: PaperRequest) -> [Effect] {
        var form = form
        let order = order(&form, request)
        s.mode = .form(form)
        return order.map { [.writePaper($0)] } ?? []
    }
}

extension AppState {
    /// The paper is written: back to the screen, saying where.
    public mutating func paperWritten(_ title: String, to path: String) {
        mode = .browsing
        message = .init("Wrote “\(title)” to \(path).")
    }

    /// A file of that name exists: ask before replacing it, over the form.
    public mutating func askToReplace(_ order: PaperOrder, shownAs path: String) {
        var replacing = order
        replacing.replace = true
        // No goes back to the file name, the field to change.
        var back = form
        if let file = back?.fields.firstIndex(where: { $0.id == "file" }) { back?.focus = file }
        mode = .confirming(Question("\(path) already exists. Replace it? y replaces it, n goes back to change the name.",
                                    onYes: .writePaper(replacing), over: back))
    }

    /// The paper could not be written: why, on the form, which keeps what was typed.
    public mutating func paperFailed(_ why: String) {
        guard var form else { message = .init(why, isError: true); return }
        form.show(why, field: "file")
        mode = .form(form)
    }
}
