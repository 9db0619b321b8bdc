import Foundation
import PostgresNIO

/// One value of a column or a parameter, in the few types vp-tui's tables use.
public enum PostgresValue: Hashable, Sendable {
    case null
    case text(String)
    case integer(Int64)
    case real(Double)
}

/// Rows as read: column names and one value per column.
public struct PostgresRows: Sendable {
    public var columns: [String]
    public var values: [[PostgresValue]]
    /// Rows changed by an INSERT, UPDATE or DELETE.
    public var changed: Int
}

/// A connection to a PostgreSQL database, waited on: a terminal program has one person at a
/// time, and each call either finishes or throws a `PostgresStoreError` in Swedish.
public final class PostgresLink: @unchecked Sendable {
    public let address: PostgresAddress
    let connection: PostgresConnection
    private let logger: Logger

    private init(address: PostgresAddress, connection: PostgresConnection, logger: Logger) {
        self.address = address
        self.connection = connection
        self.logger = logger
    }

    deinit { _ = try? connection.close().wait() }

    /// Connects and logs in; throws `PostgresStoreError` (server not answering, login refused,
    /// database missing) rather than the driver's English.
    public static func connect(_ address: PostgresAddress) throws -> PostgresLink {
        var configuration: PostgresConnection.Configuration
        switch address.server {
        case .socket:
            configuration = .init(unixSocketPath: address.socketPath ?? "", username: address.login,
                                  password: address.password, database: address.database)
        case .tcp(let host):
            configuration = .init(host: host, port: address.port, username: address.login,
                                  password: address.password, database: address.database, tls: .disable)
        }
        configuration.options.connectTimeout = .seconds(Int64(address.connectTimeout))
        // Without JIT compilation: the policies' set-returning functions make the planner
        // expect thousands of rows where a read finds a few hundred, and compiling then takes
        // tens of milliseconds, more than such a read itself.
        configuration.options.additionalStartupParameters = [("application_name", "vp-tui"), ("jit", "off")]
        // The driver's own log lines are English and meant for servers; a person sees our words only.
        var logger = Logger(label: "vp-tui.postgres")
        logger.logLevel = .critical
        do {
            let connection = try PostgresConnection.connect(on: PostgresConnection.defaultEventLoopGroup.any(),
                                                            configuration: configuration, id: 1, logger: logger).wait()
            return PostgresLink(address: address, connection: connection, logger: logger)
        } catch {
            throw PostgresStoreError(connecting: error, to: address)
        }
    }

    /// Statements sent on this connection, each one round trip to the server.
    public private(set) var statementsSent = 0

    /// Runs one statement with `$1`, `$2`, … bound to `parameters`.
    @discardableResult
    public func run(_ sql: String, _ parameters: [PostgresValue] = []) throws -> PostgresRows {
        statementsSent += 1
        var binds = PostgresBindings(capacity: parameters.count)
        for parameter in parameters {
            switch parameter {
            case .null: binds.appendNull()
            case .text(let text): binds.append(text)
            case .integer(let number): binds.append(number)
            case .real(let number): binds.append(number)
            }
        }
        do {
            let result = try answer(PostgresQuery(unsafeSQL: sql, binds: binds))
            let columns = result.rows.first.map { $0.map(\.columnName) } ?? []
            let values = try result.rows.map { row in try row.map(Self.value) }
            return PostgresRows(columns: columns, values: values, changed: result.metadata.rows ?? 0)
        } catch {
            throw PostgresStoreError(running: error, on: address)
        }
    }

    /// How long one statement may go unanswered before the connection is given up.
    public static let statementDeadline: Int64 = 120

    /// The query's result, waited for; never longer than the deadline. postgres-nio leaves a
    /// query sent on a connection the server has closed unanswered, so a closed connection is
    /// not asked, and a silent one is given up.
    private func answer(_ query: PostgresQuery, within seconds: Int64 = statementDeadline) throws -> PostgresQueryResult {
        guard !connection.isClosed else { throw PostgresStoreError.serverNotAnswering(address, .lost) }
        let promise = connection.eventLoop.makePromise(of: PostgresQueryResult.self)
        connection.query(query, logger: logger).cascade(to: promise)
        let silent = PostgresStoreError.serverNotAnswering(address, .timedOut(seconds: Int(seconds)))
        let deadline = connection.eventLoop.scheduleTask(in: .seconds(seconds)) { [connection] in
            promise.fail(silent)
            let _: EventLoopFuture<Void> = connection.close()
        }
        promise.futureResult.whenComplete { _ in deadline.cancel() }
        return try promise.futureResult.wait()
    }

    /// Whether the server answers `SELECT 1` within `seconds`. One that does not is given up
    /// (the connection is closed, failing whatever else waits on it): a network that went silent
    /// without a reset is noticed in seconds rather than at the next statement's deadline.
    /// Safe while another thread runs a statement: postgres-nio queues the check behind it, and
    /// it is not counted in `statementsSent`. An error answer (a transaction already failed)
    /// still proves the server there.
    public func answers(within seconds: Int64) -> Bool {
        do {
            _ = try answer(PostgresQuery(unsafeSQL: "SELECT 1"), within: seconds)
        } catch PostgresStoreError.serverNotAnswering {
            // Given up here, or closed already; the closing may not have happened yet.
            return false
        } catch {}
        return !connection.isClosed
    }

    /// Whether the connection is known to be gone (the server closed it, or it was given up).
    public var isClosed: Bool { connection.isClosed }

    /// Runs `body` in one transaction: committed when it returns, rolled back when it throws.
    /// `begin`: the statement that starts it, with its isolation level if not the default.
    public func transaction<T>(_ begin: String = "BEGIN", _ body: () throws -> T) throws -> T {
        try run(begin)
        do {
            let result = try body()
            try run("COMMIT")
            return result
        } catch {
            _ = try? run("ROLLBACK")
            throw error
        }
    }

    private static func value(_ cell: PostgresCell) throws -> PostgresValue {
        guard cell.bytes != nil else { return .null }
        switch cell.dataType {
        case .int8, .int4, .int2: return .integer(try cell.decode(Int64.self))
        case .float8, .float4: return .real(try cell.decode(Double.self))
        case .bool: return .integer(try cell.decode(Bool.self) ? 1 : 0)
        default: return .text(try cell.decode(String.self))
        }
    }
}

extension PostgresRows {
    /// The first column of the first row, when there is one and it is not NULL.
    public var single: PostgresValue? {
        guard let value = values.first?.first, value != .null else { return nil }
        return value
    }
}
