import OversightDomain

/// Scorecards straight from the parsed tree: they are most of every snapshot, and every import's and
/// decision's journal entry carries them. Each reader checks what the type's `Decodable` conformance
/// checks, field by field, and refuses anything else (see `DirectRefusal`).
extension Direct {
    static func scorecard(_ value: JSONValue) throws(DirectRefusal) -> Scorecard {
        var fields = try DirectFields(value)
        let org = try identifier(OrgCode.self, fields.required("org"))
        let framework = try identifier(FrameworkID.self, fields.required("framework"))
        let period = try period(fields.required("period"))
        let values = try fields.optional("values").map(metricValues) ?? [:]
        let themeRatings = try fields.optional("themeRatings").map(themeRatings) ?? [:]
        let rating = try fields.optional("rating").map(string)
        let finance = try fields.optional("finance").map(financialPosition)
        let decision = try fields.optional("decision").map(segmentDecision)
        let earlierDecisions = try fields.optional("earlierDecisions").map { (value) throws(DirectRefusal) in try list(value, segmentDecision) } ?? []
        let published = try fields.optional("published").map(publishedAssessment)
        let provenance = try provenance(fields.required("provenance"))
        try fields.finish()
        return Scorecard(org: org, framework: framework, period: period, values: values, themeRatings: themeRatings,
                         rating: rating, finance: finance, decision: decision, earlierDecisions: earlierDecisions,
                         published: published, provenance: provenance)
    }

    static func metricValues(_ value: JSONValue) throws(DirectRefusal) -> [MetricID: MetricValue] {
        let members = try members(value)
        var result: [MetricID: MetricValue] = [:]
        result.reserveCapacity(members.count)
        for member in members {
            result[MetricID(member.key)] = try metricValue(member.value)
        }
        return result
    }

    /// A number, null, `"suppressed"`, `"n/a"` or `{"count": n}`, as `MetricValue.init(from:)` reads it.
    static func metricValue(_ value: JSONValue) throws(DirectRefusal) -> MetricValue {
        switch value.content {
        case .null:
            return .missing
        case .number:
            return .number(try double(value))
        case .string("suppressed"):
            return .suppressed
        case .string("n/a"):
            return .notApplicable
        case .object:
            var fields = try DirectFields(value)
            let count = try double(fields.required("count"))
            try fields.finish()
            guard count.isFinite, count >= 0 else { throw DirectRefusal() }
            return .count(count)
        default:
            throw DirectRefusal()
        }
    }

    static func themeRatings(_ value: JSONValue) throws(DirectRefusal) -> [ThemeID: String] {
        let members = try members(value)
        var result: [ThemeID: String] = [:]
        for member in members { result[ThemeID(member.key)] = try string(member.value) }
        return result
    }

    static func financialPosition(_ value: JSONValue) throws(DirectRefusal) -> FinancialPosition {
        var fields = try DirectFields(value)
        let reportsDeficit = try bool(fields.required("reportsDeficit"))
        let receivesDeficitSupport = try bool(fields.required("receivesDeficitSupport"))
        let controlTotalAgreed = try fields.optional("controlTotalAgreed").map(bool)
        let plannedDeficit = try fields.optional("plannedDeficit").map(bool)
        try fields.finish()
        return FinancialPosition(reportsDeficit: reportsDeficit, receivesDeficitSupport: receivesDeficitSupport,
                                 controlTotalAgreed: controlTotalAgreed, plannedDeficit: plannedDeficit)
    }

    static func segmentDecision(_ value: JSONValue) throws(DirectRefusal) -> SegmentDecision {
        var fields = try DirectFields(value)
        let segment = try int(fields.required("segment"))
        let basis = try raw(SegmentDecision.Basis.self, fields.required("basis"))
        let computed = try fields.optional("computed").map(int)
        let rationale = try string(fields.required("rationale"))
        let decidedBy = try string(fields.required("decidedBy"))
        let date = try date(fields.required("date"))
        let provenance = try provenance(fields.required("provenance"))
        let meeting = try fields.optional("meeting").map(meetingLink)
        try fields.finish()
        return SegmentDecision(segment: segment, basis: basis, computed: computed, rationale: rationale,
                               decidedBy: decidedBy, date: date, provenance: provenance, meeting: meeting)
    }

