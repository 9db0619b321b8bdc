/// A level of the City of Stockholm's organisation.
public enum OrganisationKind: String, Codable, CaseIterable, Sendable {
    case city, board, department, unit
}

/// A city, district board (nämnd), department (avdelning) or unit (enhet).
public struct Organisation: Hashable, Codable, Sendable, Identifiable {
    public var id: String
    public var kind: OrganisationKind
    public var name: String
    public var parentID: String?

    public init(id: String, kind: OrganisationKind, name: String, parentID: String? = nil) {
        self.id = id
        self.kind = kind
        self.name = name
        self.parentID = parentID
    }
}

extension Organisation {
    /// How the organisation is named to a person: its name, or its id where it has none. Every
    /// place that names a unit (the board's table, errors, the chooser, headers) goes through this.
    public var displayName: String { name.isEmpty ? id : name }
}
