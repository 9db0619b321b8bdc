import Foundation
import PlanKitTestSupport
import Testing

/// vp-tui is built without the PostgreSQL client, whose size slows every start
/// (docs/PERFORMANCE.md), and hands a command that needs PostgreSQL over to vp-tui-postgres in
/// its own folder. The other PostgreSQL tests run through that hand-over; these check the
/// binary itself and what it says when the sibling is missing.
@Suite(.temporaryFolders)
struct PostgresSiblingTests {
    static func bytes(of name: String) throws -> Data {
        try Data(contentsOf: Binary.url.deletingLastPathComponent().appendingPathComponent(name))
    }

    @Test("vp-tui does not link the PostgreSQL client; vp-tui-postgres does")
    func onlyTheSiblingLinksPostgres() throws {
        let module = Data("PostgresNIO".utf8)
        // The search finds the module where it is linked, so its absence in vp-tui means something.
        #expect(try Self.bytes(of: "vp-tui-postgres").range(of: module) != nil)
        #expect(try Self.bytes(of: "vp-tui").range(of: module) == nil,
                "vp-tui links PostgresNIO: keep PlanKitPostgres out of VPCommandLine and vp-tui (PostgresHook)")
    }

    /// vp-tui alone in a folder of its own, started with HOME in that folder.
    static func alone() throws -> (folder: URL, binary: URL) {
        let folder = Binary.temporaryDirectory()
        let binary = folder.appendingPathComponent("vp-tui")
        // Copied by cp in a process of its own: a copy written here would hold a descriptor open
        // for writing that a program spawned meanwhile by a test running in parallel inherits,
        // and running the copy would then fail with "Text file busy".
        let copied = try Spawn.run("/bin/cp", [Binary.url.path, binary.path], environment: [:], captureOutput: false)
        #expect(copied.status == 0, "cp \(Binary.url.path) \(binary.path)")
        return (folder, binary)
    }

    static func contents(_ folder: URL) throws -> [String] {
        try FileManager.default.subpathsOfDirectory(atPath: folder.path).sorted()
    }

    @Test("Without vp-tui-postgres beside it, a PostgreSQL address is refused in Swedish, naming the file and how to build it",
          arguments: [["units", "--db", "postgresql:///plan?host=/tmp"],
                      ["check", "--db", "postgresql:///plan?host=/tmp", "--unit", "a", "--year", "2025", "--period", "vp"],
                      ["export", "--unit", "a", "--year", "2025", "--db", "postgres://ägare@db.example/plan"],
                      ["grant", "gustav", "--unit", "a", "--db", "postgresql:///plan"],
                      ["copy", "--from", "a.sqlite", "--to", "postgresql:///plan"]])
    func missingSiblingIsNamed(arguments: [String]) throws {
        let (folder, binary) = try Self.alone()
        let result = try Binary.run(executable: binary, arguments, environment: ["HOME": folder.path])
        let sibling = folder.appendingPathComponent("vp-tui-postgres").path
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "vp-tui: fel: PostgreSQL-databaser öppnas av vp-tui-postgres, som ska ligga i samma mapp som vp-tui, "
            + "men \(sibling) finns inte. Bygg det med \"swift build --product vp-tui-postgres\" "
            + "(i release: \"swift build -c release --product vp-tui-postgres\").\n")
        #expect(try Self.contents(folder) == ["vp-tui"])
    }

    @Test("VP_TUI_DB naming PostgreSQL is handed over too")
    func environmentAddressIsHandedOver() throws {
        let (folder, binary) = try Self.alone()
        let result = try Binary.run(executable: binary, ["status", "--namnd", "nb", "--year", "2025", "--period", "vp"],
                                    environment: ["HOME": folder.path, "VP_TUI_DB": "postgresql:///plan"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("\(folder.path)/vp-tui-postgres finns inte"))
        #expect(try Self.contents(folder) == ["vp-tui"])
    }

    @Test("Without vp-tui-postgres, help, mistakes and files work as before",
          arguments: [["grant", "--help"], ["--version"], ["grant", "x", "--unit", "a", "--read"], ["grant", "x", "--unit", "a"],
                      ["copy", "--from", "", "--to", "postgresql:///plan"], ["import", "--db", "postgresql:///plan", "x.json"]])
    func parsingNeedsNoSibling(arguments: [String]) throws {
        let (folder, binary) = try Self.alone()
        let environment = ["HOME": folder.path]
        let lone = try Binary.run(executable: binary, arguments, environment: environment)
        let built = try Binary.run(arguments, environment: environment)
        #expect(!lone.stderr.contains("vp-tui-postgres"))
        #expect(lone.status == built.status)
        #expect(lone.stdout == built.stdout)
        #expect(lone.stderr == built.stderr)
        #expect(try Self.contents(folder) == ["vp-tui"])
    }

    @Test("Without vp-tui-postgres, a SQLite file is read as before")
    func fileNeedsNoSibling() throws {
        let (folder, binary) = try Self.alone()
        let database = folder.appendingPathComponent("plan.sqlite").path
        try Binary.makeSamples(database)
        let result = try Binary.run(executable: binary, ["units", "--db", database], environment: ["HOME": folder.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr == "")
        #expect(result.stdout.contains("Enhet: "))
    }
}
