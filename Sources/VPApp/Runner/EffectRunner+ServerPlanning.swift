import PlanKit

/// Planning's effects on a server: the same change as in a file (`make`), made through
/// `PlanServer`, which brings the store, its copy, to the server's state before the screen is
/// told.
extension EffectRunner {
    func runOnServer(_ effect: PlanningEffect, _ state: AppState, _ server: any PlanServer) throws -> [Message] {
        let ref = try ref(state)
        let added = try server.change(ref) { try Self.make(effect, in: ref, on: $0) }
        return try planned(effect, added: added, state)
    }
}
