import Foundation
import OversightDomain

/// Segment readings by framework and period, computed once each, on first use; with them the
/// engine's whole result (league tables, boundaries), the system view, and distances to the next
/// segment confirmed by recomputing a peer group. A cache, not state: the same dataset always gives
/// the same answers, so `update` and `view` stay pure.
final class SegmentCache: @unchecked Sendable {
    /// What has been worked out, by framework and period.
    struct Contents: Sendable {
        var readings: [Landscape.SegmentKey: [OrgCode: SegmentReading]] = [:]
        /// The engine's result, for frameworks whose method computes segments.
        var results: [Landscape.SegmentKey: SegmentationResult] = [:]
        var systems: [Landscape.SegmentKey: SystemView] = [:]
        /// Nil inside means "asked, and there is none" (best quartile, not segmented).
        var distances: [Landscape.SegmentKey: [OrgCode: DistanceToNextSegment?]] = [:]

        /// Only the periods `keep` accepts.
        func filtered(_ keep: (Landscape.SegmentKey) -> Bool) -> Contents {
            Contents(readings: readings.filter { keep($0.key) }, results: results.filter { keep($0.key) },
                     systems: systems.filter { keep($0.key) }, distances: distances.filter { keep($0.key) })
        }
    }

    private let dataset: Dataset
    private let lock = NSLock()
    private var contents: Contents

    init(_ dataset: Dataset, known: Contents = Contents()) {
        self.dataset = dataset
        contents = known
    }

    /// What has been worked out so far for the periods `keep` accepts.
    func contents(_ keep: (Landscape.SegmentKey) -> Bool) -> Contents {
        lock.lock()
        defer { lock.unlock() }
        return contents.filtered(keep)
    }

    func readings(_ key: Landscape.SegmentKey) -> [OrgCode: SegmentReading] {
        lock.lock()
        defer { lock.unlock() }
        return readingsLocked(key)
    }

    func result(_ key: Landscape.SegmentKey) -> SegmentationResult? {
        lock.lock()
        defer { lock.unlock() }
        _ = readingsLocked(key)
        return contents.results[key]
    }

    func system(_ key: Landscape.SegmentKey) -> SystemView? {
        lock.lock()
        defer { lock.unlock() }
        if let known = contents.systems[key] { return known }
        _ = readingsLocked(key)
        let view: SystemView?
        if let result = contents.results[key] {
            view = SystemView(dataset: dataset, framework: key.framework, period: key.period, result: result)
        } else {
            view = try? SystemView(dataset: dataset, framework: key.framework, period: key.period)
        }
        if let view { contents.systems[key] = view }
        return view
    }

    /// The distance to the next segment with its plan applied and the peer group recomputed
    /// (`Segmentation.confirmedDistance`), once per organisation and period.
    func confirmedDistance(_ org: OrgCode, _ key: Landscape.SegmentKey) -> DistanceToNextSegment? {
        lock.lock()
        defer { lock.unlock() }
        if let known = contents.distances[key]?[org] { return known }
        _ = readingsLocked(key)
        var distance: DistanceToNextSegment?
        if contents.results[key]?.organisation(org)?.distance != nil,
           let input = try? SegmentationInput(dataset: dataset, framework: key.framework, period: key.period) {
            distance = try? Segmentation.confirmedDistance(for: org, in: input)
        }
        contents.distances[key, default: [:]][org] = .some(distance)
        return distance
    }

    private func readingsLocked(_ key: Landscape.SegmentKey) -> [OrgCode: SegmentReading] {
        if let known = contents.readings[key] { return known }
        let computed = SegmentSource.compute(dataset, key.framework, key.period)
        contents.readings[key] = computed.readings
        if let result = computed.result { contents.results[key] = result }
        return computed.readings
    }
}
