import Foundation
import Testing
@testable import PlanKit
@testable import VPApp
import PlanKitTestSupport

/// Next year's plan whose board goals are missing: the line offers Enter's how-to only to those
/// who may start the plan; someone who may only read is told plainly that it cannot be started,
/// and the lines of periods not started offer nothing to them either.
@Suite("The chooser for someone who may only read", .temporaryFolders)
struct ChooserReaderTests {
    static func app(path: String, readOnly: Bool, width: Int = 60, height: Int = 20) throws -> AppController {
        let app = try AppController(store: try PlanStore(path: path, login: "anna", readOnly: readOnly), width: width, height: height)
        _ = app.render()
        app.finishStartup()
        app.waitForBackgroundWork()
        return app
    }

    static func missingRow(_ text: String) -> String? {
        text.split(separator: "\n").map(String.init).first { $0.contains("nämndens mål saknas") }
    }

    @Test("A read-only database: the line says the goals are missing and promises nothing; Enter says it cannot be started",
          arguments: [(80, 24), (60, 20)])
    func readOnlyFile(size: (width: Int, height: Int)) throws {
        let path = try ChooserFixture.database()
        let writer = try Self.app(path: path, readOnly: false, width: size.width, height: size.height)
        #expect(Self.missingRow(writer.render().text)?.contains("(Enter visar hur)") == true)

        #expect(writer.render().text.contains("＋ Starta T1 (Tertialrapport 1)"))
        let reader = try Self.app(path: path, readOnly: true, width: size.width, height: size.height)
        // A period not started is said as such, with nothing offered.
        let screen = reader.render().text
        #expect(!screen.contains("Starta") && !screen.contains("＋"), "\(screen)")
        #expect(screen.contains("T1 (Tertialrapport 1) är inte startad"), "\(screen)")
        let row = try #require(Self.missingRow(screen))
        #expect(row.contains("2022  VP: nämndens mål saknas") && !row.contains("Enter") && !row.contains("…"), "\(row)")
        try ChooserTests.select(reader, containing: "2022  VP: nämndens mål saknas")
        reader.send(.enter)
        #expect(reader.state.chooser.notice == nil && reader.state.modal == nil)
        #expect(reader.state.status == StatusMessage("Skrivskyddad databas: ändringar kan inte sparas. VP 2022 kan inte startas.", isError: true))
        let shown = reader.render().text.replacingOccurrences(of: "\\s+", with: " ", options: .regularExpression)
        #expect(shown.contains("VP 2022 kan inte startas."), "\(shown)")
    }

    @Test("On a server, a login that may only read the unit is told so on Enter, and the line offers nothing")
    func readerOnServer() throws {
        let app = try Self.app(path: try ChooserFixture.database(), readOnly: false, width: 80, height: 24)
        var state = app.state
        state.savesOnServer = true
        state.serverWritableUnits = ["hemtjansten"]
        // The lines are drawn afresh for the rights, which a session does not change.
        state.chooser.lines = ChooserLines()
        let row = try #require(Self.missingRow(View.render(state).text))
        #expect(!row.contains("Enter"), "\(row)")
        let index = try #require(state.chooser.rows.firstIndex { row in
            if case .start(let unit, 2022, .vp) = row { return state.chooser.data.units[unit].unit.id == "resursenheten" }
            return false
        })
        state.chooser.index = index
        let effects = Update.handle(Message.key(.enter), &state)
        #expect(effects.isEmpty && state.chooser.notice == nil)
        #expect(state.status?.text == "Du har bara läsrätt till Resursenheten: VP 2022 kan inte startas.")
    }
}