    static func provenance(_ value: JSONValue) throws(DirectRefusal) -> Provenance {
        var fields = try DirectFields(value)
        let kind = try raw(Provenance.Kind.self, fields.required("kind"))
        let source = try fields.optional("source").map(string)
        let note = try fields.optional("note").map(string)
        let derivation = try fields.optional("derivation").map(string)
        try fields.finish()
        return Provenance(kind, source: source, note: note, derivation: derivation)
    }

    static func meetingLink(_ value: JSONValue) throws(DirectRefusal) -> MeetingLink {
        var fields = try DirectFields(value)
        let meeting = try identifier(MeetingID.self, fields.required("meeting"))
        let item = try fields.optional("item").map { (value) throws(DirectRefusal) in try identifier(AgendaItemID.self, value) }
        try fields.finish()
        return MeetingLink(meeting: meeting, item: item)
    }

    static func publishedAssessment(_ value: JSONValue) throws(DirectRefusal) -> PublishedAssessment {
        var fields = try DirectFields(value)
        let release = try identifier(ReleaseID.self, fields.required("release"))
        let earlierReleases = try fields.optional("earlierReleases").map { (value) throws(DirectRefusal) in
            try list(value) { (element) throws(DirectRefusal) in try identifier(ReleaseID.self, element) }
        } ?? []
        let trustType = try string(fields.required("trustType"))
        let trustSubtype = try fields.optional("trustSubtype").map(string)
        let region = try fields.optional("region").map(string)
        let rows = try fields.optional("rows").map(publishedRows) ?? [:]
        let league = try fields.optional("league").map(leagueLine)
        try fields.finish()
        return PublishedAssessment(release: release, earlierReleases: earlierReleases, trustType: trustType,
                                   trustSubtype: trustSubtype, region: region, rows: rows, league: league)
    }

    static func publishedRows(_ value: JSONValue) throws(DirectRefusal) -> [MetricID: PublishedRow] {
        let members = try members(value)
        var result: [MetricID: PublishedRow] = [:]
        result.reserveCapacity(members.count)
        for member in members { result[MetricID(member.key)] = try publishedRow(member.value) }
        return result
    }

    static func publishedRow(_ value: JSONValue) throws(DirectRefusal) -> PublishedRow {
        var fields = try DirectFields(value)
        let figure = try fields.optional("value").map(double)
        let unit = try string(fields.required("unit"))
        let reportingDate = try string(fields.required("reportingDate"))
        let median = try fields.optional("median").map(double)
        let lowerQuartile = try fields.optional("lowerQuartile").map(double)
        let upperQuartile = try fields.optional("upperQuartile").map(double)
        let rank = try fields.optional("rank").map(int)
        let line = try int(fields.required("line"))
        try fields.finish()
        return PublishedRow(value: figure, unit: unit, reportingDate: reportingDate, median: median,
                            lowerQuartile: lowerQuartile, upperQuartile: upperQuartile, rank: rank, line: line)
    }

    static func leagueLine(_ value: JSONValue) throws(DirectRefusal) -> PublishedLeagueLine {
        var fields = try DirectFields(value)
        let release = try identifier(ReleaseID.self, fields.required("release"))
        let averageScore = try fields.optional("averageScore").map(double)
        let averageScoreRange = try fields.optional("averageScoreRange").map(string)
        let segment = try fields.optional("segment").map(int)
        let inDeficit = try fields.optional("inDeficit").map(bool)
        let rank = try fields.optional("rank").map(int)
        let rankRange = try fields.optional("rankRange").map(string)
        let line = try int(fields.required("line"))
        try fields.finish()
        return PublishedLeagueLine(release: release, averageScore: averageScore, averageScoreRange: averageScoreRange,
                                   segment: segment, inDeficit: inDeficit, rank: rank, rankRange: rankRange, line: line)
    }
}
