import Foundation
import Testing
@testable import PlanKit
import PlanKitTestSupport

/// Issue #5: a database file vp-tui cannot use is refused by every command with a Swedish
/// message naming the file, and left byte for byte as it was.
@Suite("Bad database files on the command line", .temporaryFolders)
struct BadDatabaseTests {
    let directory = Binary.temporaryDirectory()
    var database: String { directory.appendingPathComponent("plan.sqlite").path }

    private func bytes(_ path: String) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: path))
    }

    /// A good file to import, so that only the database can be the reason for a refusal.
    private func goodImportFile() throws -> String {
        let file = directory.appendingPathComponent("bra.json")
        try Data(#"{"format": "vp-tui-plan", "version": 1, "organisations": [{"id": "ny-stad", "kind": "city", "name": "Ny stad"}]}"#.utf8)
            .write(to: file)
        return file.path
    }

    @Test("A database from a newer vp-tui is refused by every command and left as it was")
    func newerSchema() throws {
        try Binary.makeSamples(database)
        try PlanStore.executeForTesting(path: database, sql: "PRAGMA user_version = 99")
        let before = try bytes(database)

        let commands: [[String]] = [
            ["units", "--db", database],
            ["import", try goodImportFile(), "--db", database],
            ["check", "--unit", "resursenheten", "--year", "2021", "--period", "vb", "--db", database],
            ["export", "--unit", "resursenheten", "--year", "2021", "--db", database],
        ]
        for arguments in commands {
            let result = try Binary.run(arguments)
            #expect(result.status != 0, "\(arguments[0])")
            #expect(result.stderr.contains("\(database) kommer från en nyare version av vp-tui (schema 99"), "\(arguments[0]): \(result.stderr)")
            #expect(result.stderr.contains("inget har ändrats"), "\(arguments[0])")
            #expect(try bytes(database) == before, "\(arguments[0])")
        }
    }

    @Test("A file that is not a database is refused by import too, and left as it was")
    func notADatabaseImport() throws {
        let path = directory.appendingPathComponent("anteckningar.sqlite").path
        let content = Data("Mina anteckningar om förskolans mål, inte en databas.\n".utf8)
        try content.write(to: URL(fileURLWithPath: path))
        let result = try Binary.run(["import", try goodImportFile(), "--db", path])
        #expect(result.status != 0)
        #expect(result.stderr.contains("\(path) är ingen vp-tui-databas"))
        #expect(try bytes(path) == content)
    }

    @Test("A database file cut short is refused with the Swedish message, not SQLite's, and left as it was")
    func damagedDatabase() throws {
        try Binary.makeSamples(database)
        let damaged = directory.appendingPathComponent("avkortad.sqlite").path
        let content = try bytes(database).prefix(4096)
        try content.write(to: URL(fileURLWithPath: damaged))
        let result = try Binary.run(["units", "--db", damaged])
        #expect(result.status != 0)
        #expect(result.stderr.contains("\(damaged) är ingen vp-tui-databas"), "\(result.stderr)")
        #expect(!result.stderr.contains("SQLite error"))
        #expect(try bytes(damaged) == content)
    }
}
