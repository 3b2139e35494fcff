import OversightDomain

/// Words for values, shared by the screens so an organisation reads the same everywhere.
enum Labels {
    /// "Acute", "Mental health", "ICB"; `Acute†` where the type is a researcher's classification
    /// (UNVERIFIED), which the screen's legend explains.
    static func type(_ org: Organisation) -> CellValue {
        guard let type = org.type else {
            return .text(org.kind == .icb ? "ICB" : (org.kind == .ccg ? "CCG" : ""))
        }
        return isTypeUnverified(org) ? .unverified(typeName(type)) : .text(typeName(type))
    }

    static func isTypeUnverified(_ org: Organisation) -> Bool {
        org.type != nil && org.typeProvenance?.kind == .unverified
    }

    /// The legend under a list with `†` in it.
    static func unverifiedLegend(_ glyphs: Glyphs) -> String {
        "\(glyphs.unverified) type not confirmed: a researcher's classification, not a published one"
    }

    /// Provider types in words that fit a column without becoming cryptic.
    static func typeName(_ type: ProviderType) -> String {
        switch type {
        case .acute: return "Acute"
        case .acuteSpecialist: return "Specialist acute"
        case .mentalHealth: return "Mental health"
        case .mentalHealthAndCommunity: return "Mental health & community"
        case .community: return "Community"
        case .ambulance: return "Ambulance"
        }
    }

    static func capitalised(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }

    /// The Overdue column of the footprint and league lists: how many of a trust's actions are open past their
    /// due date (blank for none, so that the ones with some stand out), sorted by the count.
    static let overdueColumn = Column(["Overdue actions", "Overdue"], alignment: .right, minWidth: 7, maxWidth: 15, dropOrder: 1)

    static func overdue(_ count: Int) -> CellValue {
        .decimal(Double(count), text: count > 0 ? "\(count)" : "")
    }

    static func foundationTrust(_ org: Organisation) -> String {
        org.isProvider ? (org.isFoundationTrust ? "Yes" : "No") : ""
    }

    /// "RAA Riverside Hospitals NHS Foundation Trust" cut for a crumb.
    static func crumb(_ org: Organisation) -> String { org.code.rawValue + " " + org.name }

    /// The name without the words every trust shares ("NHS Foundation Trust"), for a breadcrumb that
    /// must name the trust and a metric in one line: "Northern Care Alliance".
    static func brief(_ org: Organisation) -> String {
        for suffix in [" NHS Foundation Trust", " NHS Trust", " Integrated Care Board"] where org.name.hasSuffix(suffix) {
            return String(org.name.dropLast(suffix.count))
        }
        return org.name
    }

    static func footprintCode(_ footprint: Footprint) -> String { footprint.odsCode ?? footprint.id.rawValue }

    /// "Q1 24/25".
    static func period(_ period: Period) -> String { period.shortLabel }

    static func value(_ metric: MetricDefinition, _ value: MetricValue?) -> CellValue {
        switch value {
        case .number(let n)?: return .decimal(n, text: metric.format(n))
        case .count(let n)?: return .decimal(n, text: formatDecimal(n, decimals: 0) + " cases")
        case .suppressed?: return .decimal(nil, text: "suppressed")
        case .notApplicable?: return .decimal(nil, text: "n/a")
        case .missing?, nil: return .decimal(nil, text: "missing")
        }
    }

    static func score(_ score: Double?) -> CellValue {
        guard let score else { return .decimal(nil, text: "–") }
        return .decimal(score, text: formatDecimal(score, decimals: 2))
    }

    static func standard(_ metric: MetricDefinition) -> String {
        if let standard = metric.standard { return metric.format(standard) }
        if let floor = metric.floor { return "floor " + metric.format(floor) }
        return ""
    }
}

extension Labels {
    /// "RX1 Riverside Hospitals NHS Foundation Trust", "footprint QHM Greater Manchester", "meeting 2025-07-15 board".
    static func subject(_ subject: Subject, _ landscape: Landscape) -> String {
        switch subject {
        case .organisation(let code): return code.rawValue + (landscape.organisation(code).map { " " + $0.name } ?? "")
        case .footprint(let id):
            guard let footprint = landscape.footprint(id) else { return "footprint \(id)" }
            return "\(footprintCode(footprint)) \(footprint.name)"
        case .meeting(let name): return "meeting " + name
        }
    }

    /// "RX1", "QHM", "meeting 2025-07-15 board": short, for questions and lists.
    static func subjectCode(_ subject: Subject) -> String {
        switch subject {
        case .organisation(let code): return code.rawValue
        case .footprint(let id): return id.rawValue
        case .meeting(let name): return "meeting " + name
        }
    }
}
