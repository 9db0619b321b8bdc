import PlanKit

/// The help page's words for the lists to choose from (b, s, and which text Enter opens).
extension Strings {
    public enum PickerHelp {
        public static let group = "I en lista att välja i (b, s)"
        public static let move = "Välj i listan"
        public static let firstOrLast = "Först eller sist i listan"
        public static let take = "Ta det valda"
        public static let cancel = "Stäng listan utan att ändra något"
    }
}
