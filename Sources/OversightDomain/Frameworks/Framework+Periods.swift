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
