import Foundation

/// What the text says about itself: the board, the year, the unit.
struct DocumentFacts {
    let text: String

    private func matches(_ pattern: String) -> [[String?]] {
        guard let expression = try? NSRegularExpression(pattern: pattern) else { return [] }
        return expression.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { match in
            (1..<match.numberOfRanges).map { Range(match.range(at: $0), in: text).map { String(text[$0]) } }
        }
    }

    private static func mostFrequent<T: Hashable>(_ weighted: [(T, Int)]) -> T? {
        var scores: [T: Int] = [:]
        var firstSeen: [T: Int] = [:]
        for (offset, (value, weight)) in weighted.enumerated() {
            scores[value, default: 0] += weight
            if firstSeen[value] == nil { firstSeen[value] = offset }
        }
        return scores.max { lhs, rhs in
            (lhs.value, -(firstSeen[lhs.key] ?? 0)) < (rhs.value, -(firstSeen[rhs.key] ?? 0))
        }?.key
    }

    /// "<Name> stadsdelsnämnd" (counted twice) or "<Name> stadsdelsförvaltning", the most frequent.
    func boardName() -> String? {
        let found = matches(#"([A-ZÅÄÖ][\p{L}]+(?:-[A-ZÅÄÖ][\p{L}]+)*) (stadsdelsnämnd|stadsdelsförvaltning)"#)
        let weighted = found.compactMap { groups -> (String, Int)? in
            guard let name = groups[0], let kind = groups[1] else { return nil }
            return (name, kind == "stadsdelsnämnd" ? 2 : 1)
        }
        return Self.mostFrequent(weighted).map { $0 + " stadsdelsnämnd" }
    }

    /// The year most activities end in (Slutdatum; a plan's activities end within its year), else
    /// the first "Verksamhetsplan 2021" / "verksamhetsplanen för år 2021" of the text (its title or
    /// the decision comes first; later mentions compare with other years).
    func year(activityEndYears: [Int]) -> Int? {
        if let year = Self.mostFrequent(activityEndYears.map { ($0, 1) }) { return year }
        let found = matches(#"(?i:verksamhetsplan(?:en)?|verksamhetsberättelse|tertialrapport)(?: (?:för|VB|T1|T2))?(?: år)? ((?:19|20)[0-9]{2})\b"#)
        return found.lazy.compactMap { $0[0].flatMap(Int.init) }.first
    }

    /// "Verksamhetsplan(en) 2021 för <Unit>", the most frequent name that is not the board's.
    func unitName(excluding boardCore: String) -> String? {
        let found = matches(#"(?i:verksamhetsplan(?:en)?|verksamhetsberättelse|tertialrapport)(?: (?:VB|T1|T2))?(?: (?:19|20)[0-9]{2})? för ([A-ZÅÄÖ][\p{L}0-9\-]*(?: [A-ZÅÄÖ0-9][\p{L}0-9\-]*)*)"#)
        let names = found.compactMap { $0[0] }.filter { name in
            OrganisationNames.slug(OrganisationNames.core(name)) != OrganisationNames.slug(boardCore)
                && !name.lowercased().contains("nämnd")
        }
        return Self.mostFrequent(names.map { ($0, 1) })
    }
}
