/// A health-system footprint: one of the 44 STP footprints of 2016 or one of the 42 ICSs of 2022.
public struct Footprint: Hashable, Codable, Sendable, Identified {
    public enum Era: String, Codable, Sendable, CaseIterable {
        /// Sustainability and Transformation Plan footprints (2016), partnerships from April 2017.
        case stp2016 = "stp-2016"
        /// Integrated Care Systems, each with a statutory Integrated Care Board from 1 July 2022.
        case ics2022 = "ics-2022"

        public var label: String {
            switch self {
            case .stp2016: return "STP footprints (2016)"
            case .ics2022: return "ICSs (2022)"
            }
        }

        public var shortLabel: String { self == .stp2016 ? "STP 2016" : "ICS 2022" }
    }

    /// STP: its ONS code at creation (E54000005…); ICS: its ICB's ODS code (Qxx).
    public var id: FootprintID
    public var era: Era
    public var name: String
    /// NHS England region (the seven-region model).
    public var region: RegionCode
    /// The 2016 region, for STP footprints.
    public var region2016: RegionCode?
    /// ONS codes over time, oldest first: several changed at or after 2022.
    public var onsCodes: [DatedCode]
    /// The ICB's ODS code, for ICSs.
    public var odsCode: String?
    public var validFrom: CalendarDate
    public var validTo: CalendarDate?
    /// What became of it: each successor footprint, when and how.
    public var successors: [Succession]
    public var provenance: Provenance

    public init(id: FootprintID, era: Era, name: String, region: RegionCode, region2016: RegionCode? = nil,
                onsCodes: [DatedCode], odsCode: String? = nil, validFrom: CalendarDate, validTo: CalendarDate? = nil,
                successors: [Succession] = [], provenance: Provenance) {
        self.id = id
        self.era = era
        self.name = name
        self.region = region
        self.region2016 = region2016
        self.onsCodes = onsCodes
        self.odsCode = odsCode
        self.validFrom = validFrom
        self.validTo = validTo
        self.successors = successors
        self.provenance = provenance
    }

    public func isValid(on date: CalendarDate) -> Bool {
        date.dayNumber >= validFrom.dayNumber && (validTo.map { date.dayNumber <= $0.dayNumber } ?? true)
    }
}

/// A code and the span it was used for.
public struct DatedCode: Hashable, Codable, Sendable {
    public var code: String
    public var from: CalendarDate?
    public var to: CalendarDate?
    public var note: String?

    public init(code: String, from: CalendarDate? = nil, to: CalendarDate? = nil, note: String? = nil) {
        self.code = code
        self.from = from
        self.to = to
        self.note = note
    }
}

/// One step of lineage: this footprint became (or merged into, or gave part of itself to) another.
public struct Succession: Hashable, Codable, Sendable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        /// The same system carried on under a new form (STP → ICS).
        case became
        /// Merged with others into the successor.
        case merged
        /// Part of its area moved to the successor.
        case partMoved = "part-moved"
    }

    public var footprint: FootprintID
    public var kind: Kind
    public var date: CalendarDate
    public var note: String?
    public var provenance: Provenance

    public init(footprint: FootprintID, kind: Kind, date: CalendarDate, note: String? = nil, provenance: Provenance) {
        self.footprint = footprint
        self.kind = kind
        self.date = date
        self.note = note
        self.provenance = provenance
    }
}
