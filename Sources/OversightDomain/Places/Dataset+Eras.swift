// Which regions and footprints a screen shows for a day or a period. NHS England ran four regions
// until March 2020 and seven from April 2020, so an STP footprint sits in its 2016 region for most
// of the STP years and in its 2020 region after; a screen asks here rather than choosing by era.

extension Region {
    /// Whether it was one of NHS England's regions on a day. A year or month `validTo` stands for any
    /// day in it, as an intervention's end does.
    public func isValid(on day: CalendarDate) -> Bool {
        day.dayNumber >= validFrom.dayNumber && (validTo.map { day.dayNumber <= $0.lastDayNumber } ?? true)
    }
}

extension Dataset {
    /// NHS England's regions on a day, by code: the four of 2016 until 31 March 2020, the seven from
    /// 1 April 2020.
    public func regions(on day: CalendarDate) -> [Region] {
        regions.filter { $0.isValid(on: day) }
    }

    /// The regions of a period, read on its last day as every count on screen is. Financial years
    /// and their quarters start in April, so no period straddles the change of April 2020.
    public func regions(during period: Period) -> [Region] {
        regions(on: period.end)
    }

    /// The region a footprint sat in on a day: its 2016 region while that region existed, else the
    /// region of the seven-region model (ICSs have only that).
    public func region(of footprint: Footprint, on day: CalendarDate) -> RegionCode {
        if let old = footprint.region2016, region(old)?.isValid(on: day) == true { return old }
        return footprint.region
    }

    /// Footprints of an era that existed on a day, optionally only those in a region of that day.
    public func footprints(of era: Footprint.Era, on day: CalendarDate, in region: RegionCode? = nil) -> [Footprint] {
        footprints.filter { $0.era == era && $0.isValid(on: day) && (region == nil || self.region(of: $0, on: day) == region) }
    }
}
