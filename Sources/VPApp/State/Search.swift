import Foundation
import PlanKit

/// Finds the outline lines whose titles or texts contain a query, in document order.
/// Case is ignored; å, ä and ö are letters of their own, as in Swedish.
///
/// The texts of every line are folded (composed, lower-cased) and kept as UTF-8 once per plan
/// and period (`AppState.searchIndex`), so a search is a byte search per line rather than a
/// case-insensitive Foundation search of every text of the plan (docs/PERFORMANCE.md).
public struct SearchIndex: Sendable {
    private let targets: [OutlineTarget]
    private var texts: [[UInt8]]
    private let positions: [OutlineTarget: Int]

    public init(plan: PlanDocument, period: ReportPeriod) {
        var targets: [OutlineTarget] = []
        var texts: [[UInt8]] = []
        for row in Outline.rows(plan: plan, period: period, folded: []) {
            guard let text = Self.text(of: row.target, plan: plan, period: period) else { continue }
            texts.append(text)
            targets.append(row.target)
        }
        self.targets = targets
        self.texts = texts
        positions = Dictionary(targets.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The index of a version of the plan in which only this line's texts changed.
    func updating(_ target: OutlineTarget, plan: PlanDocument, period: ReportPeriod) -> SearchIndex {
        guard let position = positions[target], let text = Self.text(of: target, plan: plan, period: period) else { return self }
        var index = self
        index.texts[position] = text
        return index
    }

    /// Everything searched in one line, folded: its texts one per line.
    private static func text(of target: OutlineTarget, plan: PlanDocument, period: ReportPeriod) -> [UInt8]? {
        var bytes: [UInt8] = []
        switch target {
        case .item(let id):
            guard let item = plan.items[id] else { return nil }
            for field in TextField.allCases {
                bytes += item.text(field, in: period).utf8
                bytes.append(0x0A)
            }
            bytes += plan.followUp(id, period).analysis.utf8
        case .section(let id):
            guard let section = plan.section(id, in: period) else { return nil }
            bytes += section.title.utf8
            bytes.append(0x0A)
            bytes += section.text.utf8
        }
        return folded(bytes)
    }

    /// The lines that contain `query`, in document order.
    public func matches(_ query: String) -> [OutlineTarget] {
        let needle = Self.folded(query.trimmingCharacters(in: .whitespaces))
        guard !needle.isEmpty else { return [] }
        return needle.withUnsafeBytes { needleBytes in
            targets.indices.filter { index in
                texts[index].withUnsafeBytes { Self.contains($0, needleBytes) }
            }.map { targets[$0] }
        }
    }

    /// Whether `needle` (not empty) occurs in `text`: memchr finds each candidate first byte,
    /// memcmp checks the rest.
    private static func contains(_ text: UnsafeRawBufferPointer, _ needle: UnsafeRawBufferPointer) -> Bool {
        guard let textStart = text.baseAddress, let needleStart = needle.baseAddress, text.count >= needle.count else { return false }
        let first = Int32(needle[0])
        var offset = 0
        let last = text.count - needle.count
        while offset <= last {
            guard let hit = memchr(textStart + offset, first, last - offset + 1) else { return false }
            let position = textStart.distance(to: UnsafeRawPointer(hit))
            if memcmp(hit, needleStart, needle.count) == 0 { return true }
            offset = position + 1
        }
        return false
    }

    /// Where a line stands in the document (all folds open).
    public func position(of target: OutlineTarget) -> Int? {
        positions[target]
    }

    /// Lower-cased UTF-8. Plan texts are Latin: ASCII and the Latin-1 letters (Å, Ä, Ö, É, Ü …),
    /// whose lower case is one byte on; those are folded byte by byte, which is many times
    /// faster than `lowercased()`. A text with any other character, apart from those of
    /// U+2000–U+20FF (E2 80–83 xx: dashes, quotes, dots, sub- and superscripts as in CO₂,
    /// currency signs), none of which has a lower case of its own, is lower-cased by the
    /// standard library. The result is always the same as `lowercased()`.
    static func folded(_ text: String) -> [UInt8] {
        folded(Array(text.utf8))
    }

    private static func folded(_ text: [UInt8]) -> [UInt8] {
        var bytes = text
        let latin = bytes.withUnsafeMutableBufferPointer { bytes -> Bool in
            let count = bytes.count
            var index = 0
            while index < count {
                let byte = bytes[index]
                if byte >= 0x41 && byte <= 0x5A {
                    bytes[index] = byte + 0x20
                } else if byte == 0xC3, index + 1 < count {
                    let next = bytes[index + 1]
                    // À (C3 80) to Þ (C3 9E), except × (C3 97).
                    if next >= 0x80 && next <= 0x9E && next != 0x97 { bytes[index + 1] = next + 0x20 }
                    index += 1
                } else if byte >= 0xC4 && !(byte == 0xE2 && index + 1 < count && bytes[index + 1] >= 0x80 && bytes[index + 1] <= 0x83) {
                    return false
                }
                index += 1
            }
            return true
        }
        return latin ? bytes : Array(String(decoding: text, as: UTF8.self).lowercased().utf8)
    }
}

public enum Search {
    /// The lines of a plan's period that contain `query`, in document order.
    public static func matches(_ query: String, in plan: PlanDocument, period: ReportPeriod) -> [OutlineTarget] {
        SearchIndex(plan: plan, period: period).matches(query)
    }
}
