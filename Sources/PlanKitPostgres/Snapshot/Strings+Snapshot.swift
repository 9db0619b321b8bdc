import PlanKit

extension Strings {
    public enum Snapshot {
        static func error(_ error: SnapshotError) -> String {
            switch error {
            case .notPermitted(let organisation):
                "Du har inte behörighet till \(kind(organisation.kind)) ”\(organisation.name)” [\(organisation.id)] i PostgreSQL-databasen."
            }
        }

        static func kind(_ kind: OrganisationKind) -> String {
            switch kind {
            case .unit: "enheten"
            case .department: "avdelningen"
            case .board: "nämnden"
            case .city: "staden"
            }
        }
    }
}
