import OversightDomain

/// Record the segment decision on a scorecard: confirm the segment the method computed, or set
/// another (5 on entry to the Provider Improvement Programme, which the domain allows only for a
/// provider computed as 4), with the rationale, who decided and when (defaults: the user, today).
/// The computed segment saved with the decision is the engine's reading of the scorecard.
enum SegmentDecisionForm {
    static func make(org: OrgCode, _ context: ScreenContext, user: String) -> Result<Form, FormRefusal> {
        let landscape = context.landscape
        guard let organisation = landscape.organisation(org) else { return .failure("There is no organisation \(org) in this store.") }
        guard let framework = context.framework, let period = context.viewpoint.period else {
            return .failure(FormRefusal("No framework has scorecards in this store, so there is no segment to decide."))
        }
        guard !framework.segments.isEmpty else {
            return .failure(FormRefusal("\(framework.shortName) gives ratings, not segments; press f for another framework."))
        }
        guard framework.appliesTo.contains(organisation.kind) else {
            return .failure(FormRefusal("\(framework.shortName) does not segment \(organisation.kind.label)s such as \(org); press f for another framework."))
        }
        let id = ScorecardID(org: org, framework: framework.id, period: period)
        let reading = landscape.segment(org, framework.id, period)
        // Only a method that computes segments has a computed one; a judgement framework's reading echoes the decision.
        let computed = reading.computation == nil ? nil : reading.computed
        let existing = landscape.scorecard(org, framework.id, period)?.decision

        let segments = framework.segments.sorted { $0.number < $1.number }
        let choices = segments.map { segment -> Choice in
            var detail = segment.meaning
            if segment.decisionOnly, let required = framework.segmentation.decisionOnlyRequires {
                detail = join(detail, "decided only for a provider computed as \(required)")
            }
            let computedMark = segment.number == computed ? " (computed)" : ""
            return Choice(value: String(segment.number), label: "\(segment.number)  \(segment.label)\(computedMark)", detail: detail,
                          consequence: consequence(of: segment.number, computed: computed, framework))
        }
        // With nothing computed or decided to start from, no segment is chosen for the user: a default of 1
        // saved in haste would minute "no support needed" for a trust nobody looked at.
        let wanted = (existing?.provenance.kind == .recorded ? existing?.segment : nil) ?? computed ?? existing?.segment
        let chosen = segments.firstIndex { $0.number == wanted } ?? -1

        var lines = ["\(org) \(organisation.name)"]
        var facts = "\(framework.shortName) · \(period.label) · "
        if let computed {
            facts += "computed segment \(computed)"
            if let raw = reading.rawScore { facts += ", score " + formatDecimal(raw, decimals: 2) }
            if reading.nearBoundary { facts += ", near a boundary" }
        } else if framework.computesSegments {
            facts += "nothing published or computed for \(period.label)"
        } else {
            facts += "\(framework.shortName) segments are decided by judgement"
        }
        lines.append(facts)
        if let existing, existing.provenance.kind == .recorded {
            lines.append("Recorded now: segment \(existing.segment), \(existing.date.display), \(existing.decidedBy). Saving replaces it; it stays listed (K).")
        } else if let existing {
            let tag = existing.provenance.tag.isEmpty ? "" : " (\(existing.provenance.tag))"
            lines.append("On record: segment \(existing.segment), \(existing.date.display), \(existing.decidedBy)\(tag). Saving records a new decision.")
        }
        // A decision recorded here is shown in full, to fix a slip; one from the published or illustrative
        // record is replaced by a new decision, made today by the user.
        let correcting = existing?.provenance.kind == .recorded ? existing : nil
        let fields = [
            FormField("segment", "Segment", .choice(choices), chosen: chosen),
            FormField("rationale", "Rationale", .longText(limit: TextRules.longLimit), text: correcting?.rationale ?? "",
                      hint: "why the meeting decided this"),
            FormField("decidedBy", "Decided by", .text(limit: TextRules.shortLimit), text: correcting?.decidedBy ?? user),
            FormField("date", "Date", .date(optional: false), text: (correcting?.date ?? landscape.today).iso, hint: "YYYY-MM-DD or DD/MM/YYYY"),
        ]
        return .success(Form(.decideSegment(id, computed: computed), title: "Record the segment decision", context: lines, fields: fields))
    }

    static func edit(_ reader: inout FormReader, id: ScorecardID, computed: Int?) -> Edit? {
        let segment = reader.choice("segment").flatMap { Int($0) }
        if segment == nil { reader.problem("segment", "choose the segment the meeting decided (↑ ↓ or its number)") }
        let date = reader.date("date")
        guard let segment, let date else { return nil }
        let decision = SegmentDecision(segment: segment, basis: segment == computed ? .confirmed : .set, computed: computed,
                                       rationale: reader.text("rationale"), decidedBy: reader.text("decidedBy"), date: date,
                                       provenance: .recorded)
        return .decideSegment(id, decision)
    }

    /// What saving `segment` does to the segment that stands. A framework that computes segments
    /// (NOF 2025/26) keeps its computed one whatever the meeting records, except the decision-only
    /// segment (5) on a provider computed in the segment it requires (4); users expect a decision
    /// to change the segment, so the form says so before saving. A judgement framework's decision
    /// is the segment, so there is nothing to warn of.
    static func consequence(of segment: Int, computed: Int?, _ framework: Framework) -> String {
        guard let computed else { return "" }
        let name = framework.shortName
        let rules = framework.segmentation
        if segment == rules.decisionOnlySegment {
            guard let required = rules.decisionOnlyRequires, computed != required else {
                return "\(name): saving makes the segment \(segment) by decision, in place of the computed \(computed)"
            }
            return "\(name): \(segment) only for a provider computed as \(required); this one is computed \(computed), so it cannot be saved"
        }
        if segment == computed { return "\(name) computes segments: this confirms the computed \(computed)" }
        return "\(name) computes segments: \(computed) stands; this records the meeting's view"
    }

    static func join(_ a: String, _ b: String) -> String { a.isEmpty ? b : a + "; " + b }
}
