import PlanKit

/// The keys of the detail page: scrolling and back; every other key works as on the plan page,
/// on the line shown.
enum DetailKeys {
    static let table = KeyTable([
        Binding([.up, .character("k")]) { _, state in state.detailScroll = max(0, state.detailScroll - 1); return [] },
        Binding([.down, .character("j")]) { _, state in
            state.detailScroll = View.clampedDetailScroll(state, to: state.detailScroll + 1); return []
        },
        Binding([.pageUp]) { _, state in state.detailScroll = max(0, state.detailScroll - (state.height - 4)); return [] },
        Binding([.pageDown, .character(" ")]) { _, state in
            state.detailScroll = View.clampedDetailScroll(state, to: state.detailScroll + state.height - 4); return []
        },
        Binding([.escape, .character("d"), .left]) { _, state in state.page = .plan; return [] },
    ])
}
