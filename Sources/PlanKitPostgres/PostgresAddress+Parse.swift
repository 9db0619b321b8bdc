import Foundation
#if canImport(Glibc)
import Glibc
#endif

extension PostgresAddress {
    /// Reads a libpq-style URL. `environment` supplies PGHOST, PGPORT, PGUSER and PGDATABASE for
    /// what the URL leaves out; `systemLogin` is the operating-system login (libpq's default user).
    public static func parse(_ url: String, environment: [String: String] = ProcessInfo.processInfo.environment,
                             systemLogin: () -> String? = PostgresAddress.systemLogin) throws -> PostgresAddress {
        var parts = try URLParts(url)
        for (name, value) in parts.parameters {
            switch name {
            case "host": parts.host = value
            case "port": parts.port = value
            case "user": parts.user = value
            case "password": parts.password = value
            case "dbname": parts.database = value
            case "connect_timeout": parts.timeout = value
            case "application_name": break
            case "sslmode" where ["disable", "allow", "prefer"].contains(value): break
            case "sslmode": throw PostgresAddressError(url: url, problem: .encryptionRequired(value))
            default: throw PostgresAddressError(url: url, problem: .unknownParameter(name))
            }
        }
        func given(_ value: String?, _ variable: String) -> String? {
            if let value, !value.isEmpty { return value }
            return environment[variable].flatMap { $0.isEmpty ? nil : $0 }
        }
        let host = given(parts.host, "PGHOST") ?? defaultSocketFolder
        if host.contains(",") { throw PostgresAddressError(url: url, problem: .severalHosts(host)) }
        let server: Server = host.hasPrefix("/") ? .socket(folder: host) : .tcp(host: host)
        var port = defaultPort
        if let text = given(parts.port, "PGPORT") {
            guard let number = Int(text), (1...65535).contains(number) else {
                throw PostgresAddressError(url: url, problem: .badPort(text))
            }
            port = number
        }
        guard let login = given(parts.user, "PGUSER") ?? systemLogin() else {
            throw PostgresAddressError(url: url, problem: .noLogin)
        }
        var timeout = defaultConnectTimeout
        if let text = parts.timeout {
            guard let seconds = Int(text), seconds > 0 else { throw PostgresAddressError(url: url, problem: .badTimeout(text)) }
            timeout = seconds
        }
        return PostgresAddress(server: server, port: port, login: login, password: parts.password,
                               database: given(parts.database, "PGDATABASE") ?? login, connectTimeout: timeout)
    }

    /// The operating-system login of this process, as libpq takes it (not $USER, which anyone can set).
    public static func systemLogin() -> String? {
        guard let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name else { return nil }
        let login = String(cString: name)
        return login.isEmpty ? nil : login
    }
}

/// The pieces of `postgresql://user:password@host:port/database?name=value&…`, percent-decoded.
private struct URLParts {
    var user: String?
    var password: String?
    var host: String?
    var port: String?
    var database: String?
    var timeout: String?
    var parameters: [(String, String)] = []

    init(_ url: String) throws {
        func fail(_ problem: PostgresAddressError.Problem) -> PostgresAddressError { PostgresAddressError(url: url, problem: problem) }
        func decoded(_ text: Substring, _ part: PostgresAddressError.Part) throws -> String {
            guard let value = String(text).removingPercentEncoding else { throw fail(.badEncoding(part)) }
            return value
        }
        guard let scheme = ["postgresql://", "postgres://"].first(where: { url.lowercased().hasPrefix($0) }) else {
            throw fail(.notPostgresURL)
        }
        var rest = url.dropFirst(scheme.count)
        if let question = rest.firstIndex(of: "?") {
            for pair in rest[rest.index(after: question)...].split(separator: "&") {
                guard let equals = pair.firstIndex(of: "=") else { throw fail(.parameterWithoutValue(String(pair))) }
                parameters.append((try decoded(pair[..<equals], .parameters), try decoded(pair[pair.index(after: equals)...], .parameters)))
            }
            rest = rest[..<question]
        }
        var authority = rest
        if let slash = rest.firstIndex(of: "/") {
            authority = rest[..<slash]
            let path = rest[rest.index(after: slash)...]
            database = path.isEmpty ? nil : try decoded(path, .database)
        }
        if let at = authority.lastIndex(of: "@") {
            let userInfo = authority[..<at]
            if let colon = userInfo.firstIndex(of: ":") {
                user = try decoded(userInfo[..<colon], .login)
                password = try decoded(userInfo[userInfo.index(after: colon)...], .login)
            } else {
                user = try decoded(userInfo, .login)
            }
            authority = authority[authority.index(after: at)...]
        }
        if authority.contains(",") { throw fail(.severalHosts(String(authority))) }
        var hostText = authority
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { throw fail(.unclosedBracket) }
            hostText = authority[authority.index(after: authority.startIndex)..<close]
            let after = authority[authority.index(after: close)...]
            if after.hasPrefix(":") { port = String(after.dropFirst()) } else if !after.isEmpty { throw fail(.badPort(String(after))) }
        } else if let colon = authority.firstIndex(of: ":") {
            hostText = authority[..<colon]
            port = String(authority[authority.index(after: colon)...])
        }
        host = hostText.isEmpty ? nil : try decoded(hostText, .host)
    }
}
