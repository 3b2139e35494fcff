import OversightDomain

/// The line at the foot of every HTML paper: where its figures come from.
public enum PaperFooter {
    public static func text(_ today: CalendarDate) -> String {
        "Prepared with oversight on \(today.display) from the store's records. Segments, ranks, scores and metric values are NHS England's published figures as imported; where none is published, the paper says so."
    }
}
