import OversightDomain

/// Trusts in the 2016 era: those the 2025 extract lacks (closed since 2016, and the four care trusts no
/// ODS trust file lists), every trust's 2017 STP footprint from the day the footprints were set, and
/// who took over the trusts that closed.
enum TrustHistory {
    /// STP partnerships (with their boards) began in April 2017: the 2017/18 lookup is read for that year
    /// on, and applied back to March 2016 only as a derivation.
    static let partnershipStart = CalendarDate.ymd(2017, 4, 1)

    /// The trusts of `rows` as organisations, with an ICB membership for those still open when ICSs began.
    static func historicTrusts(_ rows: [HistoricTrustRow], footprints: [Footprint]) throws -> [Organisation] {
        let ics = Set(footprints.filter { $0.era == .ics2022 }.map(\.id))
        return try rows.map { row in
            var memberships: [Membership] = []
            if let icb = row.icb {
                guard ics.contains(icb) else { throw GeneratorError("trust \(row.code): ICB \(icb) is not in icbs_2022.csv") }
                guard let closed = row.closed, closed >= RegionsAndFootprints.icsStart else {
                    throw GeneratorError("trust \(row.code): it closed before ICSs began, so it has no ICB")
                }
                var provenance = row.provenance
                provenance.note = "the ICB an ODS extract of December 2024 gives it, applied from July 2022 until it closed"
                memberships.append(Membership(footprint: icb, from: RegionsAndFootprints.icsStart, to: closed, provenance: provenance))
            }
            return Organisation(
                code: row.code, name: row.name, odsName: row.odsName, kind: row.isFoundationTrust ? .foundationTrust : .nhsTrust,
                type: row.type, subtype: row.subtype, typeProvenance: Provenance(.unverified, note: row.typeBasis),
                region: row.region, memberships: memberships, opened: row.opened, closed: row.closed, provenance: row.provenance)
        }
    }

