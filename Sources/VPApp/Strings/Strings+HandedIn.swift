import PlanKit

/// The app's words for a report that is handed in and therefore read-only.
extension Strings.App {
    /// At the top of the help page over a handed-in report, whose keys that change it are left out.
    public static func helpHandedIn(_ handIn: HandIn) -> String {
        "\(Strings.documentSubject(handIn.period)) är inlämnad av \(handIn.login) \(handInTime(handIn.at)) och kan bara läsas: "
            + "tangenterna som ändrar den visas inte här. " + reopenHow
    }
}
