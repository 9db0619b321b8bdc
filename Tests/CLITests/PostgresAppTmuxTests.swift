import Foundation
import PlanKitTestSupport
import PostgresTestSupport
import Testing

/// The app on a PostgreSQL database in a real terminal at 80×24 with an empty HOME: it lists
/// only the plans the login may read, and refuses a unit the login may not read by name.
@Suite(.throwawayPostgres, .serialized, .temporaryFolders) struct PostgresAppTmuxTests {
    static func app(_ arguments: String, home: URL) throws -> TmuxSession {
        // The pane stays after the app ends, so that its message and exit status can be read.
        let command = "env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color USER=testare '\(Binary.url.path)' \(arguments); "
            + "echo \"utgång $?\"; sleep 600"
        return try TmuxSession(command: command, home: home, width: 80, height: 24)
    }

    @Test func chooserListsOnlyTheGrantedPlanAndOpensIt() throws {
        let district = try PostgresReadingTests.District()
        try district.grant("anna", "--unit", PostgresReadingTests.lyktan)
        let home = district.folder.appendingPathComponent("home")
        let url = district.url("anna")

        let chooser = try Self.app("--db '\(url)'", home: home)
        let screen = try chooser.waitFor("Förskolan Lyktan", timeout: 20)
        #expect(screen.contains("Välj enhet, år och period"), "\(screen)")
        #expect(!screen.contains("Myran") && !screen.contains("Liseberg"), "\(screen)")
        try chooser.send("C-c")
        try chooser.waitFor("utgång ", timeout: 20)

        let plan = try Self.app("--db '\(url)' --unit \(PostgresReadingTests.lyktan) --year 2021 --period t1", home: home)
        let opened = try plan.waitFor("Förskolan Lyktan · Tertialrapport 1 2021 (T1)", timeout: 20)
        // The unit's writer may change it: no word of read-only (PostgresSavingTmuxTests saves).
        #expect(!opened.contains("kan inte sparas") && !opened.contains("Läsrätt"), "\(opened)")
        try plan.send("q")
        try plan.waitFor("utgång 0", timeout: 20)
        // Nothing remembered or made under HOME: the plans were only read.
        #expect(try FileManager.default.subpathsOfDirectory(atPath: home.path) == [])
    }

    @Test func unitNotGrantedIsRefusedByName() throws {
        let district = try PostgresReadingTests.District()
        try district.grant("anna", "--unit", PostgresReadingTests.lyktan)
        let home = district.folder.appendingPathComponent("home")
        let app = try Self.app("--db '\(district.url("anna"))' --unit \(PostgresReadingTests.myran)", home: home)
        let screen = try app.waitFor("utgång 2", timeout: 20)
        #expect(screen.contains("Du har inte behörighet till enheten ”Förskolan Myran”"), "\(screen)")
    }

    @Test func serverDownSaysSoAndWritesNothing() throws {
        let folder = Binary.temporaryDirectory()
        let home = folder.appendingPathComponent("home")
        let app = try Self.app("--db 'postgresql:///plan?host=\(folder.path)'", home: home)
        let screen = try app.waitFor("utgång 2", timeout: 20)
        #expect(screen.contains("Databasservern på"), "\(screen)")
        #expect(try FileManager.default.subpathsOfDirectory(atPath: home.path) == [])
    }
}
