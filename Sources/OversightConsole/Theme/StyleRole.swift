/// What a cell means, not how it looks: a theme turns roles into colours or attributes.
public enum StyleRole: Hashable, Sendable, CaseIterable {
    case plain
    /// The top bar: breadcrumbs and the framework and period in force.
    case header
    case crumbs
    /// A column heading, and the column the cursor is on (sort target).
    case columnHeader
    case currentColumn
    case selection
    case hintKey
    case hintLabel
    case status
    case segment1, segment2, segment3, segment4, segment5
    /// A segment with no number (not decided, not computed).
    case segmentNone
    case ragRed, ragAmber, ragGreen
    case error
    case muted
    /// Small tags: "filtered 12/207", "read-only", "illustrative".
    case badge
    /// Titles of panels inside a view.
    case title
    /// The standard or floor drawn into a chart.
    case standard
    case chart
    /// A form field's value, and the one with the cursor.
    case field
    case fieldFocused

    public static func segment(_ number: Int?) -> StyleRole {
        switch number {
        case 1: return .segment1
        case 2: return .segment2
        case 3: return .segment3
        case 4: return .segment4
        case 5: return .segment5
        default: return .segmentNone
        }
    }
}
