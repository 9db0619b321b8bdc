/// A report as a sequence of blocks, independent of how it is written out.
public enum ReportBlock: Equatable, Hashable, Codable, Sendable {
    case title(String)
    /// Level 1 is a top-level section; deeper levels nest.
    case heading(level: Int, text: String)
    case label(String)
    case paragraphs(String)
    /// A rating line: "● Uppfylls helt", "— Ingen".
    case mark(String)
    case table(ReportTable)
}

public struct ReportTable: Equatable, Hashable, Codable, Sendable {
    public enum Row: Equatable, Hashable, Codable, Sendable {
        case cells([String])
        /// A note that spans the row, such as an activity's analysis.
        case note(label: String, text: String)
    }

    public var headers: [String]
    public var rows: [Row]
}
