extension Framework {
    /// Whether it judges a year at a time (the CCG IAF's annual ratings) rather than quarter by quarter.
    public var isAnnual: Bool { segmentation.method == .ratings }

    /// Every period of its life, oldest first, so that a screen can offer each even where no scorecard
    /// exists: financial years for an annual framework, else quarters. One still in force runs to `latest`.
    public func periods(through latest: Period) -> [Period] {
        let first = Period.quarter(containing: inForceFrom)
        var current = isAnnual ? first.year : first
        var result: [Period] = []
        while current.start.dayNumber <= latest.end.dayNumber {
            if isInForce(during: current) {
                result.append(current)
            } else if !result.isEmpty {
                break
            }
            current = current.next
        }
        return result
    }
}

extension Dataset {
    /// The frameworks in force at any time during a period, by id.
    public func frameworks(inForceDuring period: Period) -> [Framework] {
        frameworks.filter { $0.isInForce(during: period) }
    }
}

extension Framework {
    /// Why a period cannot be recorded against this framework on `today`, with what to type instead; nil when
    /// it can. A period outside the framework's life, more than a quarter ahead (a meeting may minute next
    /// quarter's position, not one years off), or a year where the framework decides quarter by quarter
    /// (and the other way round) is a typing slip that would otherwise become a period the console offers.
    public func periodProblem(_ period: Period, today: CalendarDate) -> String? {
        let thisQuarter = Period.quarter(containing: today)
        let latest = thisQuarter.next
        let life = periods(through: inForceTo.map { Period.quarter(containing: $0) } ?? latest)
        let range = inForceTo == nil ? "from \(life.first?.id ?? inForceFrom.iso)"
            : "from \(life.first?.id ?? inForceFrom.iso) to \(life.last?.id ?? inForceTo!.iso)"
        if isAnnual && period.isQuarter {
            return "\(shortName) rates a whole year, not a quarter: type the year, \(period.year.id)"
        }
        if !isAnnual && !period.isQuarter {
            return "\(shortName) is decided quarter by quarter: type a quarter, like \(period.id)-Q1"
        }
        if !isInForce(during: period) {
            return "\(shortName) was not in force in \(period.label); its periods run \(range)"
        }
        if period.start.dayNumber > latest.start.dayNumber {
            return "\(period.label) is more than a quarter ahead (today is in \(thisQuarter.label)); the latest that can be recorded is \(latest.label)"
        }
        return nil
    }
}
