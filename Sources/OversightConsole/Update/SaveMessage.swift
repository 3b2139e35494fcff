import OversightDomain

/// The status line after a save, an undo or a redo. Each fits one line at 80 columns for the
/// usual edits, since a message on two lines pushes the screen up; the key that reverses it stays
/// joined to its verb however the line wraps.
public enum SaveMessage {
    /// `replaced`: the decision a new segment decision replaced (kept among the scorecard's earlier ones).
    public static func saved(_ label: String, _ edit: Edit, in landscape: Landscape, replaced: SegmentDecision? = nil) -> String {
        "Saved: \(savedText(label, edit, landscape, replaced: replaced)). " + TextWrap.together("u undoes it.")
    }

    public static func undone(_ label: String) -> String { "Undone: \(label). " + TextWrap.together("Ctrl-R brings it back.") }

    public static func redone(_ label: String) -> String { "Redone: \(label). " + TextWrap.together("u takes it back.") }

    /// A segment decision says what stands now, since under a method that computes segments
    /// (NOF 2025/26) recording 3 for a provider computed as 4 leaves it in 4: "RXN decision 3
    /// (2026/27 Q2); computed 4 stands", or "published 4 stands" where NHS England published it. Anything
    /// else is the journal's label.
    static func savedText(_ label: String, _ edit: Edit, _ landscape: Landscape, replaced: SegmentDecision? = nil) -> String {
        guard case .decideSegment(let id, let decision) = edit else { return label }
        // A decision that replaced one recorded here says so, briefly (the line must fit 80 columns), and that
        // the one replaced is kept: K lists it. One from the public record is replaced as the form said it would be.
        let was = replaced.flatMap { $0.provenance.kind == .recorded ? "; was \($0.segment), kept" : nil } ?? ""
        let text = "\(id.org) decision \(decision.segment) (\(id.period.label)\(was))"
        // Where NHS England published the segment, that is what stands (and what the form offered as computed);
        // our recomputation is only the check, and may differ where pools are not all published.
        if let published = landscape.dataset.scorecard(id)?.published?.segment, landscape.framework(id.framework)?.computesSegments == true {
            return text + (published == decision.segment ? ", as published" : "; published \(published) stands")
        }
        switch landscape.segment(id.org, id.framework, id.period).computation?.decision {
        case .differs(_, let computed)?, .notApplicable(_, _, let computed)?: return text + "; computed \(computed) stands"
        case .entered(let segment, _)?: return text + "; segment \(segment) stands"
        case .agrees?: return text + ", as computed"
        case nil: return text
        }
    }
}
