import OversightDomain

/// Markdown that reads as plain text: headings underlined, facts as "Label: value" lines, tables as
/// padded pipe tables (columns line up in a terminal and paste into Word as a table), charts as the
/// small tables they draw.
public enum MarkdownRenderer {
    public static func render(_ paper: Paper) -> String {
        var out: [String] = ["# " + line(paper.title), ""]
        for block in paper.blocks {
            switch block {
            case .heading(let text, let level):
                out += [String(repeating: "#", count: min(max(level, 2), 4)) + " " + line(text), ""]
            case .paragraph(let text):
                out += [escape(text), ""]
            case .facts(let facts):
                out += facts.map { "- **\(line($0.label)):** \(line($0.value))" } + [""]
            case .table(let table):
                out += render(table) + [""]
            case .bullets(let items):
                out += items.map { "- " + line($0) } + [""]
            case .chart(let chart):
                out += render(chart) + [""]
            case .pageBreak:
                break
            }
        }
        while out.last == "" { out.removeLast() }
        return out.joined(separator: "\n") + "\n"
    }

    static func render(_ table: PaperTable) -> [String] {
        var out: [String] = []
        if !table.caption.isEmpty { out += ["**" + line(table.caption) + "**", ""] }
        guard !table.rows.isEmpty else { return out + [escape(table.emptyText)] }
        let cells = table.rows.map { $0.map { cell($0.shown) } }
        let numeric = table.columns.indices.map { index in table.rows.allSatisfy { index >= $0.count || $0[index].isNumeric || $0[index] == .empty } }
        var widths = table.columns.map { max(3, width(cell($0))) }
        for row in cells { for (i, text) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], width(text)) } }
        func pad(_ text: String, _ i: Int) -> String {
            let space = String(repeating: " ", count: widths[i] - width(text))
            return numeric[i] ? space + text : text + space
        }
        out.append("| " + table.columns.enumerated().map { pad(cell($0.element), $0.offset) }.joined(separator: " | ") + " |")
        out.append("|" + widths.enumerated().map { i, w in numeric[i] ? " " + String(repeating: "-", count: w - 1) + ": " : " " + String(repeating: "-", count: w) + " " }.joined(separator: "|") + "|")
        for row in cells {
            let full = row + Array(repeating: "", count: max(0, widths.count - row.count))
            out.append("| " + full.enumerated().map { pad($0.element, $0.offset) }.joined(separator: " | ") + " |")
        }
        return out
    }

    static func render(_ chart: Chart) -> [String] {
        switch chart {
        case .segmentTimeline(let title, let points, _):
            return render(PaperTable(caption: title, columns: points.map(\.label),
                                     rows: [points.map { $0.segment.map(Cell.integer) ?? .text("not published") }]))
        case .metricTrend(let trend):
            let rows: [[Cell]] = trend.points.map { p in
                [.text(p.label), Cell.figure(p.value, decimals: trend.decimals, suffix: trend.suffix),
                 Cell.figure(p.lowerQuartile, decimals: trend.decimals, suffix: trend.suffix),
                 Cell.figure(p.median, decimals: trend.decimals, suffix: trend.suffix),
                 Cell.figure(p.upperQuartile, decimals: trend.decimals, suffix: trend.suffix)]
            }
            let standard = trend.standard.map { "; standard \(trend.higherIsBetter ? "≥" : "≤")\(formatDecimal($0, decimals: trend.decimals))\(trend.suffix)" } ?? ""
            return render(PaperTable(caption: trend.title + standard, columns: ["Quarter", "Value", "Lower quartile", "Median", "Upper quartile"], rows: rows))
        case .leaguePosition(let title, let rank, let of, let segment):
            return ["**" + line(title) + ":** rank \(rank) of \(of), segment \(segment)"]
        }
    }

    /// Display width in terminal cells, near enough for padding (every character counted as one).
    static func width(_ text: String) -> Int { text.count }

    /// Pipes and newlines would break a table row.
    static func cell(_ text: String) -> String {
        escape(text).replacingAll("|", with: "\\|").replacingAll("\n", with: " ")
    }

    static func line(_ text: String) -> String { escape(text).replacingAll("\n", with: " ") }

    /// Markdown's own characters in recorded text would change the layout (a note starting with "#").
    static func escape(_ text: String) -> String {
        var out = ""
        var atLineStart = true
        for ch in text {
            if atLineStart && (ch == "#" || ch == ">" || ch == "-" || ch == "+" || ch == "=") { out.append("\\") }
            if ch == "*" || ch == "_" || ch == "`" || ch == "<" || ch == "[" || ch == "]" { out.append("\\") }
            out.append(ch)
            atLineStart = ch == "\n"
        }
        return out
    }
}

extension String {
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        for ch in self { if ch == target { out += replacement } else { out.append(ch) } }
        return out
    }
}
