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
        // A statement prepared on this connection (`run(prepared:)`, a saved change's) is planned
        // once, for any values: the server would plan it for its values at each of its first
        // five runs, and a person saves a few fields a minute. Other statements are not prepared,
        // and are planned for their values as before.
        configuration.options.additionalStartupParameters = [
            ("application_name", "vp-tui"), ("jit", "off"), ("plan_cache_mode", "force_generic_plan"),
        ]
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

    /// Statements sent on this connection, each one round trip to the server (a prepared one
    /// takes one more the first time, when it is prepared).
    public private(set) var statementsSent = 0

    /// Runs one statement with `$1`, `$2`, … bound to `parameters`.
    ///
    /// `prepared`: the statement is prepared on this connection the first time and only executed
    /// after that, so the server plans it once rather than at every call. For the statements of
    /// a saved change, which policies make costly to plan; `changed` is not counted for them.
    @discardableResult
    public func run(_ sql: String, _ parameters: [PostgresValue] = [], prepared: Bool = false) throws -> PostgresRows {
        statementsSent += 1
        if prepared { return try runPrepared(sql, parameters) }
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

    /// A statement prepared on this connection: the indices of the values it takes, in order,
    /// and the type each was cast to ("" for a NULL, which the server typed from the text).
    private struct PreparedVariant {
        let statement: PreparedQuery
        let parameters: [Int]
        let casts: [String]

        /// Whether `values` can be bound to it: a NULL fits any type.
        func fits(_ values: [PostgresValue]) -> Bool {
            zip(parameters, casts).allSatisfy { index, cast in values[index] == .null || values[index].castName == cast }
        }

        /// The type the value at `index` was cast to, if it was.
        func cast(of index: Int) -> String? {
            parameters.firstIndex(of: index).map { casts[$0] }.flatMap { $0.isEmpty ? nil : $0 }
        }
    }

    /// The statements prepared on this connection, by their text: one for each set of types the
    /// values have had, which the NULLs of a later save fit (an empty field's old value).
    private var preparedStatements: [String: [PreparedVariant]] = [:]

    /// Prepares `sql` for values of `parameters`' types, unless a statement they fit is prepared
    /// already, without running it: the server reads its tables' definitions and policies now,
    /// so that the first save that runs it waits for less.
    public func prepare(_ sql: String, _ parameters: [PostgresValue]) throws {
        statementsSent += 1
        do {
            _ = try preparedVariant(sql, parameters)
        } catch {
            throw PostgresStoreError(running: error, on: address)
        }
    }

    private func preparedVariant(_ sql: String, _ parameters: [PostgresValue]) throws -> PreparedVariant {
        let known = preparedStatements[sql] ?? []
        if let fitting = known.first(where: { $0.fits(parameters) }) { return fitting }
        // A NULL takes the type its place had in a statement prepared before, so that values
        // and NULLs in turn share one statement.
        let casts = parameters.indices.map { index in
            parameters[index] == .null ? known.lazy.compactMap { $0.cast(of: index) }.first ?? "" : parameters[index].castName
        }
        let (typed, taken) = Self.typed(sql, parameters.count, casts: casts)
        let variant = PreparedVariant(statement: try answer { $0.prepare(query: typed) }, parameters: taken, casts: taken.map { casts[$0] })
        preparedStatements[sql, default: []].append(variant)
        return variant
    }

    private func runPrepared(_ sql: String, _ parameters: [PostgresValue]) throws -> PostgresRows {
        var attempt = 0
        while true {
            attempt += 1
            var used: PreparedVariant?
            do {
                let prepared = try preparedVariant(sql, parameters)
                used = prepared
                let data = prepared.parameters.map { parameters[$0].data }
                let rows = try answer { _ in prepared.statement.execute(data) }
                let columns = rows.first.map { $0.map(\.columnName) } ?? []
                // The driver describes a prepared statement's columns as text while the server
                // sends them, as asked, in binary.
                let values = try rows.map { row in
                    try row.map { cell in
                        try Self.value(PostgresCell(bytes: cell.bytes, dataType: cell.dataType, format: .binary,
                                                    columnName: cell.columnName, columnIndex: cell.columnIndex))
                    }
                }
                return PostgresRows(columns: columns, values: values, changed: 0)
            } catch {
                let failure = PostgresStoreError(running: error, on: address)
                // A table's columns changed since it was prepared (another vp-tui migrated the
                // schema): every statement of this text is prepared again, once.
                guard failure == .refused(address, sqlState: "0A000"), attempt == 1, used != nil else { throw failure }
                for variant in preparedStatements.removeValue(forKey: sql) ?? [] { _ = variant.statement.deallocate() }
            }
        }
    }

    /// `sql` as it is prepared, and the indices in `parameters` of the values it takes, in order.
    /// The server fixes each parameter's type when it prepares a statement and then reads the
    /// values in that type's binary form, and it cannot type a parameter the text never names:
    /// the parameters named are numbered again from `$1`, and each whose value is not NULL is
    /// cast to that value's type.
    static func typed(_ sql: String, _ parameters: [PostgresValue]) -> (sql: String, parameters: [Int]) {
        typed(sql, parameters.count, casts: parameters.map(\.castName))
    }

    /// `typed`, with the type each parameter is cast to given ("": none).
    static func typed(_ sql: String, _ count: Int, casts: [String]) -> (sql: String, parameters: [Int]) {
        var taken: [Int] = []
        var result = ""
        var rest = Substring(sql)
        while let dollar = rest.firstIndex(of: "$") {
            result += rest[..<dollar]
            let digits = rest[rest.index(after: dollar)...].prefix { $0.isASCII && $0.isNumber }
            rest = rest[digits.endIndex...]
            guard let number = Int(digits), (0..<count).contains(number - 1) else {
                result += "$" + digits
                continue
            }
            let index = number - 1
            if !taken.contains(index) { taken.append(index) }
            result += "$\(taken.firstIndex(of: index)! + 1)"
            if !casts[index].isEmpty { result += "::" + casts[index] }
        }
        return (result + rest, taken)
    }

    /// How long one statement may go unanswered before the connection is given up.
    public static let statementDeadline: Int64 = 120

    /// The query's result, waited for; never longer than the deadline. postgres-nio leaves a
    /// query sent on a connection the server has closed unanswered, so a closed connection is
    /// not asked, and a silent one is given up.
    private func answer(_ query: PostgresQuery, within seconds: Int64 = statementDeadline) throws -> PostgresQueryResult {
        try answer(within: seconds) { [logger] in $0.query(query, logger: logger) }
    }

    /// What `ask` asks of the connection, waited for; never longer than the deadline. A question
    /// that reaches the event loop after the connection closed (the server stopped between the
    /// check and the asking) is dropped by the driver unanswered: it is failed as lost at once
    /// rather than at the deadline.
    private func answer<Answer: Sendable>(within seconds: Int64 = statementDeadline,
                                          _ ask: (PostgresConnection) -> EventLoopFuture<Answer>) throws -> Answer {
        guard !connection.isClosed else { throw PostgresStoreError.serverNotAnswering(address, .lost) }
        let promise = connection.eventLoop.makePromise(of: Answer.self)
        // The answer, the deadline and the closing all come on the connection's event loop:
        // the first of them completes the promise.
        let answered = AnsweredOnce()
        ask(connection).whenComplete { result in
            if answered.first() { promise.completeWith(result) }
        }
        let silent = PostgresStoreError.serverNotAnswering(address, .timedOut(seconds: Int(seconds)))
        let deadline = connection.eventLoop.scheduleTask(in: .seconds(seconds)) { [connection] in
            guard answered.first() else { return }
            promise.fail(silent)
            let _: EventLoopFuture<Void> = connection.close()
        }
        // After the question on the event loop: a connection open then has taken the question,
        // and fails it if it closes later.
        let lost = PostgresStoreError.serverNotAnswering(address, .lost)
        connection.eventLoop.execute { [connection] in
            if connection.isClosed && answered.first() { promise.fail(lost) }
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

extension PostgresValue {
    /// The value as a prepared statement's parameter.
    var data: PostgresData {
        switch self {
        case .null: .null
        case .text(let text): PostgresData(string: text)
        case .integer(let number): PostgresData(int64: number)
        case .real(let number): PostgresData(double: number)
        }
    }

    /// The type a parameter of this value is cast to; none for NULL.
    var castName: String {
        switch self {
        case .null: ""
        case .text: "text"
        case .integer: "bigint"
        case .real: "double precision"
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

/// Whether a question was answered yet; touched on the connection's event loop only.
private final class AnsweredOnce: @unchecked Sendable {
    private var answered = false

    /// True the first time only.
    func first() -> Bool {
        defer { answered = true }
        return !answered
    }
}
