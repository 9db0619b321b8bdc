import PlanKit

/// The keys of the plan page (the outline with its details), which the detail page shares.
/// The order is the help page's; `Hint.place` orders the hint line.
enum PlanKeys {
    static let table = KeyTable([
        // Moving
        Binding([.up, .down, .character("k"), .character("j")], .move, "Flytta upp och ned",
                hint: Hint("↑↓", "Flytta", place: 0, givesWay: 3)) { key, state in
            Update.move(by: key == .up || key == .character("k") ? -1 : 1, &state); return []
        },
        Binding([.pageUp, .pageDown], .move, "En skärm upp eller ned") { key, state in
            let page = max(1, Update.visibleOutlineRows(state) - 1)
            Update.move(by: key == .pageUp ? -page : page, &state); return []
        },
        Binding([.home, .end], .move, "Först eller sist") { key, state in
            Update.select(key == .home ? state.rows.first?.target : state.rows.last?.target, &state); return []
        },
        Binding([.left, .right], .move, "Fäll ihop eller fäll ut, gå till överordnad") { key, state in
            if key == .left { Update.foldOrGoToParent(&state) } else { Update.unfold(&state) }
            return []
        },
        Binding([.character(" ")], .move, "Fäll ihop eller ut") { _, state in Update.toggleFold(&state); return [] },
        Binding([.character("n"), .character("N")], .move, "Nästa eller föregående sak som saknas för perioden",
                hint: Hint("n", "Saknas", place: 3, givesWay: 1)) { key, state in
            Update.jumpToMissing(forward: key == .character("n"), &state); return []
        },
        Binding([.character("/")], .move, "Sök i alla rubriker och texter", hint: Hint("/", "Sök", place: 2, givesWay: 2)) { _, state in
            state.modal = .prompt(Prompt(kind: .search, text: "")); return []
        },
        Binding([.character("."), .character(",")], .move, "Nästa eller föregående sökträff") { key, state in
            Update.stepSearch(by: key == .character(".") ? 1 : -1, &state); return []
        },
        Binding([.character("o")], .move, "Översikt: vad som saknas per målområde") { _, state in
            Update.openOverview(&state); return []
        },
        Binding([.character("d")], .move, "Visa den markerade radens detaljer på hela skärmen") { _, state in
            state.detailScroll = 0
            state.page = .detail
            return []
        },
        Binding([.character("D")], .move,
                "Kompakt visning på eller av: utan detaljruta, raden markerad med en pil (minst att skicka över en långsam förbindelse)") { _, state in
            Update.toggleCompact(&state); return []
        },
        Binding([.character("t")], .move, "Byt enhet, år eller period, eller starta nästa period") { _, state in
            Update.openChooser(&state)
        },

        // Following up
        Binding([.enter], .followUp, "Öppna: redigera texten, utfallet eller avsnittet",
                hint: Hint("Enter", "Öppna", place: 1), changesReport: true) { _, state in Update.openMainText(&state) },
        Binding([.character("e")], .followUp, "Skriv analysen för perioden", hint: Hint("e", "Analys"),
                changesReport: true, when: Rules.analysis) { _, state in Update.openAnalysis(&state) },
        Binding([.character("1"), .character("2"), .character("3"), .character("0")], .followUp,
                "Bedöm enhetsmålet: helt, delvis, inte, ingen bedömning", hint: Hint("1/2/3/0", "Bedöm"),
                changesReport: true, when: Rules.rating) { key, state in
            let ratings: [Character: Rating?] = ["1": .fully, "2": .partly, "3": .not, "0": nil]
            guard case .character(let digit) = key, let rating = ratings[digit] else { return [] }
            return Update.rate(rating, &state)
        },
        Binding([.character("b")], .followUp, "Välj bedömning i en lista", changesReport: true, when: Rules.rating) { _, state in
            Update.openRatingPicker(&state); return []
        },
        Binding([.character("g"), .character("a"), .character("p")], .followUp,
                "Aktiviteten: genomförd, avvikelse (med analys), pågår", hint: Hint("g/a/p", "Status"),
                changesReport: true, when: Rules.status) { key, state in
            let statuses: [KeyEvent: ActivityStatus] = [.character("g"): .done, .character("a"): .deviation, .character("p"): .ongoing]
            return statuses[key].map { Update.setStatus($0, &state) } ?? []
        },
        Binding([.character("s")], .followUp, "Välj status i en lista (även ej påbörjad)", changesReport: true, when: Rules.status) { _, state in
            Update.openStatusPicker(&state); return []
        },
        Binding([.character("v")], .followUp, "Skriv indikatorns utfall", hint: Hint("v", "Utfall"),
                changesReport: true, when: Rules.outcome) { _, state in Update.openOutcomePrompt(&state); return [] },
        Binding([.character("u"), .control("r")], .followUp, "Ångra eller gör om den senaste ändringen",
                hint: Hint("u", "Ångra", place: 4, givesWay: 0), changesReport: true) { key, _ in
            key == .character("u") ? [.undo] : [.redo]
        },
        Binding([.character("K")], .followUp, "Kopiera förra periodens analys som utgångspunkt (läggs efter en text som redan finns)",
                hint: Hint("K", "Kopiera förra"), changesReport: true, when: YearRules.copyAnalysis) { _, state in Update.copyPreviousAnalysis(&state) },
        Binding([.character("L")], .followUp, "Lämna in rapporten (j/n); visar det som saknas så länge den inte är komplett. En inlämnad öppnas igen, med ett skäl") { _, state in
            Update.askHandIn(&state); return []
        },
        Binding([.character("x")], .followUp, "Skriv periodens rapport (Markdown) bredvid databasen") { _, state in
            [.exportReport(path: Update.defaultExportPath(state), mayReplace: false)]
        },
        Binding([.character("X")], .followUp, "Skriv rapporten till en sökväg du anger") { _, state in
            state.modal = .prompt(Prompt(kind: .exportPath, text: Update.defaultExportPath(state))); return []
        },
        Binding([.escape], .followUp, "Ta bort meddelandet i statusraden; tillbaka till nämndens tabell eller sammanställning om enheten öppnades där") { _, state in
            if state.openedFromBoard, state.board != nil { state.page = state.openedFromRollup && state.rollup != nil ? .rollup : .board }
            state.status = nil
            return []
        },

        // In the plan (VP)
        Binding([.character("+")], .plan, "Nytt enhetsmål under nämndmålet, ny aktivitet under enhetsmålet, eller eget avsnitt (på en avsnittsrad)",
                hint: Hint("+", "Ny"), changesReport: true, when: Rules.add) { _, state in Update.add(&state) },
        Binding([.character("r")], .plan, "Byt namn på eget mål, egen aktivitet eller eget avsnitt", hint: Hint("r", "Byt namn"),
                changesReport: true, when: Rules.rename) { _, state in Update.rename(&state) },
        Binding([.delete], .plan, "Ta bort eget mål, egen aktivitet eller eget avsnitt (u ångrar)", hint: Hint("Delete", "Ta bort"),
                changesReport: true, when: Rules.delete) { _, state in
            Update.askDelete(&state)
        },

        Binding([.character("F")], .plan, "Det som fördes över från förra året: placera eller släpp det som väntar",
                hint: Hint("F", Strings.App.carryOverHint), when: YearRules.carryOver) { _, state in Update.openCarryOver(&state); return [] },
    ] + PlanningKeys.bindings + [

        // Other
        Binding([.character("?")], .other, "Den här hjälpen", hint: Hint("?", "Hjälp", place: 5)) { _, state in
            Update.openHelp(&state); return []
        },
        Binding([.character("q"), .control("c")], .other, "Avsluta (allt är redan sparat)",
                hint: Hint("q", "Avsluta", place: 6)) { _, _ in [.quit] },
    ])
}
