import PlanKit

/// The words of a message box over the chooser, which the next key closes and does nothing else.
extension Strings.Chooser {
    /// Under the message: what the next key does, and only that.
    public static let anyKeyCloses = "Tryck på valfri tangent för att stänga meddelandet."
    /// The hint line while the message is shown: no other key is offered, since none acts.
    public static let noticeKey = "Valfri tangent"
    public static let noticeHint = "Stäng meddelandet"
}
