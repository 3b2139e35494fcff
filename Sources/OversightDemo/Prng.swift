/// The generator's own random numbers: SplitMix64, seeded from the run's seed and a label, so that
/// each trust, metric and quarter has its own stream. Adding a trust or a metric never shifts
/// anyone else's values, and only IEEE-exact arithmetic is used (no log, sin or exp), so the
/// same seed gives the same bytes on every platform.
struct Prng: Sendable {
    private var state: UInt64

    init(seed: UInt64, _ label: String) {
        state = seed ^ Prng.fnv1a(label)
        _ = next()
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [0, 1), 53 bits.
    mutating func uniform() -> Double {
        Double(next() >> 11) * (1.0 / 9_007_199_254_740_992.0)
    }

    /// Close to a standard normal: the sum of twelve uniforms less six (Irwin–Hall), bounded at ±6.
    mutating func normal() -> Double {
        var sum = 0.0
        for _ in 0..<12 { sum += uniform() }
        return sum - 6
    }

    /// Fisher–Yates.
    mutating func shuffle<T>(_ items: inout [T]) {
        guard items.count > 1 else { return }
        for i in stride(from: items.count - 1, to: 0, by: -1) {
            let j = Int(next() % UInt64(i + 1))
            items.swapAt(i, j)
        }
    }

    /// 64-bit FNV-1a of the label's UTF-8 bytes.
    static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        return hash
    }
}

/// Draws keyed by what they are for: `draws.normal("idio", code, metric)`.
struct Draws: Sendable {
    let seed: UInt64

    func stream(_ parts: [String]) -> Prng { Prng(seed: seed, parts.joined(separator: "/")) }

    func normal(_ parts: String...) -> Double {
        var prng = stream(parts)
        return prng.normal()
    }

    func uniform(_ parts: String...) -> Double {
        var prng = stream(parts)
        return prng.uniform()
    }
}
