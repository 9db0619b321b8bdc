import PlanKit

extension Strings {
    /// The words of `vp-tui start`, `submit` and `reopen`.
    enum Year {
        static let startCommand = "Starta en period: t1, t2 eller vb i årets plan, eller vp för nästa års plan (enhetens egna mål följer med)."
        static let submitCommand = "Lämna in en rapport. Vägras med listan över det som saknas (slutkod 1) så länge den inte är komplett."
        static let reopenCommand = "Öppna en inlämnad rapport igen för ändringar; skälet sparas i ändringsloggen."
        static let period = "Perioden: t1, t2 eller vb i årets plan; vp startar årets plan från ett tidigare år."
        static let from = "Med --period vp: året vars plan det nya året utgår från (standard: året före)."
        static let reason = "Varför rapporten öppnas igen; skälet sparas i ändringsloggen."
        static let fromOnlyWithVP = "--from gäller bara --period vp."

        /// A plan's line in `vp-tui units`: "2021: VP komplett, T1 pågår, T2 ej påbörjad, VB ej påbörjad".
        static func planStatesLine(year: Int, states: PlanPeriodStates) -> String {
            "\(year): " + Strings.periodStates(states)
        }

        static func startedPeriod(_ started: StartedPeriod, unit: String) -> String {
            let document = "\(Strings.documentName(started.period)) (\(Strings.periodName(started.period))) \(started.ref.year) för \(unit)"
            let skipped = ReportPeriod.allCases.filter { $0.isFollowUp && $0 > started.startsFrom && $0 < started.period }
            let from = started.startsFrom == .vp
                ? "verksamhetsplanen (VP)"
                : "\(Strings.documentName(started.startsFrom).lowercased()) (\(Strings.periodName(started.startsFrom)))"
            let without = skipped.isEmpty ? "" : " (" + skipped.map(Strings.periodName).joined(separator: " och ")
                + (skipped.count == 1 ? " är" : " är") + " inte påbörjad)"
            return "Startade \(document). Den utgår från \(from)\(without); appen visar vid varje rad vad som sades där."
        }

        static func startedYear(_ started: StartedYear, unit: String) -> String {
            let carried = started.entries.filter { $0.placedID != nil }.count
            let open = started.entries.filter(\.needsDecision).count
            var lines = ["Startade verksamhetsplanen \(started.ref.year) för \(unit) från \(started.fromYear): "
                + "\(carried) \(carried == 1 ? "post följde med" : "poster följde med"), \(open) behöver ett beslut."]
            lines += started.entries.map(carryLine)
            return lines.joined(separator: "\n")
        }

        static func kind(_ kind: ItemKind) -> String {
            switch kind {
            case .goal: return "Enhetsmål"
            case .activity: return "Aktivitet"
            case .indicator: return "Indikator"
            }
        }

        static func carryLine(_ entry: CarryOverEntry) -> String {
            let what = "\(kind(entry.kind)) \"\(entry.title)\""
            let parent = entry.oldParentTitle.map { "\"\($0)\"" } ?? "nämndmålet"
            switch entry.outcome {
            case .placed:
                return "- Följde med: \(what), under samma nämndmål \(parent)."
            case .placedByCloseWording:
                return "- Kontrollera: \(what) placerades under nämndmålet med närmast lydelse (förra året \(parent))."
            case .needsPlacing:
                return "- Placera: \(what); inget nämndmål i år liknar \(parent). Posten väntar på att placeras."
            case .finished:
                return "- Genomförd, följer inte med: \(what)."
            case .dropped:
                return "- Släppt: \(what)."
            }
        }

        static func submitted(_ handIn: HandIn, unit: String) -> String {
            "Lämnade in \(Strings.documentName(handIn.period)) \(handIn.ref.year) för \(unit) (av \(handIn.login), \(Strings.localTime(handIn.at))). "
                + "Den är nu låst; \"vp-tui reopen\" öppnar den igen."
        }

        static func reopened(_ period: ReportPeriod, year: Int, unit: String) -> String {
            "Öppnade \(Strings.documentName(period)) \(year) för \(unit) igen; skälet står i ändringsloggen."
        }
    }
}
