/// One right of one login: to write a unit's plans, to read everything below a department or a
/// board, or to administer a board. Granted in the city's PostgreSQL database, whose row-level
/// policies enforce it; named here so that the command line reads it without that database's client.
public struct AccessGrant: Hashable, Sendable {
    public enum Scope: String, Sendable { case unit, department, board }
    public enum Kind: String, Sendable { case write, read, admin }

    public var login: String
    public var scope: Scope
    public var target: String
    public var kind: Kind

    public init(login: String, scope: Scope, target: String, kind: Kind) {
        self.login = login
        self.scope = scope
        self.target = target
        self.kind = kind
    }
}
