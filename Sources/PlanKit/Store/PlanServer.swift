/// The server that holds the plans of which the app's store is a local copy (the city's
/// PostgreSQL database). Single fields are saved there through `FieldSaving`; after each change
/// the copy of that plan is brought to the server's state, so that the screen shows what was
/// saved and the revisions the next change is checked against are the server's. The copy is
/// never changed on its own: it is only ever the server's state.
///
/// Kept in PlanKit so that the app (VPApp) saves through it without linking the PostgreSQL
/// client, which only the program that opens a server links.
public protocol PlanServer: PlanServerDrafts {
    /// Who the changes are logged as.
    var login: String { get }

    /// The server and database, never with a password: what is kept on this computer about
    /// one database (drafts) is offered there only.
    var database: String { get }

    /// The units whose plans the login may change; nil: every unit.
    var writableUnits: Set<String>? { get }

    /// The organisations whose plans the login may read (its units among them); nil: every one.
    var readableUnits: Set<String>? { get }

    /// Runs one change against the server, then brings the copy of `plan` to the server's
    /// state, also when the change is refused (a stale revision then shows the other's value).
    /// Throws the change's error, or the server's (lost, refused) in Swedish.
    @discardableResult
    func change<T>(_ plan: PlanRef, _ body: (FieldSaving) throws -> T) throws -> T

    /// The plan the app shows (nil: none): others' changes to it are read into the copy in the
    /// background, as the server announces them.
    func watch(_ plan: PlanRef?)

    /// Whether others' changes to the watched plan came into the copy since last asked.
    func takeOthersChanged() -> Bool

    /// What became of the connection since last asked: lost, or back after being lost; nil when
    /// nothing changed. Never waits for the network.
    func takeConnectionNews() -> ServerConnectionNews?

    /// Whether the connection is known to be lost now.
    var isLost: Bool { get }

    // Who-is-editing: this app's entry among a plan's open sessions on the server, kept alive
    // and read in the background, so that none of it waits for the network at a key.

    /// This app has `plan` open (nil: none): listed among its open sessions when the login may
    /// change the plan, and the others in it read.
    func showSession(in plan: PlanRef?)
    /// Says this app's session is still there and reads the others again.
    func sessionHeartbeat()
    /// On the way out: this app's entry removed, waiting for the server a moment at most.
    func endSession()
    /// The others with the plan open, as last read; never waits.
    var otherSessions: [OpenSession] { get }
    /// Whether `otherSessions` changed since last asked.
    func takeOtherSessionsChanged() -> Bool

    // What the app shows, read when it is shown (PlanServer+Reading.swift): the copy holds the
    // organisation, the list of plans and the boards' goals from the start, a plan's own rows
    // once it is opened, and a board's plans once its table is.

    /// Makes sure the copy holds the whole plan, reading it now when it does not or when others
    /// changed it since. Throws the server's error in Swedish.
    func bringIn(_ plan: PlanRef) throws
    /// Makes sure the copy holds every plan of a board's year as the server does, for its table
    /// and roll-up: read now unless read since the last change heard or saved.
    func bringIn(board: String, year: Int) throws
    /// The states of the plans' periods as the server holds them now.
    func periodStates(_ plans: [PlanRef]) throws -> [PlanRef: PlanPeriodStates]
    /// Whether the chooser is on the screen: plans others change are then read into its list
    /// as the server announces them (else once it is shown again).
    func showChooser(_ shown: Bool)
    /// The plans others changed whose rows in the list were read since last asked; nil: none.
    func takeChangedPlans() -> ChangedPlans?
}

/// A change in the connection to the server, for the person to be told.
public enum ServerConnectionNews: Equatable, Sendable {
    case lost
    case back
}
