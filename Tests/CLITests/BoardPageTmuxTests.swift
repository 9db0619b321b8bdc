import Foundation
import PlanKitTestSupport
import Testing

/// The board's status table in a real terminal: from the chooser to the board, filter, sort,
/// open a unit and come back to the table where it was.
@Suite("The board page in tmux", .serialized, .temporaryFolders)
struct BoardPageTmuxTests {
    let directory = Binary.temporaryDirectory()

    @Test("Filter, sort, open a unit and come back, at 80×24 and 120×40", arguments: [(80, 24), (120, 40)])
    func boardPage(width: Int, height: Int) throws {
        let database = directory.appendingPathComponent("distrikt-\(width).sqlite").path
        #expect(try Binary.run(["generate", "--units", "6", "--years", "1", "--seed", "4", "--db", database]).status == 0)
        // What the table must show, as the command line reports it.
        let status = try JSONSerialization.jsonObject(with: Data(try Binary.run(
            ["status", "--namnd", "hagersten-alvsjo", "--year", "2021", "--period", "vb", "--format", "json", "--db", database]).stdout.utf8))
        let lines = try #require((status as? [String: Any])?["lines"] as? [[String: Any]])
        let names = lines.map { $0["unit"] as! String }
        let mostGaps = try #require(lines.max { ($0["gaps"] as! Int, $1["unit"] as! String) < ($1["gaps"] as! Int, $0["unit"] as! String) })

        let home = directory.appendingPathComponent("home-\(width)")
        let app = try TmuxSession(command: "env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color USER=testare "
                                  + "'\(Binary.url.path)' --db '\(database)'", home: home, width: width, height: height)
        try app.waitFor("Välj enhet, år och period")
        // The first unit's first year, in the order of the year: VP, T1, T2, VB. Ctrl-N opens the
        // board's table for the period selected.
        try app.send("Down", "Down", "Down")
        try app.send("C-n")
        try app.waitFor("Hägersten-Älvsjö stadsdelsnämnd · Verksamhetsberättelse 2021 (VB)")
        // The whole table drawn: its key hints are on the last line.
        var screen = try app.waitFor("Tab Sortera")
        // The names come first, the counts after them.
        screen = try app.waitFor(" klara · ", timeout: 20)
        #expect(screen.contains("Saknas"))
        let visible = names.filter { name in screen.contains(String(name.prefix(12))) }
        #expect(visible.count == min(names.count, height - 7), "\(screen)")

        // Sorted by gaps: the unit with the most gaps heads the table.
        try app.send("Tab")
        screen = try app.waitFor("Sorterat efter antal saknade")
        let tableLines = screen.split(separator: "\n").drop { !$0.contains("Saknas") }.dropFirst()
        #expect(tableLines.first?.contains(String((mostGaps["unit"] as! String).prefix(12))) == true, "\(screen)")

        // Typing filters: only the units whose name or department matches stay.
        let target = try #require(names.first { $0.hasPrefix("Förskol") } ?? names.first)
        let word = String(target.split(separator: " ").last!)
        try app.type(word)
        screen = try app.waitFor("filter \"\(word)\"")
        // Sorted by gaps, most first, then by name, as the table is.
        let matching = lines.filter { ($0["unit"] as! String).lowercased().contains(word.lowercased()) }
            .sorted { (-($0["gaps"] as! Int), $0["unit"] as! String) < (-($1["gaps"] as! Int), $1["unit"] as! String) }
            .map { $0["unit"] as! String }
        #expect(screen.contains("\(matching.count) visas"), "\(screen)")
        for name in names where !matching.contains(name) {
            #expect(!screen.contains(String(name.prefix(12))), "\(name) is shown through the filter")
        }

        // Enter opens the unit's report; Esc comes back to the filtered table. The header names
        // the plan behind the table too, so the report is there once the table has gone.
        try app.send("Enter")
        screen = try Self.waitUntil(app, "the report of \(matching[0])") {
            // The header's title in its short form where the whole one does not fit beside the count.
            ($0.contains("\(matching[0]) · Verksamhetsberättelse 2021 (VB)") || $0.contains("\(matching[0]) · VB 2021"))
                && !$0.contains("Sorterat efter")
        }
        try app.send("Escape")
        screen = try app.waitFor("filter \"\(word)\"", timeout: 20)
        #expect(screen.contains("Sorterat efter ant"))
        // Ctrl-R: the roll-up of the board for the period; Tab goes to the first nämndmål; Esc
        // comes back to the table as it was.
        try app.send("C-r")
        try app.waitFor("Sammanställning verksamhetsberättelse 2021 – Hägersten-Älvsjö stadsdelsnämnd", timeout: 20)
        try app.send("Tab")
        screen = try app.waitFor("Nämndmål 1 av", timeout: 20)
        #expect(screen.contains("Nämndmål: "))
        try app.send("Escape")
        screen = try app.waitFor("filter \"\(word)\"", timeout: 20)
        #expect(screen.contains("Sorterat efter ant"))
        // Esc clears the filter, then goes back to the chooser.
        try app.send("Escape")
        screen = try app.waitFor("saknas · Sorterat efter")
        #expect(screen.contains("av \(names.count) klara"))
        try app.send("Escape")
        try app.waitFor("Välj enhet, år och period")
        try app.send("C-c")
        #expect(app.waitUntilExited())
    }

    /// Polls the screen until `condition` holds (a key has taken effect), for up to 20 s.
    static func waitUntil(_ app: TmuxSession, _ what: String, condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(20)
        var last = ""
        while Date() < deadline {
            last = try app.screen()
            if condition(last) { return last }
            Thread.sleep(forTimeInterval: 0.05)
        }
        Issue.record("the screen never showed \(what); it showed:\n\(last)")
        throw FixtureError.timedOut
    }

    enum FixtureError: Error { case timedOut }
}
