import Foundation
import PlanKitTestSupport
import Testing

@Suite("The vp-tui command line, run as a person would", .temporaryFolders)
struct CommandLineTests {
    let directory = Binary.temporaryDirectory()
    var database: String { directory.appendingPathComponent("plan.sqlite").path }

    @Test("A new database is created at the default place with the samples and lists them")
    func createsDatabaseWithSamples() throws {
        let database = directory.appendingPathComponent("vp-tui/plan.sqlite").path
        let result = try Binary.run(["units"], environment: ["XDG_DATA_HOME": directory.path])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Enhet: Resursenheten [resursenheten]"))
        #expect(result.stdout.contains("2021: VP komplett, T1 ej påbörjad, T2 ej påbörjad, VB komplett"))
        #expect(result.stderr.contains("Skapade \(database) med exempelplanerna."))
        #expect(FileManager.default.fileExists(atPath: database))
    }

    @Test("A command that changed the database leaves it whole: no write-ahead log behind")
    func commandsLeaveNoLog() throws {
        let database = directory.appendingPathComponent("vp-tui/plan.sqlite").path
        #expect(try Binary.run(["units"], environment: ["XDG_DATA_HOME": directory.path]).status == 0)
        #expect(!FileManager.default.fileExists(atPath: database + "-wal"))
        let file = directory.appendingPathComponent("plan.json").path
        #expect(try Binary.run(["export", "--unit", "resursenheten", "--year", "2021", "-o", file],
                               environment: ["VP_TUI_DB": database]).status == 0)
        #expect(try Binary.run(["import", file], environment: ["VP_TUI_DB": database]).status == 0)
        #expect(!FileManager.default.fileExists(atPath: database + "-wal"))
    }

    @Test("Without VP_TUI_DB the database lives under XDG_DATA_HOME")
    func defaultLocation() throws {
        let result = try Binary.run(["units"], environment: ["XDG_DATA_HOME": directory.path])
        #expect(result.status == 0)
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("vp-tui/plan.sqlite").path))
        let home = Binary.temporaryDirectory()
        #expect(try Binary.run(["units"], environment: ["HOME": home.path]).status == 0)
        #expect(FileManager.default.fileExists(atPath: home.appendingPathComponent(".local/share/vp-tui/plan.sqlite").path))
    }

    @Test("check: 0 when complete, 1 naming the goal after its rating is cleared, 2 on error")
    func checkExitCodes() throws {
        try Binary.makeSamples(database)
        let complete = try Binary.run(["check", "--unit", "Resursenheten", "--year", "2021", "--period", "vb", "--db", database])
        #expect(complete.status == 0)
        #expect(complete.stdout.contains("komplett"))

        let cleared = #"{"format":"vp-tui-plan","version":1,"plans":[{"unit":"resursenheten","year":2021,"board":"hagersten-alvsjo","periods":["vp","vb"],"followUps":[{"item":"re-2021-em-04","period":"vb","rating":"none","analysis":"Budgeten har följts upp."}]}]}"#
        let file = directory.appendingPathComponent("rensa.json")
        try Data(cleared.utf8).write(to: file)
        #expect(try Binary.run(["import", file.path, "--db", database]).status == 0)
        let gaps = try Binary.run(["check", "--unit", "resursenheten", "--year", "2021", "--period", "vb", "--db", database])
        #expect(gaps.status == 1)
        #expect(gaps.stdout.contains("Målet saknar bedömning"))
        #expect(gaps.stdout.contains("Enhetsmål: Resursenhetens budget är i balans"))

        let unknown = try Binary.run(["check", "--unit", "Okänd enhet", "--year", "2021", "--period", "vb", "--db", database])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("Det finns ingen enhet som heter eller har id \"Okänd enhet\""))
        let noPeriod = try Binary.run(["check", "--unit", "resursenheten", "--year", "2021", "--period", "t1", "--db", database])
        #expect(noPeriod.status == 2)
    }

    @Test("export writes the VB as Markdown, to stdout or atomically to a file")
    func exportMarkdown() throws {
        try Binary.makeSamples(database)
        let result = try Binary.run(["export", "--unit", "resursenheten", "--year", "2021", "--period", "vb", "--format", "markdown", "--db", database])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("# Verksamhetsberättelse VB 2021 för Resursenheten"))
        #expect(result.stdout.contains("###### Enhetsmål: Resursenhetens budget är i balans"))
        let output = directory.appendingPathComponent("vb.md")
        let toFile = try Binary.run(["export", "--unit", "resursenheten", "--year", "2021", "--format", "text", "-o", output.path, "--db", database])
        #expect(toFile.status == 0)
        #expect(try String(contentsOf: output, encoding: .utf8).contains("Uppfylls helt"))
    }

    @Test("export as JSON validates against docs/plan.schema.json, and so do the samples")
    func schemaValidation() throws {
        try Binary.makeSamples(database)
        let output = directory.appendingPathComponent("export.json")
        #expect(try Binary.run(["export", "--unit", "resursenheten", "--year", "2021", "-o", output.path, "--db", database]).status == 0)
        let script = Binary.repositoryRoot.appendingPathComponent("scripts/validate-schema.py")
        let python = try Binary.run(executable: URL(fileURLWithPath: "/usr/bin/env"), ["python3", script.path, output.path])
        #expect(python.status == 0, "python3 with jsonschema is needed: \(python.stdout) \(python.stderr)")
        let samples = try Binary.run(executable: URL(fileURLWithPath: "/usr/bin/env"), ["python3", script.path])
        #expect(samples.status == 0, "\(samples.stdout) \(samples.stderr)")
    }

    @Test("The app asked for a unit or year that is not there says so without taking over the terminal", arguments: [
        (["--unit", "Okänd enhet"], "Det finns ingen enhet som heter eller har id \"Okänd enhet\""),
        (["--unit", "resursenheten", "--year", "1999"], "1999"),
    ])
    func appRefusesBeforeTheScreen(arguments: [String], message: String) throws {
        try Binary.makeSamples(database)
        let result = try Binary.run(["--db", database] + arguments, environment: ["TERM": "xterm-256color"])
        #expect(result.status == 1)
        #expect(result.stderr.contains(message))
        // Not one escape sequence: the screen was never switched, cleared or reset.
        #expect(result.stdout.isEmpty)
    }

    @Test("A broken import says file, line and what, in Swedish, and changes nothing")
    func brokenImport() throws {
        try Binary.makeSamples(database)
        let before = try Data(contentsOf: URL(fileURLWithPath: database))
        let file = directory.appendingPathComponent("trasig.json")
        try Data("{\n  \"format\": \"vp-tui-plan\",\n  \"version\": 1,\n  \"plans\": [}\n".utf8).write(to: file)
        let result = try Binary.run(["import", file.path, "--db", database])
        #expect(result.status != 0)
        #expect(result.stderr.contains("\(file.path):4"))
        #expect(result.stderr.contains("Inget har importerats."))
        #expect(try Data(contentsOf: URL(fileURLWithPath: database)) == before)
    }

    @Test("A file that is not a database is refused and left as it was")
    func notADatabase() throws {
        let path = directory.appendingPathComponent("anteckningar.txt")
        let content = Data("Det här är mina anteckningar, inte en databas.\n".utf8)
        try content.write(to: path)
        let result = try Binary.run(["units", "--db", path.path])
        #expect(result.status != 0)
        #expect(result.stderr.contains("är ingen vp-tui-databas"))
        #expect(try Data(contentsOf: path) == content)
    }

    @Test("--help explains every command")
    func help() throws {
        let root = try Binary.run(["--help"])
        for command in ["import", "export", "check", "units"] { #expect(root.stdout.contains(command)) }
        #expect(root.stdout.contains("Skriv och följ upp enhetens verksamhetsplan"))
        let export = try Binary.run(["export", "--help"])
        #expect(export.stdout.contains("--format"))
        #expect(export.stdout.contains("Utdataformat"))
    }
}
