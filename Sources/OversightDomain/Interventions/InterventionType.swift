/// An entry of the intervention catalogue: what kind of intervention it is and who applies it.
public struct InterventionType: Hashable, Codable, Sendable, Identified {
    public var id: InterventionTypeID
    public var name: String
    /// "NHS Improvement / NHS England", "CQC recommends, NHSI places".
    public var appliedBy: String
    /// The segment it goes with, if any ("SOF segment 3").
    public var segment: String?
    public var notes: String?
    public var inUseFrom: CalendarDate?
    public var inUseTo: CalendarDate?
    public var provenance: Provenance

    public init(id: InterventionTypeID, name: String, appliedBy: String, segment: String? = nil, notes: String? = nil,
                inUseFrom: CalendarDate? = nil, inUseTo: CalendarDate? = nil, provenance: Provenance) {
        self.id = id
        self.name = name
        self.appliedBy = appliedBy
        self.segment = segment
        self.notes = notes
        self.inUseFrom = inUseFrom
        self.inUseTo = inUseTo
        self.provenance = provenance
    }
}
