import PlanKit
import Foundation

/// A database URL that could not be read: which URL, and what in it is wrong.
public struct PostgresAddressError: Error, Equatable, LocalizedError {
    public enum Part: Equatable, Sendable { case login, host, database, parameters }

    public enum Problem: Equatable, Sendable {
        case notPostgresURL
        case badEncoding(Part)
        case parameterWithoutValue(String)
        case unknownParameter(String)
        case encryptionRequired(String)
        case severalHosts(String)
        case unclosedBracket
        case badPort(String)
        case badTimeout(String)
        case noLogin
    }

    public var url: String
    public var problem: Problem

    public var errorDescription: String? { Strings.Postgres.addressError(self) }
}
