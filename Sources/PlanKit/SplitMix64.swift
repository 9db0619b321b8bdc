/// A small, fast, deterministic random number generator (SplitMix64, Steele, Lea and Flood 2014).
///
/// The generator draws only through its own helpers below, never through the standard library's
/// `random(in:using:)` or `shuffled(using:)`, whose algorithms Swift does not promise to keep:
/// the same seed must give the same database on every machine and every Swift version.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    /// A generator for one part of the output (a unit, a year), independent of the order in which
    /// the parts are made: the same part always gets the same numbers.
    public init(seed: UInt64, stream: UInt64...) {
        var mixer = SplitMix64(seed: seed)
        var value = mixer.next()
        for part in stream {
            var step = SplitMix64(seed: value ^ (part &* 0xD1B5_4A32_D192_ED03))
            value = step.next()
        }
        state = value
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `range`, by multiply-high (the bias is below 2^-40 for the small ranges used).
    public mutating func int(_ range: ClosedRange<Int>) -> Int {
        let span = UInt64(range.upperBound - range.lowerBound) + 1
        return range.lowerBound + Int(next().multipliedFullWidth(by: span).high)
    }

    /// A number in [0, 1).
    public mutating func unit() -> Double {
        Double(next() >> 11) * (1.0 / 9_007_199_254_740_992.0)
    }

    /// True with probability `probability`.
    public mutating func chance(_ probability: Double) -> Bool {
        unit() < probability
    }

    public mutating func pick<T>(_ items: [T]) -> T {
        items[int(0...(items.count - 1))]
    }

    /// Picks by weight: `[(value, weight)]`.
    public mutating func weighted<T>(_ choices: [(T, Double)]) -> T {
        let total = choices.reduce(0) { $0 + $1.1 }
        var point = unit() * total
        for (value, weight) in choices {
            if point < weight { return value }
            point -= weight
        }
        return choices[choices.count - 1].0
    }

    /// The items in a random order (Fisher-Yates).
    public mutating func shuffled<T>(_ items: [T]) -> [T] {
        var result = items
        if result.count < 2 { return result }
        for index in stride(from: result.count - 1, to: 0, by: -1) {
            let other = int(0...index)
            if other != index { result.swapAt(index, other) }
        }
        return result
    }

    /// `count` different items, in their original order.
    public mutating func sample<T>(_ items: [T], count: Int) -> [T] {
        let chosen = Set(shuffled(Array(items.indices)).prefix(max(0, min(count, items.count))))
        return items.indices.filter(chosen.contains).map { items[$0] }
    }
}
