/// The channels on which the server announces a plan's changes (`NOTIFY`), so that each session
/// hears only the plans it may read. One channel for all would send every save in the city to
/// every open session, whose process wakes for it: work growing with the square of the
/// sessions (`Benchmarks/load.sh` with `LISTEN=1` measures it).
///
/// A change of a plan is announced twice, with the payload `UNIT/YEAR` (or the sessions'
/// `sessions:UNIT/YEAR`): on its unit's channel, which the sessions that may read the unit
/// listen to, and on `all`, which only a session that may read every unit (the owner) listens to.
/// A board's cascade changed by an import is announced for each of its plans as
/// `cascade:UNIT/YEAR`: the board's own rows, which a unit's change never touches, are then read
/// again with the plan.
public enum PostgresChannels {
    /// The payload's prefix of a plan whose board's cascade changed.
    public static let cascadePrefix = "cascade:"

    /// Every plan's changes, for a login that row-level security does not bind.
    public static let all = "vp_tui_changes"

    /// The channel of one unit's plans: a name of the server's identifier length whatever the
    /// unit's id, from a hash of the id (FNV-1a, 64 bits). Two units that share a channel only
    /// hear each other's changes, which the payload tells apart.
    public static func unit(_ unitID: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in unitID.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return "vp_tui_unit_" + String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// The channels a session listens to: its units' (those it may read or change), or `all`
    /// when it may read every unit (nil).
    public static func listened(units: Set<String>?) -> [String] {
        guard let units else { return [all] }
        return Array(Set(units.map(unit))).sorted()
    }

    /// The announcement of a plan's change, with the unit's channel, the payload and the unit in
    /// the statement's parameters `channel`, `payload` and `unit` (for example "$1", "$2", "$3"):
    /// notified on the unit's channel and on `all` when another connection listens to the unit
    /// (`PostgresAudience`).
    static func notify(channel: String, payload: String, unit: String) -> String {
        "vp_announce(\(channel), \(payload), \(unit))"
    }

    /// Announces `payload` about a plan of `unit`, on the unit's channel and on `all`, in the
    /// transaction the link is in, when another connection listens to the unit.
    static func announce(_ payload: String, unit: String, on link: PostgresLink) throws {
        try link.run("SELECT " + notify(channel: "$1", payload: "$2", unit: "$3"), [.text(Self.unit(unit)), .text(payload), .text(unit)])
    }

    /// Announces each payload about a plan of its unit, as `announce` does, in one statement.
    static func announce(_ plans: [(payload: String, unit: String)], on link: PostgresLink) throws {
        guard !plans.isEmpty else { return }
        try link.run("""
            SELECT \(notify(channel: "channel", payload: "payload", unit: "unit"))
            FROM unnest($1::text[], $2::text[], $3::text[]) AS plan(channel, payload, unit)
            """, [.text(arrayLiteral(plans.map { Self.unit($0.unit) })), .text(arrayLiteral(plans.map(\.payload))),
                  .text(arrayLiteral(plans.map(\.unit)))])
    }

    /// Listens on the link to the channels of `units` (nil: every unit), calling `heard` with
    /// each notification's payload and sender, and tells the server that the link listens to
    /// them, so that their changes are announced (`PostgresAudience`). The changes of the units
    /// committed from here on are heard; what the caller reads afterwards holds those before.
    public static func listen(units: Set<String>?, on link: PostgresLink,
                              _ heard: @escaping @Sendable (_ payload: String, _ senderProcess: Int32) -> Void) throws {
        let channels = listened(units: units)
        for channel in channels { link.listen(channel, heard) }
        try link.waitForListening(Set(channels))
        try link.run("SELECT vp_listen($1::text[])", [.text(arrayLiteral(units.map { $0.sorted() } ?? [PostgresAudience.everyUnit]))])
    }

    /// Tells the server that the link listens to nothing any more: its changes no longer
    /// announced for it.
    public static func stopListening(on link: PostgresLink) throws {
        try link.run("SELECT vp_listen('{}')")
    }

    /// A text array in PostgreSQL's literal form, every element quoted.
    static func arrayLiteral(_ elements: [String]) -> String {
        "{" + elements.map { "\"" + $0.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\"" }
            .joined(separator: ",") + "}"
    }
}
