import Foundation

/// A change that only the SQLite store saves yet: adding, removing or moving a whole item or
/// one of the unit's own sections. On the PostgreSQL server single fields are saved.
public struct NotOnServerYet: Error, Equatable, LocalizedError {
    public let field: FieldRef

    public var errorDescription: String? { Strings.notOnServerYet }
}
