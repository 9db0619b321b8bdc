/// A section the unit added to a period beside the template's, as the edit log keeps it:
/// what removing it takes away and undoing the removal puts back. The revision is left out, as
/// in `ItemSnapshot`.
public struct SectionSnapshot: Codable, Hashable, Sendable {
    public var title: String
    public var parentID: String?
    public var placement: SectionPlacement
    public var position: Int
    public var text: String

    public init(title: String, parentID: String? = nil, placement: SectionPlacement, position: Int, text: String = "") {
        self.title = title
        self.parentID = parentID
        self.placement = placement
        self.position = position
        self.text = text
    }
}

extension Section {
    /// The ids of the sections the unit added start with this; the template's never do, so an
    /// own section stays own through an export and an import.
    public static let ownIDPrefix = "egen-"

    public static func isOwnID(_ id: String) -> Bool { id.hasPrefix(ownIDPrefix) }

    /// Whether the unit added the section (and may rename and remove it).
    public var isOwn: Bool { Self.isOwnID(id) }
}

extension FieldRef {
    /// The own section whose existence or heading the field is (nil for every other field).
    public var sectionID: String? {
        switch self {
        case .sectionRecord(let id, _), .sectionTitle(let id, _): return id
        default: return nil
        }
    }
}
