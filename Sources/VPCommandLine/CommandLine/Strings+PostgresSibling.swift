import PlanKit

/// The words said when `vp-tui-postgres`, which opens PostgreSQL databases, cannot be started.
extension Strings {
    enum PostgresSibling {
        static func missing(_ path: String) -> String {
            "PostgreSQL-databaser öppnas av vp-tui-postgres, som ska ligga i samma mapp som vp-tui, men \(path) finns inte. "
                + "Bygg det med \"swift build --product vp-tui-postgres\" (i release: \"swift build -c release --product vp-tui-postgres\")."
        }

        static func notStarted(_ path: String, _ reason: String) -> String {
            "PostgreSQL-databaser öppnas av vp-tui-postgres, men \(path) kunde inte startas: \(reason)"
        }
    }
}
