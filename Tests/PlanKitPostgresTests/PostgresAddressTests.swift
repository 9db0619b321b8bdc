import Foundation
import PlanKit
@testable import PlanKitPostgres
import Testing

/// libpq-style URLs read as libpq reads them, and the Swedish words for those that cannot be.
@Suite struct PostgresAddressTests {
    static func parse(_ url: String, _ environment: [String: String] = [:]) throws -> PostgresAddress {
        try PostgresAddress.parse(url, environment: environment, systemLogin: { "kalle" })
    }

    @Test func hostPortAndDatabase() throws {
        let address = try Self.parse("postgresql://anna@db.stad.se:6543/plan")
        #expect(address == PostgresAddress(server: .tcp(host: "db.stad.se"), port: 6543, login: "anna", database: "plan"))
    }

    @Test func defaultsAreLibpqs() throws {
        let address = try Self.parse("postgresql://")
        #expect(address.server == .socket(folder: "/var/run/postgresql"))
        #expect(address.port == 5432)
        #expect(address.login == "kalle")
        #expect(address.database == "kalle")
        #expect(address.socketPath == "/var/run/postgresql/.s.PGSQL.5432")
    }

    @Test func environmentFillsWhatTheURLLeavesOut() throws {
        let address = try Self.parse("postgres:///plan", ["PGHOST": "/run/pg", "PGPORT": "5433", "PGUSER": "berit", "PGDATABASE": "x"])
        #expect(address == PostgresAddress(server: .socket(folder: "/run/pg"), port: 5433, login: "berit", database: "plan"))
    }

    @Test func socketFolderAsQueryParameter() throws {
        let address = try Self.parse("postgresql:///plan?host=/tmp/pg%20sock&port=5499&connect_timeout=3")
        #expect(address.server == .socket(folder: "/tmp/pg sock"))
        #expect(address.socketPath == "/tmp/pg sock/.s.PGSQL.5499")
        #expect(address.connectTimeout == 3)
        #expect(address.database == "plan")
    }

    @Test func percentEncodedSocketFolderAsHost() throws {
        let address = try Self.parse("postgresql://anna@%2Fvar%2Frun%2Fpostgresql/plan")
        #expect(address.server == .socket(folder: "/var/run/postgresql"))
        #expect(address.login == "anna")
    }

    @Test func ipv6AndPassword() throws {
        let address = try Self.parse("postgresql://anna:hemligt%40@[::1]:5432/plan")
        #expect(address.server == .tcp(host: "::1"))
        #expect(address.password == "hemligt@")
        #expect(!address.description.contains("hemligt"))
    }

    @Test(arguments: [
        ("postgresql://anna@host:54x/plan", "portnumret ”54x”"),
        ("postgresql://anna@host:70000/plan", "portnumret ”70000”"),
        ("postgresql://anna@host/plan?sslmod=require", "parametern ”sslmod”"),
        ("postgresql://anna@host/plan?sslmode=require", "kryptering"),
        ("postgresql://anna@h1,h2/plan", "flera servrar"),
        ("postgresql://anna@[::1/plan", "IPv6"),
        ("postgresql://an%zzna@host/plan", "%-kodning i användarnamnet"),
        ("postgresql://anna@host/pl%G1an", "%-kodning i databasnamnet"),
        ("postgresql://anna@host/plan?host", "parametern ”host” utan värde"),
        ("postgresql://anna@host/plan?connect_timeout=0", "connect_timeout=0"),
    ])
    func badURLsAreNamedInSwedish(url: String, expected: String) throws {
        let error = try #require(throws: PostgresAddressError.self) { try Self.parse(url) }
        let message = Strings.describe(error)
        #expect(message.contains(expected), "\(message)")
        #expect(message.hasPrefix("Databasadressen ”"), "\(message)")
    }

    @Test func passwordIsHiddenInMessages() throws {
        let error = try #require(throws: PostgresAddressError.self) { try Self.parse("postgresql://anna:hemligt@host:x/plan") }
        let message = Strings.describe(error)
        #expect(!message.contains("hemligt"))
        #expect(message.contains("anna:•••@host:x/plan"))
    }

    @Test func noLoginAtAll() throws {
        let error = try #require(throws: PostgresAddressError.self) {
            try PostgresAddress.parse("postgresql:///plan", environment: [:], systemLogin: { nil })
        }
        #expect(error.problem == .noLogin)
    }
}
