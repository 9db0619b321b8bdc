import PlanKit
import Foundation

/// Where a PostgreSQL database is and as whom to log in, read from a libpq-style URL
/// (`postgresql://user@host:port/database`, `postgresql:///database?host=/socket/folder`).
/// What the URL leaves out is filled in as libpq does: PGHOST, PGPORT, PGUSER and PGDATABASE,
/// else the Unix socket in /var/run/postgresql, port 5432, the operating-system login, and a
/// database named as the login.
public struct PostgresAddress: Hashable, Sendable {
    public enum Server: Hashable, Sendable {
        /// A Unix socket `.s.PGSQL.<port>` in a folder on this machine.
        case socket(folder: String)
        /// A host name or address, over TCP.
        case tcp(host: String)
    }

    public var server: Server
    public var port: Int
    public var login: String
    /// Only when the URL carries one; peer authentication on the socket needs none.
    public var password: String?
    public var database: String
    /// Seconds to wait for the server to answer, `connect_timeout` in the URL.
    public var connectTimeout: Int

    public init(server: Server, port: Int = Self.defaultPort, login: String, password: String? = nil,
                database: String? = nil, connectTimeout: Int = Self.defaultConnectTimeout) {
        self.server = server
        self.port = port
        self.login = login
        self.password = password
        self.database = database ?? login
        self.connectTimeout = connectTimeout
    }

    public static let defaultPort = 5432
    /// Debian's libpq looks for the server's socket here when no host is given.
    public static let defaultSocketFolder = "/var/run/postgresql"
    public static let defaultConnectTimeout = 10

    /// The socket file itself, for a socket server.
    public var socketPath: String? {
        guard case .socket(let folder) = server else { return nil }
        return (folder.hasSuffix("/") ? folder : folder + "/") + ".s.PGSQL.\(port)"
    }

    /// Whether a text names a PostgreSQL database rather than a SQLite file.
    public static func isURL(_ text: String) -> Bool {
        let lowered = text.lowercased()
        return lowered.hasPrefix("postgresql://") || lowered.hasPrefix("postgres://")
    }
}

extension PostgresAddress: CustomStringConvertible {
    /// For messages: the database and where its server is, never the password.
    public var description: String { Strings.Postgres.address(self) }
}
