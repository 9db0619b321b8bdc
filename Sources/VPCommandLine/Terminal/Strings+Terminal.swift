import PlanKit

extension Strings {
    /// What the terminal backend says to the person: why the app cannot start in this terminal.
    enum Terminal {
        static func unusableTerminal(_ term: String?) -> String {
            let what: String
            switch term {
            case nil, "": what = "TERM är inte satt, så vp-tui vet inte vilken terminal det är"
            case "dumb"?: what = "Terminalen (TERM=dumb) kan inte flytta markören, så vp-tui kan inte rita sina sidor i den"
            case let term?: what = "Terminaltypen TERM=\(term) är okänd eller kan inte flytta markören"
            }
            return what + ". Starta vp-tui i ett vanligt terminalfönster, eller sätt TERM, till exempel "
                + "\"TERM=xterm-256color vp-tui\". Kommandona (vp-tui export, vp-tui check …) fungerar utan terminal."
        }
    }
}
