import Foundation
import PlanKitTestSupport
import Testing

/// Planning the VP in a real terminal at 80×24: an own indicator, an activity's dates (a
/// refused 2021-02-30 first), one of the board's activities declined and a section of the
/// unit's own; then the exported Markdown says all of it.
@Suite("Planning the VP in tmux", .serialized, .temporaryFolders)
struct PlanningTmuxTests {
    let directory = Binary.temporaryDirectory()

    @Test("Indicator, dates, a declined board activity and an own section, at 80×24, in the exported plan")
    func planTheVP() throws {
        let database = directory.appendingPathComponent("plan.sqlite").path
        try Binary.makeSamples(database)
        let app = try TmuxSession(command: "env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color USER=testare '\(Binary.url.path)' "
                                  + "--db '\(database)' --unit Resursenheten --year 2021 --period vp",
                                  home: directory.appendingPathComponent("home"), width: 80, height: 24)
        try app.waitFor("Resursenheten · Verksamhetsplan 2021 (VP)")
        func find(_ text: String) throws {
            try app.send("/")
            try app.type(text)
            try app.send("Enter")
            try app.waitFor("Träff 1 av")
        }

        // An own indicator under the own enhetsmål.
        try find("Gruppen är en tillgång där varje barn")
        try app.send("i")
        try app.waitFor("Ny indikator, namn:")
        try app.type("Nöjda vårdnadshavare")
        try app.send("Enter")
        try app.waitFor("Typ av årsmål")
        try app.send("Enter")
        try app.waitFor("Årsmål (tal):")
        try app.type("85 %")
        try app.send("Enter")
        try app.waitFor("Enhet (%, st, kr")
        try app.send("Enter")
        try app.waitFor("Halvår")
        try app.send("Up", "Enter")
        try app.waitFor("Högre är bättre")
        try app.send("Enter")
        try app.waitFor("Indikator: Nöjda vårdnadshavare")

        // An own activity's dates: an impossible date is refused, the prompt stays open.
        try find("mäta antalet besökare")
        try app.send("T")
        try app.waitFor("Startdatum (ÅÅÅÅ-MM-DD): 2021-01-01")
        try app.send("C-u")
        try app.type("2021-02-30")
        try app.send("Enter")
        try app.waitFor("\"2021-02-30\" är inget datum")
        try app.send("C-u")
        try app.type("2021-03-01")
        try app.send("Enter")
        try app.waitFor("Slutdatum (ÅÅÅÅ-MM-DD): 2021-12-31")
        try app.send("C-u")
        try app.type("2021-06-30")
        try app.send("Enter")
        try app.waitFor("Sparat: 2021-03-01 – 2021-06-30")

        // One of the board's activities is not followed up by the unit.
        try find("introduktionsförskola ska arbeta uppsökande")
        try app.send("f")
        try app.waitFor("Följs inte upp av enheten")

        // A section of the unit's own after the template's, with its text.
        try app.send("End")
        try app.send("+")
        try app.waitFor("Nytt eget avsnitt, rubrik:")
        try app.type("Samverkan med skolan")
        try app.send("Enter")
        try app.waitFor("lades till")
        try app.send("Enter")
        try app.waitFor("Samverkan med skolan")
        try app.type("Vi träffar skolans lärare varje termin.")
        try app.send("Escape")
        try app.waitFor("Sparat")
        try app.send("q")
        #expect(app.waitUntilExited())

        let export = try Binary.run(["export", "--unit", "resursenheten", "--year", "2021", "--period", "vp",
                                     "--format", "markdown", "--db", database])
        #expect(export.status == 0)
        let markdown = export.stdout
        let indicatorRow = markdown.split(separator: "\n").first { $0.contains("Nöjda vårdnadshavare") }
        #expect(indicatorRow?.contains("85 %") == true && indicatorRow?.contains("Halvår") == true, "\(markdown)")
        let activityRow = markdown.split(separator: "\n").first { $0.contains("mäta antalet besökare") }
        #expect(activityRow?.contains("2021-03-01") == true && activityRow?.contains("2021-06-30") == true, "\(markdown)")
        #expect(markdown.contains("introduktionsförskola ska arbeta uppsökande riktat till nyanlända föräldrar (följs inte upp av enheten)"))
        let section = try #require(markdown.range(of: "# Samverkan med skolan"))
        let template = try #require(markdown.range(of: "# Övrigt", options: .backwards))
        #expect(template.upperBound <= section.lowerBound)
        #expect(markdown[section.upperBound...].contains("Vi träffar skolans lärare varje termin."))
    }
}
