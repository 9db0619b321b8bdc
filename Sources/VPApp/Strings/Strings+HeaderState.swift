import PlanKit

/// The state the header's right end shows for the report on the screen.
extension Strings.App {
    /// A handed-in report: the chooser's word for it, rather than "Komplett", which it also is.
    public static let headerHandedIn = "Inlämnad"
}
