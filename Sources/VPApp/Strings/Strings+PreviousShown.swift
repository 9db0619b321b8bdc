import PlanKit

extension Strings.Chooser {
    /// Where what the period before said is to be found, as the screen is laid out: the detail
    /// pane beside the outline on a wide screen, below it on a narrower one, and in the compact
    /// view only with d.
    static func previousShown(_ layout: Layout) -> String {
        if !layout.showsDetail { return "d visar det som sades där." }
        return layout.isSideBySide ? "det som sades där visas bredvid." : "det som sades där visas nedanför."
    }
}
