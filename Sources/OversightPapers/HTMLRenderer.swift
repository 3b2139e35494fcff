import OversightDomain

/// One self-contained, printable HTML file: inline CSS (with print rules and page breaks), no script, no
/// network, charts as inline SVG drawn in black, greys and dash patterns so a black-and-white print reads.
/// Written as XHTML-compatible markup so that it parses as XML too.
public enum HTMLRenderer {
    public static func render(_ paper: Paper, generated: String) -> String {
        var body: [Markup] = [.el("h1", text: paper.title)]
        for block in paper.blocks { body.append(contentsOf: render(block)) }
        body.append(.el("p", [("class", "source")], text: generated))
        let html = Markup.el("html", [("xmlns", "http://www.w3.org/1999/xhtml"), ("lang", "en-GB")], [
            .el("head", [], [
                .el("meta", [("charset", "utf-8")]),
                .el("meta", [("name", "viewport"), ("content", "width=device-width, initial-scale=1")]),
                .el("title", text: paper.title),
                .el("style", text: css),
            ]),
            .el("body", [], [.el("main", [], body)]),
        ])
        return "<!DOCTYPE html>\n" + html.serialised() + "\n"
    }

    static let css = """
    body{font-family:Arial,Helvetica,sans-serif;color:#000;background:#fff;margin:0;line-height:1.4}
    main{max-width:60rem;margin:0 auto;padding:1.5rem}
    h1{font-size:1.6rem;border-bottom:2px solid #000;padding-bottom:.3rem}
    h2{font-size:1.25rem;margin-top:1.6rem;border-bottom:1px solid #000}
    h3{font-size:1.05rem}
    dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}
    dl.facts dt{font-weight:bold}
    dl.facts dd{margin:0}
    table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem;font-size:.9rem}
    caption{text-align:left;font-weight:bold;padding:.3rem 0}
    th,td{border:1px solid #000;padding:.2rem .4rem;vertical-align:top;text-align:left}
    th{background:#e6e6e6}
    td.num{text-align:right;font-variant-numeric:tabular-nums}
    figure{margin:1rem 0;page-break-inside:avoid;break-inside:avoid}
    figcaption{font-weight:bold;margin-bottom:.3rem}
    svg{max-width:100%;height:auto}
    .source{font-size:.8rem;border-top:1px solid #000;margin-top:2rem;padding-top:.3rem}
    .break{page-break-after:always;break-after:page}
    @media print{main{max-width:none;padding:0}h2{page-break-after:avoid;break-after:avoid}tr,figure{page-break-inside:avoid;break-inside:avoid}thead{display:table-header-group}@page{margin:15mm}}
    """

    static func render(_ block: Block) -> [Markup] {
        switch block {
        case .heading(let text, let level):
            return [.el("h\(min(max(level, 2), 4))", text: text)]
        case .paragraph(let text):
            return [.el("p", text: text)]
        case .facts(let facts):
            return [.el("dl", [("class", "facts")], facts.flatMap { [Markup.el("dt", text: $0.label), .el("dd", text: $0.value)] })]
        case .table(let table):
            return [render(table)]
        case .bullets(let items):
            return [.el("ul", [], items.map { .el("li", text: $0) })]
        case .chart(let chart):
            return [SVGCharts.figure(chart)]
        case .pageBreak:
            return [.el("div", [("class", "break")], [.text("")])]
        }
    }

    static func render(_ table: PaperTable) -> Markup {
        guard !table.rows.isEmpty else {
            return .el("div", [], [.el("p", [], [.el("strong", text: table.caption)]), .el("p", text: table.emptyText)])
        }
        let head = Markup.el("thead", [], [.el("tr", [], table.columns.map { .el("th", [("scope", "col")], text: $0) })])
        let rows = table.rows.map { row in
            Markup.el("tr", [], row.map { cell in
                cell.isNumeric ? .el("td", [("class", "num")], text: cell.shown) : .el("td", text: cell.shown)
            })
        }
        return .el("table", [], [.el("caption", text: table.caption), head, .el("tbody", [], rows)])
    }
}
