import Foundation
import PlanKit

/// Finds the outline lines whose titles or texts contain a query, in document order.
/// Case is ignored; å, ä and ö are letters of their own, as in Swedish.
public enum Search {
    public static func matches(_ query: String, in plan: PlanDocument, period: ReportPeriod) -> [OutlineTarget] {
        let needle = query.trimmingCharacters(in: .whitespaces)
        guard !needle.isEmpty else { return [] }
        func found(_ text: String) -> Bool {
            !text.isEmpty && text.range(of: needle, options: [.caseInsensitive]) != nil
        }
        return Outline.rows(plan: plan, period: period, folded: []).compactMap { row in
            switch row.target {
            case .item(let id):
                guard let item = plan.items[id] else { return nil }
                let texts = TextField.allCases.map { item.text($0, in: period) } + [plan.followUp(id, period).analysis]
                return texts.contains(where: found) ? row.target : nil
            case .section(let id):
                guard let section = plan.section(id, in: period) else { return nil }
                return found(section.title) || found(section.text) ? row.target : nil
            }
        }
    }
}
