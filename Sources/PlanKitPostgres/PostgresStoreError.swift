import PlanKit
import Foundation
import PostgresNIO

/// What went wrong with a PostgreSQL database, as a person is told it: never the server's own
/// text, which is English and names things a person does not know.
public enum PostgresStoreError: Error, Equatable, LocalizedError {
    public enum Silence: Equatable, Sendable {
        /// No socket file in the folder: no server runs there.
        case noSocket
        /// Nothing listens at the host and port, or the server is starting or stopping.
        case refused
        /// No answer within the connect timeout.
        case timedOut(seconds: Int)
        /// The host name is not known.
        case unknownHost
        /// The connection broke off.
        case lost
    }

    case serverNotAnswering(PostgresAddress, Silence)
    case loginRefused(PostgresAddress, needsPassword: Bool)
    case databaseMissing(PostgresAddress)
    case tooManyConnections(PostgresAddress)
    /// The database has no vp-tui tables yet.
    case noSchema(PostgresAddress)
    /// The database's schema is of a later vp-tui.
    case schemaNewer(PostgresAddress, found: Int, known: Int)
    /// The database's schema is of an earlier vp-tui, and the login does not own the tables
    /// that would be brought up to date.
    case schemaOlder(PostgresAddress, found: Int, known: Int)
    /// The login lacks the right for what it asked (SQLSTATE class 42501).
    case notAllowed(PostgresAddress)
    /// The server refused a statement for another reason: its SQLSTATE, for whoever helps.
    case refused(PostgresAddress, sqlState: String)

    public var errorDescription: String? { Strings.Postgres.storeError(self) }

    init(connecting error: Error, to address: PostgresAddress) {
        if let error = error as? PostgresStoreError {
            self = error
            return
        }
        guard let error = error as? PSQLError else {
            self = .serverNotAnswering(address, Self.silence(error, address))
            return
        }
        switch error.code {
        case .authMechanismRequiresPassword:
            self = .loginRefused(address, needsPassword: true)
        case .unsupportedAuthMechanism, .saslError:
            self = .loginRefused(address, needsPassword: address.password == nil)
        case .server:
            self = Self.server(error.serverInfo?[.sqlState] ?? "", address, connecting: true)
        default:
            self = .serverNotAnswering(address, error.underlying.map { Self.silence($0, address) } ?? .lost)
        }
    }

    init(running error: Error, on address: PostgresAddress) {
        if let error = error as? PSQLError, error.code == .server {
            self = Self.server(error.serverInfo?[.sqlState] ?? "", address, connecting: false)
        } else if let error = error as? PostgresError, case .server(let message) = error {
            // A prepared statement's error comes in the driver's older form.
            self = Self.server(message.fields[.sqlState] ?? "", address, connecting: false)
        } else if let error = error as? PostgresStoreError {
            self = error
        } else {
            self = .serverNotAnswering(address, .lost)
        }
    }

    private static func server(_ state: String, _ address: PostgresAddress, connecting: Bool) -> PostgresStoreError {
        switch state {
        case "28000", "28P01": return .loginRefused(address, needsPassword: state == "28P01" && address.password == nil)
        case "3D000": return .databaseMissing(address)
        case "53300": return .tooManyConnections(address)
        case "42501": return .notAllowed(address)
        case "57P01", "57P02", "57P03": return .serverNotAnswering(address, connecting ? .refused : .lost)
        default: return .refused(address, sqlState: state)
        }
    }

    private static func silence(_ error: Error, _ address: PostgresAddress) -> Silence {
        if let error = error as? IOError {
            switch error.errnoCode {
            case ENOENT: return .noSocket
            case ECONNREFUSED: return .refused
            default: return .lost
            }
        }
        if let error = error as? ChannelError, case .connectTimeout = error { return .timedOut(seconds: address.connectTimeout) }
        if let error = error as? NIOConnectionError {
            if error.dnsAError != nil || error.dnsAAAAError != nil, error.connectionErrors.isEmpty { return .unknownHost }
            if let first = error.connectionErrors.first?.error { return silence(first, address) }
        }
        if case .socket = address.server, !FileManager.default.fileExists(atPath: address.socketPath ?? "") { return .noSocket }
        return .refused
    }
}
