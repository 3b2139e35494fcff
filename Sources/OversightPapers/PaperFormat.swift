import OversightDomain

/// The formats a paper is written in, as `oversight export --format` names them.
public enum PaperFormat: String, Hashable, Sendable, Codable, CaseIterable {
    case md, csv, html

    public func render(_ paper: Paper, today: CalendarDate) -> String {
        switch self {
        case .md: return MarkdownRenderer.render(paper)
        case .csv: return CSVRenderer.render(paper)
        case .html: return HTMLRenderer.render(paper, generated: PaperFooter.text(today))
        }
    }
}
