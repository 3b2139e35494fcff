/// Step 3 as it fell for one organisation: a provider in a segment the rule names (NOF: 1 or 2) that reports
/// a deficit or receives deficit support moves to the rule's segment (3).
public struct FinancialOverride: Hashable, Sendable {
    /// The segment from the quartiles.
    public let from: Int
    /// The segment after the override (equal to `from` when it did not apply).
    public let to: Int
    public let reportsDeficit: Bool
    public let receivesDeficitSupport: Bool

    public var applied: Bool { to != from }

    /// "reports a deficit: segment 2 → 3" or "receives deficit support: already 4, no change".
    public var explanation: String {
        let why = [reportsDeficit ? "reports a deficit" : nil, receivesDeficitSupport ? "receives deficit support" : nil]
            .compactMap { $0 }.joined(separator: " and ")
        return applied ? "\(why): segment \(from) → \(to)" : "\(why): segment \(from) is outside the override, no change"
    }
}

/// Step 4 as it fell for one organisation: what its recorded decision did to the computed segment.
public enum DecisionOutcome: Hashable, Sendable {
    /// The decision-only segment (NOF: 5) entered on a provider computed in the segment it requires (4).
    case entered(segment: Int, rationale: String)
    /// A decision-only segment recorded on a provider not computed in the segment it requires: not applied.
    case notApplicable(segment: Int, requires: Int, computed: Int)
    /// The recorded segment is the computed one.
    case agrees(segment: Int)
    /// The recorded segment differs from the computed one. The method is automated, so the computed one stands;
    /// the difference is shown so that a meeting can see it.
    case differs(recorded: Int, computed: Int)

    public var explanation: String {
        switch self {
        case .entered(let segment, let rationale): return "segment \(segment) by decision: \(rationale)"
        case .notApplicable(let segment, let requires, let computed):
            return "decision for segment \(segment) not applied: it needs a computed segment of \(requires), and the computed segment is \(computed)"
        case .agrees(let segment): return "decision agrees with the computed segment \(segment)"
        case .differs(let recorded, let computed):
            return "decision records segment \(recorded) but the method computes \(computed); the computed segment stands"
        }
    }
}

/// Steps 3 and 4 of the method, as pure functions of the quartile and the organisation's flags.
enum SegmentSteps {
    static func override(quartile: Int, reportsDeficit: Bool, receivesDeficitSupport: Bool,
                         rules: SegmentationRules) -> FinancialOverride? {
        guard let rule = rules.deficitOverride, reportsDeficit || receivesDeficitSupport else { return nil }
        let to = rule.fromSegments.contains(quartile) ? rule.to : quartile
        return FinancialOverride(from: quartile, to: to, reportsDeficit: reportsDeficit,
                                 receivesDeficitSupport: receivesDeficitSupport)
    }

    static func decide(adjusted: Int, decision: RecordedDecision?, rules: SegmentationRules) -> (segment: Int, outcome: DecisionOutcome?) {
        guard let decision else { return (adjusted, nil) }
        if let only = rules.decisionOnlySegment, decision.segment == only {
            if let requires = rules.decisionOnlyRequires, adjusted != requires {
                return (adjusted, .notApplicable(segment: only, requires: requires, computed: adjusted))
            }
            return (only, .entered(segment: only, rationale: decision.rationale))
        }
        return (adjusted, decision.segment == adjusted ? .agrees(segment: adjusted) : .differs(recorded: decision.segment, computed: adjusted))
    }

    /// The segment an organisation would hold were it in `quartile`, its flags and decision unchanged.
    static func segment(quartile: Int, of org: OrganisationInput, rules: SegmentationRules) -> (adjusted: Int, segment: Int) {
        let adjusted = override(quartile: quartile, reportsDeficit: org.reportsDeficit,
                                receivesDeficitSupport: org.receivesDeficitSupport, rules: rules)?.to ?? quartile
        return (adjusted, decide(adjusted: adjusted, decision: org.decision, rules: rules).segment)
    }
}
