import PlanKit

/// The words of `vp-tui carry-over`.
enum CarryOverWords {
    static let command = "Visa vad som fördes över när årets plan startades; placera (--place … --under …) eller släpp (--drop …) det som väntar."
    static let placeHelp = "Posten som ska placeras (id eller titel, som listan visar den)."
    static let underHelp = "Med --place: årets nämndmål som posten placeras under (id eller titel); utan --under godkänns en post att kontrollera."
    static let dropHelp = "Posten som släpps: den följer inte med till årets plan (id eller titel)."
    static let placeOrDrop = "Ange antingen --place eller --drop, inte båda."
    static let placeNeedsUnder = "En post som väntar placeras med --place POST --under NÄMNDMÅL; --place POST ensamt godkänner en post som ska kontrolleras."

    static func nothingCarried(year: Int, unit: String) -> String {
        "Inget fördes över till verksamhetsplanen \(year) för \(unit) (den startades inte från ett tidigare år)."
    }

    static func unknownItem(_ text: String) -> String {
        "Det finns ingen överförd post \"\(text)\"; inget har ändrats. Se listan med \"vp-tui carry-over --unit … --year …\"."
    }

    static func notWaiting(_ title: String) -> String {
        "\"\(title)\" väntar inte på något beslut; inget har ändrats."
    }

    static func closeMatchPlaced(_ title: String) -> String {
        "\"\(title)\" placerades redan under nämndmålet med närmast lydelse; godkänn det med --place utan --under. Inget har ändrats."
    }

    static func cannotDrop(_ title: String) -> String {
        "Bara en post som väntar på att placeras kan släppas; \"\(title)\" gör det inte. Inget har ändrats."
    }

    static func confirmed(_ entry: CarryOverEntry) -> String {
        "Godkände att \(kind(entry.kind).lowercased()) \"\(entry.title)\" står kvar under nämndmålet med närmast lydelse."
    }

    static func kind(_ kind: ItemKind) -> String {
        switch kind {
        case .goal: return "Enhetsmål"
        case .activity: return "Aktivitet"
        case .indicator: return "Indikator"
        }
    }

    static func state(_ entry: CarryOverEntry) -> String {
        switch entry.outcome {
        case .placed: return "Följde med"
        case .placedByCloseWording: return entry.decided ? "Följde med" : "Kontrollera"
        case .needsPlacing: return "Placera"
        case .finished: return "Genomförd, följer inte med"
        case .dropped: return "Släppt"
        }
    }

    /// The list: one line per entry with its id, then the nämndmål to place under while anything waits.
    static func list(_ entries: [CarryOverEntry], plan: PlanDocument, unit: String) -> String {
        let waiting = entries.filter(\.needsDecision).count
        var lines = ["Överfört till verksamhetsplanen \(plan.ref.year) för \(unit): \(entries.count) "
            + (entries.count == 1 ? "post" : "poster") + ", \(waiting) " + (waiting == 1 ? "behöver" : "behöver") + " ett beslut."]
        for entry in entries {
            var line = "- \(state(entry)): \(kind(entry.kind)) \"\(entry.title)\" [\(entry.sourceID)]"
            if let under = entry.placedUnder.flatMap({ plan.items[$0] }) {
                line += " under \"\(under.title(in: .vp))\""
            } else if let old = entry.oldParentTitle, entry.outcome == .needsPlacing {
                line += "; förra året under \"\(old)\""
            }
            lines.append(line)
        }
        if entries.contains(where: { $0.outcome == .needsPlacing && !$0.decided }) {
            lines.append("Årets nämndmål att placera under (--place POST --under NÄMNDMÅL, eller --drop POST):")
            for goal in plan.walk(in: .vp) where goal.level == .boardGoal {
                lines.append("  [\(goal.id)] \(goal.title(in: .vp))")
            }
        }
        return lines.joined(separator: "\n")
    }

    static func placed(_ entry: CarryOverEntry, under goal: String) -> String {
        "Placerade \(kind(entry.kind).lowercased()) \"\(entry.title)\" under nämndmålet \"\(goal)\"."
    }

    static func dropped(_ entry: CarryOverEntry) -> String {
        "Släppte \(kind(entry.kind).lowercased()) \"\(entry.title)\"; den följer inte med (den finns kvar i förra årets plan)."
    }
}
