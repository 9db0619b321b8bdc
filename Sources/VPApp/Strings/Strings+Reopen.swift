import PlanKit

/// The app's words for opening a handed-in report again.
extension Strings.App {
    /// How a handed-in report is opened again, after the words that say it is locked.
    public static let reopenHow = "L öppnar den igen, med ett skäl som sparas i ändringsloggen."

    public static func reopenPrompt(_ period: ReportPeriod, _ text: String) -> String {
        "Skäl att öppna \(Strings.documentObject(period)) igen: \(text)"
    }

    public static let reopenReasonNeeded = "Skriv ett skäl: det sparas i ändringsloggen."

    public static func reopened(_ period: ReportPeriod) -> String {
        "\(Strings.documentSubject(period)) är öppnad igen och kan ändras. Skälet sparades i ändringsloggen."
    }
}
