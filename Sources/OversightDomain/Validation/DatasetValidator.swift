/// Checks a dataset's meaning: unique ids, references that resolve, values in range, dates in order.
/// (Syntax, types and unknown fields are the store's business; it reads the files.)
/// Paths index the arrays as they were decoded, so run this before `Dataset.normalise()`.
public struct DatasetValidator {
    let data: Dataset
    var problems: [Problem] = []

    let regionCodes: Set<RegionCode>
    let footprintIDs: Set<FootprintID>
    let orgCodes: Set<OrgCode>
    let frameworksByID: [FrameworkID: Framework]
    let typeIDs: Set<InterventionTypeID>
    let scorecardIDs: Set<ScorecardID>
    /// Each framework's metric units and theme ids, looked up once: thousands of scorecards each name ~20 metrics.
    let metricUnits: [FrameworkID: [MetricID: MetricUnit]]
    let themeIDs: [FrameworkID: Set<ThemeID>]

    /// Every problem in `dataset`, in file order.
    public static func problems(in dataset: Dataset) -> [Problem] {
        var validator = DatasetValidator(dataset)
        validator.run()
        return validator.problems
    }

    init(_ data: Dataset) {
        self.data = data
        regionCodes = Set(data.regions.map(\.code))
        footprintIDs = Set(data.footprints.map(\.id))
        orgCodes = Set(data.organisations.map(\.code))
        frameworksByID = Dictionary(data.frameworks.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        typeIDs = Set(data.interventionTypes.map(\.id))
        scorecardIDs = Set(data.scorecards.map(\.id))
        metricUnits = frameworksByID.mapValues { framework in
            Dictionary(framework.metrics.map { ($0.id, $0.unit) }, uniquingKeysWith: { first, _ in first })
        }
        themeIDs = frameworksByID.mapValues { Set($0.themes.map(\.id)) }
    }

    mutating func report(_ path: DataPath, _ message: String) {
        problems.append(Problem(path, message))
    }

    mutating func run() {
        checkUnique(data.regions, "regions", noun: "region code")
        checkUnique(data.footprints, "footprints", noun: "footprint id")
        checkUnique(data.organisations, "organisations", noun: "ODS code")
        checkUnique(data.frameworks, "frameworks", noun: "framework id")
        checkUnique(data.interventionTypes, "interventionTypes", noun: "intervention type id")
        checkUnique(data.scorecards, "scorecards", noun: "scorecard (organisation, framework, period)")
        checkUnique(data.interventions, "interventions", noun: "intervention id")
        checkUnique(data.notes, "notes", noun: "note id")
        checkUnique(data.actions, "actions", noun: "action id")
        checkUnique(data.meetings, "meetings", noun: "meeting id")

        for (i, region) in data.regions.enumerated() { checkRegion(region, at: DataPath.root.key("regions").index(i)) }
        for (i, footprint) in data.footprints.enumerated() { checkFootprint(footprint, at: DataPath.root.key("footprints").index(i)) }
        for (i, org) in data.organisations.enumerated() { checkOrganisation(org, at: DataPath.root.key("organisations").index(i)) }
        for (i, framework) in data.frameworks.enumerated() { checkFramework(framework, at: DataPath.root.key("frameworks").index(i)) }
        for (i, card) in data.scorecards.enumerated() { checkScorecard(card, at: DataPath.root.key("scorecards").index(i)) }
        for (i, item) in data.interventions.enumerated() { checkIntervention(item, at: DataPath.root.key("interventions").index(i)) }
        for (i, note) in data.notes.enumerated() { checkNote(note, at: DataPath.root.key("notes").index(i)) }
        for (i, action) in data.actions.enumerated() { checkAction(action, at: DataPath.root.key("actions").index(i)) }
        checkMeetingLinks()
    }

    /// Every record made at a meeting names a meeting, and an item, that exist (an item is never removed
    /// while something is recorded at it, so a dangling link means the files were changed by hand).
    mutating func checkMeetingLinks() {
        func check(_ link: MeetingLink?, _ path: DataPath) {
            guard let link else { return }
            guard let meeting = data.meeting(link.meeting) else { return report(path.key("meeting"), "no meeting \(link.meeting)") }
            if let item = link.item, meeting.item(item) == nil { report(path.key("meeting"), "meeting \(link.meeting) has no agenda item \(item)") }
        }
        for (i, note) in data.notes.enumerated() { check(note.meeting, DataPath.root.key("notes").index(i)) }
        for (i, action) in data.actions.enumerated() { check(action.meeting, DataPath.root.key("actions").index(i)) }
        for (i, card) in data.scorecards.enumerated() { check(card.decision?.meeting, DataPath.root.key("scorecards").index(i).key("decision")) }
        for (i, item) in data.interventions.enumerated() {
            check(item.meeting, DataPath.root.key("interventions").index(i))
            for (j, event) in item.events.enumerated() { check(event.meeting, DataPath.root.key("interventions").index(i).key("events").index(j)) }
        }
    }

    mutating func checkUnique<T: Identified>(_ records: [T], _ collection: String, noun: String) {
        var seen: [T.ID: Int] = [:]
        for (i, record) in records.enumerated() {
            if let first = seen[record.id] {
                report(DataPath.root.key(collection).index(i),
                       "duplicate \(noun) \(record.id); the same one is at \(collection)[\(first)]")
            } else {
                seen[record.id] = i
            }
        }
    }

    mutating func checkSpan(_ from: CalendarDate?, _ to: CalendarDate?, at path: DataPath, fromKey: String, toKey: String) {
        if let from, let to, to < from {
            report(path.key(toKey), "\(to.iso) is before \(fromKey) \(from.iso)")
        }
    }

    mutating func checkRegion(_ region: Region, at path: DataPath) {
        if let former = region.formerRegion, !regionCodes.contains(former) {
            report(path.key("formerRegion"), "unknown region \(former)")
        }
        checkSpan(region.validFrom, region.validTo, at: path, fromKey: "validFrom", toKey: "validTo")
    }

    mutating func checkFootprint(_ footprint: Footprint, at path: DataPath) {
        if !regionCodes.contains(footprint.region) { report(path.key("region"), "unknown region \(footprint.region)") }
        if let old = footprint.region2016, !regionCodes.contains(old) { report(path.key("region2016"), "unknown region \(old)") }
        if footprint.onsCodes.isEmpty { report(path.key("onsCodes"), "a footprint needs at least one ONS code") }
        checkSpan(footprint.validFrom, footprint.validTo, at: path, fromKey: "validFrom", toKey: "validTo")
        for (i, succession) in footprint.successors.enumerated() {
            let here = path.key("successors").index(i)
            if !footprintIDs.contains(succession.footprint) {
                report(here.key("footprint"), "unknown footprint \(succession.footprint)")
            } else if succession.footprint == footprint.id {
                report(here.key("footprint"), "a footprint cannot succeed itself")
            }
        }
    }

    mutating func checkOrganisation(_ org: Organisation, at path: DataPath) {
        if org.name.isEmpty { report(path.key("name"), "must not be empty") }
        if !regionCodes.contains(org.region) { report(path.key("region"), "unknown region \(org.region)") }
        if org.isProvider && org.type == nil { report(path.key("type"), "a trust needs a provider type") }
        checkSpan(org.opened, org.closed, at: path, fromKey: "opened", toKey: "closed")
        for (i, membership) in org.memberships.enumerated() {
            let here = path.key("memberships").index(i)
            if !footprintIDs.contains(membership.footprint) {
                report(here.key("footprint"), "unknown footprint \(membership.footprint)")
            }
            checkSpan(membership.from, membership.to, at: here, fromKey: "from", toKey: "to")
        }
        for (i, succession) in org.successors.enumerated() {
            let here = path.key("successors").index(i)
            if !orgCodes.contains(succession.org) {
                report(here.key("org"), "unknown organisation \(succession.org)")
            } else if succession.org == org.code {
                report(here.key("org"), "an organisation cannot succeed itself")
            }
            if let opened = org.opened, succession.date < opened {
                report(here.key("date"), "\(succession.date.iso) is before it opened (\(opened.iso))")
            }
        }
    }

    mutating func checkFramework(_ framework: Framework, at path: DataPath) {
        checkSpan(framework.inForceFrom, framework.inForceTo, at: path, fromKey: "inForceFrom", toKey: "inForceTo")
        let themeIDs = Set(framework.themes.map(\.id))
        if themeIDs.count != framework.themes.count { report(path.key("themes"), "theme ids must be unique") }
        let numbers = framework.segments.map(\.number)
        if !numbers.isEmpty && numbers != Array(1...numbers.count) {
            report(path.key("segments"), "segments must be numbered 1, 2, 3 … in order")
        }
        var metricIDs: Set<MetricID> = []
        for (i, metric) in framework.metrics.enumerated() {
            let here = path.key("metrics").index(i)
            if !metricIDs.insert(metric.id).inserted { report(here.key("id"), "duplicate metric id \(metric.id)") }
            if !themeIDs.contains(metric.theme) { report(here.key("theme"), "unknown \(framework.themeNoun) \(metric.theme)") }
            if !(metric.weight >= 0 && metric.weight <= 10) {
                report(here.key("weight"), "weight must be from 0 (counted only through another metric) to 10")
            }
            if case .matrix(let matrix) = metric.scoring {
                for component in [matrix.rows, matrix.columns] where framework.metric(component) == nil {
                    report(here.key("scoring"), "the table reads \(component), which \(framework.shortName) does not define")
                }
            }
            if let standard = metric.standard, let floor = metric.floor, metric.isBetter(floor, than: standard) || floor == standard {
                report(here.key("floor"), "the floor \(formatDecimal(floor, decimals: 2)) must be worse than the standard \(formatDecimal(standard, decimals: 2))")
            }
            if case .bespoke(let brackets) = metric.scoring {
                if brackets.isEmpty { report(here.key("scoring"), "bespoke scoring needs at least one bracket") }
                for (j, bracket) in brackets.enumerated() where !(1...4).contains(bracket.score) {
                    report(here.key("scoring").key("brackets").index(j).key("score"), "a score must be between 1 and 4")
                }
            }
        }
        let rules = framework.segmentation
        if let only = rules.decisionOnlySegment, !numbers.contains(only) {
            report(path.key("segmentation").key("decisionOnlySegment"), "no segment \(only) in this framework")
        }
        if let override = rules.deficitOverride, !numbers.contains(override.to) {
            report(path.key("segmentation").key("deficitOverride").key("to"), "no segment \(override.to) in this framework")
        }
        if let finance = framework.financeScore {
            for (i, id) in finance.metrics.enumerated() where !metricIDs.contains(id) {
                report(path.key("financeScore").key("metrics").index(i), "unknown metric \(id)")
            }
        }
        if rules.method == .ratings && framework.ratings.isEmpty {
            report(path.key("ratings"), "a rating framework needs its ratings")
        }
    }

    mutating func checkScorecard(_ card: Scorecard, at path: DataPath) {
        if !orgCodes.contains(card.org) { report(path.key("org"), "unknown organisation \(card.org)") }
        guard let framework = frameworksByID[card.framework] else {
            report(path.key("framework"), "unknown framework \(card.framework)")
            return
        }
        let units = metricUnits[card.framework] ?? [:]
        // Published values are checked like any others: each metric's unit says what range its figures take
        // (a signed percent for a planned deficit, a percent of expected past 100, a staff survey score out of 10).
        func problem(_ metricID: MetricID, _ value: MetricValue) -> String? {
            guard let unit = units[metricID] else { return "\(framework.shortName) has no metric \(metricID)" }
            return value.number.flatMap { DatasetValidator.rangeProblem($0, unit: unit) }
        }
        // Almost every scorecard is clean: find the bad values first, then report them in a stable order.
        if card.values.contains(where: { problem($0.key, $0.value) != nil }) {
            for (metricID, value) in card.values.sorted(by: { $0.key < $1.key }) {
                if let message = problem(metricID, value) { report(path.key("values").key(metricID.rawValue), message) }
            }
        }
        let themes = themeIDs[card.framework] ?? []
        for theme in card.themeRatings.keys.sorted() where !themes.contains(theme) {
            report(path.key("themeRatings").key(theme.rawValue), "\(framework.shortName) has no \(framework.themeNoun) \(theme)")
        }
        if let rating = card.rating, !framework.ratings.contains(where: { $0.id == rating }) {
            report(path.key("rating"), "\(framework.shortName) has no rating “\(rating)”")
        }
        if let decision = card.decision {
            let here = path.key("decision")
            if let range = framework.segmentRange {
                if !range.contains(decision.segment) {
                    report(here.key("segment"), "\(framework.shortName) has segments \(range.lowerBound)–\(range.upperBound), not \(decision.segment)")
                }
            } else {
                report(here, "\(framework.shortName) has no segments to decide")
            }
            if decision.decidedBy.isEmpty { report(here.key("decidedBy"), "must not be empty") }
        }
    }

    /// Why a number cannot be a value of a unit, or nil when it can.
    public static func rangeProblem(_ number: Double, unit: MetricUnit) -> String? {
        guard !unit.admissibleRange.contains(number) else { return nil }
        let shown = formatDecimal(number, decimals: 2)
        switch unit {
        case .percent: return "\(shown) is not a percentage (0–100)"
        case .outOfTen: return "\(shown) is not a score out of 10"
        case .rating, .score: return "\(shown) is not a score from 1 to 4"
        case .minutes, .count, .ratePer100k, .ratePer1000, .ratio, .times, .percentOfExpected: return "\(shown) cannot be negative"
        case .days, .percentagePoints, .poundsMillion, .signedPercent: return "\(shown) is not a finite number"
        }
    }

    mutating func checkIntervention(_ item: Intervention, at path: DataPath) {
        if !orgCodes.contains(item.org) { report(path.key("org"), "unknown organisation \(item.org)") }
        if !typeIDs.contains(item.type) { report(path.key("type"), "unknown intervention type \(item.type)") }
        checkSpan(item.start, item.end, at: path, fromKey: "start", toKey: "end")
        if item.status == .closed && item.end == nil { report(path.key("end"), "a closed intervention needs an end date") }
        if item.status != .closed && item.end != nil { report(path.key("status"), "an intervention with an end date must be closed") }
        if let link = item.segmentDecision, !scorecardIDs.contains(link) {
            report(path.key("segmentDecision"), "unknown scorecard \(link)")
        }
        var eventIDs: Set<InterventionEventID> = []
        for (i, event) in item.events.enumerated() where !eventIDs.insert(event.id).inserted {
            report(path.key("events").index(i).key("id"), "duplicate event id \(event.id)")
        }
    }

    mutating func checkSubject(_ subject: Subject, at path: DataPath) {
        switch subject {
        case .organisation(let code) where !orgCodes.contains(code): report(path, "unknown organisation \(code)")
        case .footprint(let id) where !footprintIDs.contains(id): report(path, "unknown footprint \(id)")
        default: break
        }
    }

    mutating func checkNote(_ note: Note, at path: DataPath) {
        checkSubject(note.subject, at: path.key("subject"))
        if note.text.isEmpty { report(path.key("text"), "must not be empty") }
    }

    mutating func checkAction(_ action: Action, at path: DataPath) {
        checkSubject(action.subject, at: path.key("subject"))
        if action.text.isEmpty { report(path.key("text"), "must not be empty") }
        if action.status == .done && action.completed == nil { report(path.key("completed"), "a done action needs its completion date") }
    }
}
