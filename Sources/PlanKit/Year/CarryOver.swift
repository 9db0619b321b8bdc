import Foundation

/// One of the unit's own items of last year's plan, and what starting the new year did with it.
public struct CarryOverEntry: Hashable, Sendable {
    public enum Outcome: String, Sendable {
        /// Placed under the new year's nämndmål of the same title.
        case placed
        /// Placed under the new year's nämndmål of the closest wording: the person should check.
        case placedByCloseWording = "close"
        /// No nämndmål of the new year matches: the person places it (or lets it go).
        case needsPlacing = "unplaced"
        /// A finished activity, which does not carry over.
        case finished
        /// Let go by the person, on purpose.
        case dropped
    }

    public var sourceID: String
    public var kind: ItemKind
    public var title: String
    public var outcome: Outcome
    /// The title of the nämndmål it stood under last year.
    public var oldParentTitle: String?
    /// The id of the new item, once placed.
    public var placedID: String?
    /// The nämndmål (or own goal) of the new year it stands under, once placed.
    public var placedUnder: String?
    /// Whether the person has looked at it (confirmed a close match, placed or dropped it).
    public var decided: Bool

    /// Whether the person still has to do something about it.
    public var needsDecision: Bool {
        !decided && (outcome == .placedByCloseWording || outcome == .needsPlacing)
    }
}

/// What starting next year's plan did.
public struct StartedYear: Hashable, Sendable {
    public var ref: PlanRef
    public var fromYear: Int
    public var entries: [CarryOverEntry]
}

/// What next year's plan is started from: last year's plan and the board's cascade of the new year.
public struct YearStartSources {
    let old: PlanDocument
    /// The cascade's items by id, with their texts; never empty.
    let cascade: [String: PlanItem]
}

/// Matching last year's nämndmål to this year's: the same title, else the closest wording.
public enum TitleMatch {
    /// How close two wordings must be (Dice coefficient of character pairs) to count as the same goal.
    public static let closeEnough = 0.6

    public static func normalized(_ title: String) -> String {
        let lowered = title.lowercased().map { $0.isLetter || $0.isNumber ? $0 : " " }
        return String(lowered).split(separator: " ").joined(separator: " ")
    }

    /// 1 for the same normalized wording, 0 for nothing in common.
    public static func similarity(_ a: String, _ b: String) -> Double {
        let left = normalized(a), right = normalized(b)
        if left == right { return 1 }
        func pairs(_ text: String) -> [String: Int] {
            let characters = Array(text)
            var counts: [String: Int] = [:]
            guard characters.count > 1 else { return counts }
            for index in 0..<(characters.count - 1) { counts[String(characters[index...index + 1]), default: 0] += 1 }
            return counts
        }
        let leftPairs = pairs(left), rightPairs = pairs(right)
        let total = leftPairs.values.reduce(0, +) + rightPairs.values.reduce(0, +)
        guard total > 0 else { return 0 }
        let shared = leftPairs.reduce(0) { $0 + min($1.value, rightPairs[$1.key] ?? 0) }
        return 2 * Double(shared) / Double(total)
    }

    /// The best candidate (id, title) for an old title: exact, else close enough, else nil.
    public static func best(for title: String, among candidates: [(id: String, title: String)]) -> (id: String, exact: Bool)? {
        let key = normalized(title)
        if let exact = candidates.first(where: { normalized($0.title) == key }) { return (exact.id, true) }
        let scored = candidates.map { ($0.id, similarity(title, $0.title)) }.max { $0.1 < $1.1 }
        guard let scored, scored.1 >= closeEnough else { return nil }
        return (scored.0, false)
    }
}
