/// Plans that another session changed on the server, for the chooser: their period states are
/// read again, and the list too when a plan came or its periods changed.
public struct ChangedPlans: Equatable, Sendable {
    public var plans: Set<PlanRef>
    /// A plan came, went or had its periods or board changed: the list is arranged again.
    public var listChanged: Bool

    public init(plans: Set<PlanRef>, listChanged: Bool) {
        self.plans = plans
        self.listChanged = listChanged
    }
}