    /// Adds each trust's 2017 footprint (and, for the northern three, the footprint they merged into)
    /// and its successors; every trust open while the footprints existed must have a row, even if only
    /// to say its footprint is unknown.
    static func place(_ organisations: inout [Organisation], _ tables: HistoryTables, footprints: [Footprint]) throws {
        let byID = Dictionary(footprints.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let rows = try unique(tables.trustFootprints.map { ($0.code, $0) }, "trust_footprints_2017.csv")
        let codes = Set(organisations.map(\.code))
        for row in tables.trustFootprints where !codes.contains(row.code) {
            throw GeneratorError("trust_footprints_2017.csv: \(row.code) is not a trust in the dataset")
        }
        for succession in tables.trustSuccessions where !codes.contains(succession.predecessor) || !codes.contains(succession.successor) {
            throw GeneratorError("trust_successions.csv: \(succession.predecessor) → \(succession.successor) names a trust not in the dataset")
        }
        for i in organisations.indices where organisations[i].isProvider {
            let org = organisations[i]
            let stpSpan = org.isOpen(during: RegionsAndFootprints.stpStart, RegionsAndFootprints.stpEnd)
            guard let row = rows[org.code] else {
                if stpSpan { throw GeneratorError("trust_footprints_2017.csv has no row for \(org.code), open while the STP footprints were") }
                continue
            }
            guard stpSpan else { throw GeneratorError("trust_footprints_2017.csv: \(org.code) was not open while the STP footprints were") }
            organisations[i].memberships = try memberships(org, row, byID) + org.memberships
            organisations[i].successors = tables.trustSuccessions.filter { $0.predecessor == org.code }.map { succession in
                let split = tables.trustSuccessions.filter { $0.predecessor == org.code }.count > 1
                return OrganisationSuccession(
                    org: succession.successor, kind: split ? .partMoved : .merged, date: succession.date,
                    note: split ? "ODS names more than one successor: its services were divided between them" : nil,
                    provenance: succession.provenance)
            }
            if let closed = org.closed, let first = organisations[i].successors.first, first.date.dayNumber != closed.dayNumber + 1 {
                throw GeneratorError("trust_successions.csv: \(org.code) closed \(closed.iso) but its successor took over \(first.date.iso)")
            }
        }
    }

    /// A trust's STP-era memberships: its 2017 footprint from March 2016 (or its opening) to its closing
    /// or the footprint's end, then the footprint that one merged into.
    static func memberships(_ org: Organisation, _ row: TrustFootprintRow, _ byID: [FootprintID: Footprint]) throws -> [Membership] {
        guard let id = row.footprint else { return [] }
        guard let stp = byID[id], stp.era == .stp2016 else {
            throw GeneratorError("trust_footprints_2017.csv: \(org.code)'s footprint \(id) is not an STP footprint")
        }
        let end = stp.validTo ?? RegionsAndFootprints.stpEnd
        let start = latest(stp.validFrom, org.opened)
        let stop = earliest(end, org.closed)
        var result: [Membership] = []
        guard start.dayNumber <= stop.dayNumber else { return [] }
        let until = end < RegionsAndFootprints.stpEnd ? "until the footprint merged" : "until ICSs took over"
        if row.isSourced {
            // The lookup is of 2017/18: before April 2017 the footprint is the lookup's, read back.
            if start < partnershipStart {
                var provenance = row.provenance
                provenance.derivation = "its footprint in the Health Foundation's 2017/18 lookup, applied back to March 2016, when the footprints were set"
                result.append(Membership(footprint: id, from: start, to: earliest(partnershipStart.adding(days: -1), stop), provenance: provenance))
            }
            if stop.dayNumber >= partnershipStart.dayNumber {
                var provenance = row.provenance
                provenance.note = "from the 2017/18 STP lookup, applied \(until)"
                result.append(Membership(footprint: id, from: latest(partnershipStart, start), to: stop, provenance: provenance))
            }
        } else {
            var provenance = row.provenance
            provenance.derivation = (provenance.derivation ?? "") + "; applied from when the footprints were set in March 2016 (or the trust opened) \(until)"
            result.append(Membership(footprint: id, from: start, to: stop, provenance: provenance))
        }
        // After a merger, the footprint it merged into.
        for step in stp.successors where step.kind == .merged {
            guard let merged = byID[step.footprint], merged.era == .stp2016, org.isOpen(on: step.date) else { continue }
            var provenance = row.provenance
            provenance.source = [row.provenance.source, step.provenance.source].compactMap { $0 }.joined(separator: "; ")
            provenance.note = nil
            provenance.derivation = "its 2017 footprint (\(stp.name)) merged into \(merged.name) in \(step.date.display)"
            result.append(Membership(footprint: merged.id, from: step.date, to: earliest(merged.validTo ?? RegionsAndFootprints.stpEnd, org.closed),
                                     provenance: provenance))
        }
        return result
    }

    static func latest(_ date: CalendarDate, _ other: CalendarDate?) -> CalendarDate {
        guard let other, other.dayNumber > date.dayNumber else { return date }
        return other
    }

    static func earliest(_ date: CalendarDate, _ other: CalendarDate?) -> CalendarDate {
        guard let other, other.dayNumber < date.dayNumber else { return date }
        return other
    }

    static func unique<Row>(_ pairs: [(OrgCode, Row)], _ file: String) throws -> [OrgCode: Row] {
        var result: [OrgCode: Row] = [:]
        for (code, row) in pairs {
            guard result[code] == nil else { throw GeneratorError("\(file): \(code) is listed twice") }
            result[code] = row
        }
        return result
    }
}

extension Organisation {
    /// Whether it was open at any time from `start` to `end`.
    func isOpen(during start: CalendarDate, _ end: CalendarDate) -> Bool {
        (opened.map { $0.dayNumber <= end.dayNumber } ?? true) && (closed.map { $0.lastDayNumber >= start.dayNumber } ?? true)
    }
}
