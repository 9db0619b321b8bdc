import PlanKit

/// What an undo or redo changed, named: the edit log outlives the sitting, so `u` may take back
/// a change made long ago, and the person must see which.
extension Strings.App {
    /// "Ångrat: bedömning – Gruppen är en tillgång …".
    public static func undoneChange(_ field: FieldRef, in plan: PlanDocument?, period: ReportPeriod) -> String {
        "\(undone): " + change(field, plan, period)
    }

    /// "Gjort om: utfall – Andel barn i språkgrupp".
    public static func redoneChange(_ field: FieldRef, in plan: PlanDocument?, period: ReportPeriod) -> String {
        "\(redone): " + change(field, plan, period)
    }

    static func change(_ field: FieldRef, _ plan: PlanDocument?, _ period: ReportPeriod) -> String {
        let what: String
        var section: String?
        switch field {
        case .itemText(_, let text): what = Strings.fieldLabel(text).lowercased()
        case .itemDate(_, let date): what = Strings.dateLabel(date).lowercased()
        case .rating: what = "bedömning"
        case .status: what = "status"
        case .outcome: what = "utfall"
        case .analysis: what = "analys"
        case .itemRecord: what = "posten"
        case .followedUp: what = "enhetens uppföljning"
        case .sectionText(let id, _): what = "text"; section = id
        case .sectionRecord(let id, _): what = "avsnittet"; section = id
        case .sectionTitle(let id, _): what = "rubrik"; section = id
        }
        let title = field.itemID.flatMap { plan?.items[$0]?.title(in: period) }
            ?? section.flatMap { id in plan?.sections(in: period).first { $0.id == id }?.title }
        guard let title, !title.isEmpty else { return what }
        return "\(what) – \(title)"
    }
}
