/// An NHS England region. Seven since 2020 (Y56–Y63); four in 2016.
public struct Region: Hashable, Codable, Sendable, Identified {
    public enum Era: String, Codable, Sendable, CaseIterable {
        /// The four regions of 2016 (North; Midlands and East; London; South).
        case regions2016 = "2016"
        /// The seven regions in place since April 2020.
        case regions2020 = "2020"
    }

    public var code: RegionCode
    public var name: String
    public var era: Era
    public var validFrom: CalendarDate
    public var validTo: CalendarDate?
    /// For a 2020 region, the 2016 region most of it came from.
    public var formerRegion: RegionCode?
    public var provenance: Provenance

    public init(code: RegionCode, name: String, era: Era, validFrom: CalendarDate, validTo: CalendarDate? = nil,
                formerRegion: RegionCode? = nil, provenance: Provenance) {
        self.code = code
        self.name = name
        self.era = era
        self.validFrom = validFrom
        self.validTo = validTo
        self.formerRegion = formerRegion
        self.provenance = provenance
    }

    public var id: RegionCode { code }
}
