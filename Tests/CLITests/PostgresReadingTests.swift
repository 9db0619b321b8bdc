import Foundation
import PlanKit
import PlanKitTestSupport
import PostgresTestSupport
import Testing

/// The reading commands on a PostgreSQL database: the same reports as from the file it was
/// copied from, and only what the login was granted.
@Suite(.throwawayPostgres, .temporaryFolders) struct PostgresReadingTests {
    /// A district of four units under two departments, copied into a new database of the cluster.
    struct District {
        let folder: URL
        let file: String
        let database: String
        let cluster: ThrowawayCluster
        var owner: String { cluster.url(database: database) }
        func url(_ login: String) -> String { cluster.url(database: database, login: login) }

        init(generate arguments: [String]? = ["--units", "4", "--years", "1", "--seed", "3"]) throws {
            folder = Binary.temporaryDirectory()
            file = folder.appendingPathComponent("distrikt.sqlite").path
            if let arguments {
                #expect(try Binary.run(["generate"] + arguments + ["--db", file]).status == 0)
            } else {
                try Binary.makeSamples(file)
            }
            cluster = try ThrowawayPostgres.cluster()
            database = try cluster.makeDatabase()
            let copy = try Binary.run(["copy", "--from", file, "--to", cluster.url(database: database)])
            #expect(copy.status == 0, "\(copy.stderr)")
        }

        func grant(_ arguments: String...) throws {
            let result = try Binary.run(["grant"] + arguments + ["--db", owner])
            #expect(result.status == 0, "\(result.stderr)")
        }
    }

    static let lyktan = "forskolan-lyktan"
    static let myran = "forskolan-myran"
    static let board = "hagersten-alvsjo"

    /// Every plan's Markdown and JSON export from the file and from PostgreSQL, byte for byte.
    static func exportsAgree(_ district: District) throws {
        let plans = try PlanStore(path: district.file, readOnly: true).plans()
        #expect(!plans.isEmpty)
        for plan in plans {
            for format in ["markdown", "json"] {
                let arguments = ["export", "--unit", plan.unit.id, "--year", String(plan.year), "--format", format]
                let fromFile = try Binary.run(arguments + ["--db", district.file])
                let fromServer = try Binary.run(arguments, environment: ["VP_TUI_DB": district.owner])
                #expect(fromFile.status == 0 && fromServer.status == 0, "\(fromServer.stderr)")
                #expect(!fromServer.stdout.isEmpty)
                #expect(fromServer.stdout == fromFile.stdout, "\(plan.unit.id) \(plan.year) \(format)")
            }
        }
    }

    @Test func bundledSamplesExportAsFromTheFile() throws {
        let district = try District(generate: nil)
        try Self.exportsAgree(district)
    }

    @Test func generatedDistrictExportsAsFromTheFile() throws {
        let district = try District(generate: ["--units", "4", "--years", "2", "--seed", "3"])
        try Self.exportsAgree(district)
    }

