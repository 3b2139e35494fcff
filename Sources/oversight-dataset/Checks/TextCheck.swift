import OversightDomain

/// The store refuses control characters and over-long text; so does the generator, before writing.
enum TextCheck {
    static func problems(in data: Dataset) -> [String] {
        var problems: [String] = []
        func short(_ text: String?, _ place: @autoclosure () -> String) {
            guard let text, let problem = TextRules.problem(in: text, multiline: false, limit: TextRules.shortLimit) else { return }
            problems.append("\(place()): \(problem)")
        }
        func long(_ text: String?, _ place: @autoclosure () -> String) {
            guard let text, let problem = TextRules.problem(in: text, multiline: true, limit: TextRules.longLimit) else { return }
            problems.append("\(place()): \(problem)")
        }
        func provenance(_ p: Provenance?, _ place: @autoclosure () -> String) {
            long(p?.source, "\(place()) source")
            long(p?.note, "\(place()) note")
            long(p?.derivation, "\(place()) derivation")
        }
        for region in data.regions { short(region.name, "region \(region.code) name"); provenance(region.provenance, "region \(region.code)") }
        for footprint in data.footprints {
            short(footprint.name, "footprint \(footprint.id) name")
            provenance(footprint.provenance, "footprint \(footprint.id)")
            for succession in footprint.successors { long(succession.note, "footprint \(footprint.id) succession") }
        }
        for org in data.organisations {
            short(org.name, "organisation \(org.code) name")
            short(org.odsName, "organisation \(org.code) ODS name")
            provenance(org.provenance, "organisation \(org.code)")
            for membership in org.memberships { provenance(membership.provenance, "organisation \(org.code) membership") }
            for succession in org.successors {
                long(succession.note, "organisation \(org.code) succession")
                provenance(succession.provenance, "organisation \(org.code) succession")
            }
        }
        for framework in data.frameworks {
            short(framework.name, "framework \(framework.id) name")
            long(framework.summary, "framework \(framework.id) summary")
            for metric in framework.metrics {
                short(metric.name, "\(framework.id) metric \(metric.id) name")
                long(metric.definition, "\(framework.id) metric \(metric.id) definition")
                provenance(metric.provenance, "\(framework.id) metric \(metric.id)")
            }
            for segment in framework.segments { short(segment.label, "\(framework.id) segment label"); long(segment.meaning, "\(framework.id) segment meaning") }
        }
        for type in data.interventionTypes { short(type.name, "intervention type \(type.id) name"); long(type.notes, "intervention type \(type.id) notes") }
        for item in data.interventions {
            short(item.appliedBy, "intervention \(item.id) appliedBy")
            long(item.reason, "intervention \(item.id) reason")
            long(item.exitCriteria, "intervention \(item.id) exit criteria")
            long(item.outcome, "intervention \(item.id) outcome")
            for event in item.events { long(event.text, "intervention \(item.id) event \(event.id)") }
        }
        for card in data.scorecards {
            provenance(card.provenance, "scorecard \(card.id)")
            guard let decision = card.decision else { continue }
            provenance(decision.provenance, "scorecard \(card.id) decision")
            short(decision.decidedBy, "scorecard \(card.id) decidedBy")
            long(decision.rationale, "scorecard \(card.id) rationale")
        }
        return problems
    }
}
