import PlanKit

/// The app's words for answers to its one-line questions that take nothing or clear something.
extension Strings.App {
    /// X answered with no path: the question stays, and says what it wants.
    public static let pathNeeded = "Skriv en sökväg för rapporten, eller Esc för att avbryta."
    /// v answered with nothing: the outcome is removed, which "Sparat" alone does not say.
    public static let outcomeCleared = "Utfallet togs bort."
}