    @Test func unitWriterReadsItsUnitAndIsRefusedAnother() throws {
        let district = try District()
        try district.grant("anna", "--unit", Self.lyktan)
        let anna = district.url("anna")

        let own = try Binary.run(["export", "--unit", Self.lyktan, "--year", "2021", "--format", "markdown", "--db", anna])
        #expect(own.status == 0, "\(own.stderr)")
        let fromFile = try Binary.run(["export", "--unit", Self.lyktan, "--year", "2021", "--format", "markdown", "--db", district.file])
        #expect(own.stdout == fromFile.stdout)
        #expect(try Binary.run(["check", "--unit", Self.lyktan, "--year", "2021", "--period", "t1", "--db", anna]).status == 0)

        let refusal = "vp-tui: fel: Du har inte behörighet till enheten ”Förskolan Myran” [forskolan-myran] i PostgreSQL-databasen."
        for arguments in [["export", "--unit", "Förskolan Myran", "--year", "2021"],
                          ["check", "--unit", Self.myran, "--year", "2021", "--period", "t1"]] {
            let refused = try Binary.run(arguments + ["--db", anna])
            #expect(refused.status == 2, "\(arguments)")
            #expect(refused.stderr == refusal + "\n", "\(refused.stderr)")
            #expect(refused.stdout.isEmpty)
        }
        // Not in the tree at all (the tree is read by every login): said as on a file.
        let unknown = try Binary.run(["export", "--unit", "finns-inte", "--year", "2021", "--db", anna])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("Det finns ingen enhet som heter eller har id \"finns-inte\"."), "\(unknown.stderr)")
        // A board it may not read as a whole.
        let status = try Binary.run(["status", "--namnd", Self.board, "--year", "2021", "--period", "t1", "--db", anna])
        #expect(status.status == 2)
        #expect(status.stderr.contains("Du har inte behörighet till nämnden ”Hägersten-Älvsjö stadsdelsnämnd”"), "\(status.stderr)")
    }

    @Test func boardReaderSeesTheBoardsStatusAsFromTheFile() throws {
        let district = try District()
        try district.grant("bo", "--namnd", Self.board, "--read")
        let arguments = ["status", "--namnd", Self.board, "--year", "2021", "--period", "t1"]
        let fromServer = try Binary.run(arguments + ["--db", district.url("bo")])
        let fromFile = try Binary.run(arguments + ["--db", district.file])
        #expect(fromServer.status == fromFile.status, "\(fromServer.stderr)")
        #expect(fromServer.stdout == fromFile.stdout)
        for unit in ["Förskolan Lyktan", "Förskolan Myran", "Förskoleenheten Örby slott", "Träffpunkten Liseberg"] {
            #expect(fromServer.stdout.contains(unit), "\(fromServer.stdout)")
        }
        let rollup = ["export", "--namnd", Self.board, "--year", "2021", "--period", "t1", "--format", "markdown"]
        #expect(try Binary.run(rollup + ["--db", district.url("bo")]).stdout == (try Binary.run(rollup + ["--db", district.file])).stdout)
    }

    @Test func unitsListsOnlyWhatTheLoginMayRead() throws {
        let district = try District()
        try district.grant("anna", "--unit", Self.lyktan)
        let anna = try Binary.run(["units", "--db", district.url("anna")])
        #expect(anna.status == 0, "\(anna.stderr)")
        #expect(anna.stdout.contains("Enhet: Förskolan Lyktan [forskolan-lyktan]\n        2021: VP komplett"), "\(anna.stdout)")
        #expect(!anna.stdout.contains("Myran") && !anna.stdout.contains("Äldreomsorg"), "\(anna.stdout)")

        // A login whose only right was taken back reads no plan.
        try district.grant("nils", "--unit", Self.myran)
        #expect(try Binary.run(["revoke", "nils", "--unit", Self.myran, "--db", district.owner]).status == 0)
        let nils = try Binary.run(["units", "--db", district.url("nils")])
        #expect(nils.status == 0, "\(nils.stderr)")
        #expect(nils.stdout == "Du har inte behörighet till någon enhet i PostgreSQL-databasen.\n")

        // The owner reads the whole district, as the file lists it.
        #expect(try Binary.run(["units", "--db", district.owner]).stdout == (try Binary.run(["units", "--db", district.file])).stdout)
    }

    @Test func changingCommandsRefuseInSwedish() throws {
        let district = try District()
        for (arguments, name) in [(["generate", "--units", "2", "--years", "1"], "generate")] {
            let refused = try Binary.run(arguments + ["--db", district.owner])
            #expect(refused.status != 0)
            #expect(refused.stderr.contains("Ändringar i en PostgreSQL-databas stöds ännu inte av vp-tui \(name)."), "\(refused.stderr)")
        }
        // Taken as a file name, the address would have become a file.
        #expect(!FileManager.default.fileExists(atPath: district.owner))
    }
}
