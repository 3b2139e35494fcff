/// Something in the input the method could not use as given; the rest was still computed.
public struct SegmentationProblem: Hashable, Sendable, CustomStringConvertible {
    public var org: OrgCode?
    public var metric: MetricID?
    public var message: String

    public init(org: OrgCode? = nil, metric: MetricID? = nil, _ message: String) {
        self.org = org
        self.metric = metric
        self.message = message
    }

    public var description: String {
        let place = [org?.rawValue, metric?.rawValue].compactMap { $0 }.joined(separator: " ")
        return place.isEmpty ? message : place + ": " + message
    }
}

/// Why nothing could be computed, and what to do about it.
public enum SegmentationError: Error, Hashable, Sendable, CustomStringConvertible {
    case unknownFramework(FrameworkID)
    /// The framework segments by judgement or rating: its segments are decisions, not computations.
    case notComputed(FrameworkID?, SegmentationRules.Method)
    case noMetrics
    case invalidMetric(MetricID, String)
    case invalidRules(String)
    case duplicateOrganisation(OrgCode)
    /// SOF 2016's finance score was asked of a framework without one.
    case noFinanceScore(FrameworkID)

    public var message: String {
        switch self {
        case .unknownFramework(let id):
            return "there is no framework \(id); pick one the dataset defines"
        case .notComputed(let id, let method):
            let name = id.map { "framework \($0)" } ?? "these rules"
            return "\(name) segment by \(method.rawValue), so segments are recorded decisions, not computed; use a framework whose method is nof-quartiles"
        case .noMetrics:
            return "there are no metric definitions to score; give at least one metric"
        case .invalidMetric(let id, let why):
            return "metric \(id): \(why)"
        case .invalidRules(let why):
            return "segmentation rules: \(why)"
        case .duplicateOrganisation(let code):
            return "organisation \(code) appears twice; give each organisation once"
        case .noFinanceScore(let id):
            return "framework \(id) has no finance and use of resources score; it belongs to SOF 2016"
        }
    }

    public var description: String { message }
}
