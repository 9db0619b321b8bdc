import PlanKit

/// The words of a status message too long for the status line.
extension Strings.App {
    /// On the rule above the message, where Esc takes it away.
    public static let dismissLongStatus = " Esc tar bort meddelandet "
}
