import PlanKit

extension Strings {
    /// The status line's words about drafts waiting in a plan just opened.
    enum WaitingDrafts {
        /// The longest part of a title the status line quotes.
        static let titleLength = 40

        /// `place`: the title of the item of the first draft's text (nil: a section of the report).
        static func waiting(count: Int, place: String?, period: ReportPeriod?) -> String {
            let periodText = period.map { " (\(Strings.periodName($0)))" } ?? ""
            let whereText = place.map { "i ”\(shortened($0))”" } ?? "i ett avsnitt"
            let take = "välj raden och tryck e för att ta upp det"
            if count == 1 { return "Ett osparat utkast väntar \(whereText)\(periodText): \(take)." }
            return "\(count) osparade utkast väntar, det första \(whereText)\(periodText): \(take); de andra erbjuds när deras texter öppnas."
        }

        static func shortened(_ title: String) -> String {
            title.count <= titleLength ? title : String(title.prefix(titleLength - 1)) + "…"
        }
    }
}
