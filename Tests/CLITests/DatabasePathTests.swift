import Foundation
import Testing
@testable import PlanKit
import PlanKitTestSupport
#if canImport(Glibc)
import Glibc
#endif

/// The database path as given: what stands there is never removed or converted, a new database
/// is made whole and private, and every refusal is a Swedish sentence.
@Suite("The database path and what stands there", .temporaryFolders)
struct DatabasePathTests {
    let directory = Binary.temporaryDirectory()
    var database: String { directory.appendingPathComponent("plan.sqlite").path }

    private func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    private func isLink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK
    }

    private func expectSwedishRefusal(_ result: Binary.Result, _ words: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(result.status == 1, sourceLocation: sourceLocation)
        #expect(result.stderr.contains(words), "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(!result.stderr.contains("SQLite error") && !result.stderr.contains("The file"), "\(result.stderr)",
                sourceLocation: sourceLocation)
    }

    @Test("A link to nowhere (an unmounted share) or in a loop is refused and stays; nothing is made in its place")
    func linksStay() throws {
        let dangling = path("utdelning.sqlite")
        #expect(symlink(path("ej-monterad/plan.sqlite"), dangling) == 0)
        let loop = path("slinga.sqlite")
        #expect(symlink(loop, loop) == 0)
        for link in [dangling, loop] {
            for _ in 0..<2 {
                expectSwedishRefusal(try Binary.run(["units", "--db", link]), "Kan inte öppna databasen")
                #expect(isLink(link))
            }
        }
        #expect(!FileManager.default.fileExists(atPath: path("ej-monterad")))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == ["slinga.sqlite", "utdelning.sqlite"])
    }

    @Test("A folder, a name too long and a file used as a folder say so in Swedish, not SQLite's error 14")
    func unusablePaths() throws {
        try Data("text\n".utf8).write(to: URL(fileURLWithPath: path("fil")))
        let cases: [(String, String)] = [
            (directory.path, "är en katalog"),
            (path(String(repeating: "x", count: 300)), "för lång"),
            (path("fil/plan.sqlite"), "är en fil, inte en katalog"),
        ]
        for (database, words) in cases {
            expectSwedishRefusal(try Binary.run(["units", "--db", database]), words)
        }
    }

    @Test("Another program's SQLite file is refused byte for byte unchanged; so is one of ours missing a table")
    func notOurs() throws {
        let other = path("annat.db")
        try Binary.makeSamples(database)
        // A file of another program: any SQLite file with tables of its own.
        try FileManager.default.copyItem(atPath: database, toPath: other)
        try PlanStore.executeForTesting(path: other, sql: "DROP TABLE grdb_migrations")
        try PlanStore.executeForTesting(path: other, sql: "PRAGMA journal_mode = DELETE")
        let before = try Data(contentsOf: URL(fileURLWithPath: other))
        for arguments in [["units"], ["import", path("saknas.json")], ["export", "--unit", "resursenheten", "--year", "2021"]] {
            expectSwedishRefusal(try Binary.run(arguments + ["--db", other]), "från ett annat program")
            #expect(try Data(contentsOf: URL(fileURLWithPath: other)) == before)
            #expect(!FileManager.default.fileExists(atPath: other + "-wal"))
        }

        try PlanStore.executeForTesting(path: database, sql: "DROP TABLE section")
        let result = try Binary.run(["export", "--unit", "resursenheten", "--year", "2021", "--db", database])
        expectSwedishRefusal(result, "saknar tabellen section")
        #expect(result.stderr.contains("säkerhetskopia") && !result.stderr.contains("no such table"))
    }

    @Test("A name that starts like a URI (\"file:…\") is a file name: that file is made, no other")
    func uriLikeName() throws {
        let result = try Binary.run(executable: URL(fileURLWithPath: "/bin/sh"), ["-c", "cd \"$0\" && exec \"$1\" import \"$2\" --db file:plan.sqlite && sleep 1",
                                                                             directory.path, Binary.url.path, try Binary.nothingToImport()])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["file:plan.sqlite"])
    }

    @Test("An empty --db is refused with exit 2, in Swedish, and no default database is made or opened")
    func emptyDatabasePath() throws {
        let home = path("hem")
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        let environment = ["HOME": home, "XDG_DATA_HOME": path("data"), "VP_TUI_DB": database]
        for arguments in [["units", "--db", ""], ["export", "--unit", "resursenheten", "--year", "2021", "--db", ""],
                          ["import", path("saknas.json"), "--db", ""]] {
            let result = try Binary.run(arguments, environment: environment)
            #expect(result.status == 2, "\(arguments) \(result.stderr)")
            #expect(result.stderr.contains("--db har ett tomt värde"), "\(result.stderr)")
            #expect(result.stdout.isEmpty)
        }
        // "--db=" is a missing value to the argument parser: refused as a command-line mistake (64).
        let missing = try Binary.run(["units", "--db="], environment: environment)
        #expect(missing.status == 64 && missing.stderr.contains("Värdet saknas för '--db"), "\(missing.stderr)")
        #expect(!FileManager.default.fileExists(atPath: database))
        #expect(!FileManager.default.fileExists(atPath: path("data")))
        #expect(try FileManager.default.contentsOfDirectory(atPath: home).isEmpty)
    }

    @Test("A 0-byte file is made a database with the samples, and said so")
    func emptyFile() throws {
        #expect(FileManager.default.createFile(atPath: database, contents: Data()))
        let result = try Binary.run(["units", "--db", database])
        #expect(result.status == 0)
        #expect(result.stderr.contains("var en tom fil; den är nu en ny databas med exempelplanerna"))
        #expect(result.stdout.contains("Resursenheten"))
    }

    @Test("A new database is readable by its owner alone, and leaves no temporary file")
    func privateAndWhole() throws {
        let nested = path("ny/katalog/plan.sqlite")
        let result = try Binary.run(["import", try Binary.nothingToImport(), "--db", nested])
        #expect(result.stderr.contains("Skapade"))
        #expect(try FileManager.default.attributesOfItem(atPath: nested)[.posixPermissions] as? Int == 0o600)
        #expect(try FileManager.default.contentsOfDirectory(atPath: path("ny/katalog")).allSatisfy { !$0.hasPrefix(".") })
    }

    @Test("Two processes making one new database: both succeed and the import is there")
    func racingCreation() throws {
        let file = path("stad.json")
        try Data(#"{"format": "vp-tui-plan", "version": 1, "organisations": [{"id": "ny-stad", "kind": "city", "name": "Ny stad"}]}"#.utf8)
            .write(to: URL(fileURLWithPath: file))
        for round in 0..<6 {
            let database = path("kapplöpning-\(round).sqlite")
            let group = DispatchGroup()
            let results = Results()
            let nothing = try Binary.nothingToImport()
            for arguments in [["import", file], ["import", nothing], ["import", nothing]] {
                group.enter()
                DispatchQueue.global().async {
                    let result = try? Binary.run(arguments + ["--db", database])
                    results.append(arguments[0], result)
                    group.leave()
                }
            }
            group.wait()
            for (command, result) in results.all {
                #expect(result?.status == 0, "\(command): \(result?.stderr ?? "")")
            }
            let units = try Binary.run(["units", "--db", database])
            #expect(units.stdout.contains("Ny stad") && units.stdout.contains("Resursenheten"), "round \(round)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).allSatisfy { !$0.hasPrefix(".") })
    }

    @Test("--year -5, 0 or 99999 is said to be no year, not a missing value")
    func invalidYear() throws {
        try Binary.makeSamples(database)
        for year in ["-5", "0", "99999"] {
            for arguments in [["check", "--unit", "resursenheten", "--period", "vb"], ["export", "--unit", "resursenheten"], []] {
                let result = try Binary.run(arguments + ["--year", year, "--db", database])
                #expect(result.status != 0)
                #expect(result.stderr.contains("Året \(year) går inte att använda"), "\(arguments) \(result.stderr)")
                #expect(!result.stderr.contains("saknas"), "\(result.stderr)")
            }
        }
    }

    @Test("An unknown unit gets the command line's advice; the model's own message names no command")
    func unknownUnit() throws {
        try Binary.makeSamples(database)
        let result = try Binary.run(["export", "--unit", "finns-inte", "--year", "2021", "--db", database])
        #expect(result.stderr.contains("Det finns ingen enhet som heter eller har id \"finns-inte\". Se \"vp-tui units\"."))
    }
}

/// Results collected from several threads.
final class Results: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [(String, Binary.Result?)] = []
    func append(_ command: String, _ result: Binary.Result?) { lock.withLock { results.append((command, result)) } }
    var all: [(String, Binary.Result?)] { lock.withLock { results } }
}
