/// The words of planning the VP: dates, own sections.
extension Strings {
    public static func planningError(_ error: PlanningError) -> String {
        switch error {
        case .endBeforeStart(let start, let end):
            return "Slutdatum \(end) ligger före startdatum \(start); inget har ändrats."
        case .outsideYear(let start, let end, let year):
            return "Aktiviteten \(start) – \(end) pågår inte under \(year); den ska pågå någon gång under planens år. Inget har ändrats."
        case .sectionTitleNeeded:
            return "Avsnittet behöver en rubrik; inget har ändrats."
        case .notOwnSection(let title):
            return "Avsnittet \"\(title)\" hör till mallen och kan inte byta namn eller tas bort; bara enhetens egna avsnitt kan det."
        }
    }
}
