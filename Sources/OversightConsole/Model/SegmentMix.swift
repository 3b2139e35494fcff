/// How many organisations sit in each segment: the bar on the overview and footprint lists.
public struct SegmentMix: Hashable, Sendable {
    /// counts[0] is segment 1; organisations with no segment are counted apart.
    public var counts: [Int]
    public var unsegmented: Int
    /// How many of them are within the framework's margin of a quartile boundary: lists of
    /// footprints mark these, since a small change could move them.
    public var near: Int

    public init(segments: Int = 5) {
        counts = Array(repeating: 0, count: max(1, segments))
        unsegmented = 0
        near = 0
    }

    public mutating func add(_ segment: Int?) {
        if let segment, segment >= 1 {
            if segment > counts.count { counts += Array(repeating: 0, count: segment - counts.count) }
            counts[segment - 1] += 1
        } else {
            unsegmented += 1
        }
    }

    public var segmented: Int { counts.reduce(0, +) }
    public var total: Int { segmented + unsegmented }

    /// The highest-numbered (most supported) segment with anyone in it.
    public var worst: Int? {
        counts.indices.last { counts[$0] > 0 }.map { $0 + 1 }
    }

    /// Splits `width` columns between the segments in proportion, every non-empty segment
    /// getting at least one column when there is room (largest remainders fill the rest).
    public func columns(_ width: Int) -> [Int] {
        let total = segmented
        guard total > 0, width > 0 else { return Array(repeating: 0, count: counts.count) }
        let nonEmpty = counts.filter { $0 > 0 }.count
        let guaranteed = width >= nonEmpty
        var shares = counts.map { count -> Int in
            guard count > 0 else { return 0 }
            let exact = Double(count) * Double(width) / Double(total)
            return max(guaranteed ? 1 : 0, Int(exact))
        }
        var used = shares.reduce(0, +)
        // Take back from the largest when the minimums overshoot; give to the largest remainders when short.
        while used > width, let i = shares.indices.max(by: { shares[$0] < shares[$1] }) { shares[i] -= 1; used -= 1 }
        let remainders = counts.indices.sorted {
            let a = Double(counts[$0]) * Double(width) / Double(total) - Double(shares[$0])
            let b = Double(counts[$1]) * Double(width) / Double(total) - Double(shares[$1])
            return a != b ? a > b : $0 < $1
        }
        var k = 0
        while used < width, !remainders.isEmpty {
            let i = remainders[k % remainders.count]
            if counts[i] > 0 { shares[i] += 1; used += 1 }
            k += 1
        }
        return shares
    }

    /// `1:3 2:10 3:12 4:5` — the counts as text, for screens and readers.
    public var summary: String {
        counts.indices.filter { counts[$0] > 0 }.map { "\($0 + 1):\(counts[$0])" }.joined(separator: " ")
    }
}
