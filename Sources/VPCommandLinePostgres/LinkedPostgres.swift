import PlanKitPostgres
import VPCommandLine

/// The command line's PostgreSQL commands (`PostgresCommands`) on the PostgreSQL client that
/// this module links; `vp-tui-postgres` installs them.
public struct LinkedPostgres: PostgresCommands {
    public init() {}

    /// Makes the command line use PostgreSQL from this process instead of handing it over.
    public static func install() {
        PostgresHook.installed = LinkedPostgres()
    }
}
