/// Where each part of the screen goes for a terminal size. Shared by `Update` (which must know
/// how many outline rows are visible) and `View`.
public struct Layout: Equatable, Sendable {
    public static let minWidth = 60
    public static let minHeight = 16
    /// From this width the detail pane stands beside the outline.
    public static let sideBySideWidth = 110

    public var width: Int
    public var height: Int
    /// The compact view: the outline fills the body and no detail pane is drawn.
    public var compact: Bool

    public init(width: Int, height: Int, compact: Bool = false) {
        self.width = width
        self.height = height
        self.compact = compact
    }

    /// The layout the state is drawn in.
    public init(_ state: AppState) {
        self.init(width: state.width, height: state.height, compact: state.compact)
    }

    public var isTooSmall: Bool { width < Self.minWidth || height < Self.minHeight }
    public var isSideBySide: Bool { !compact && width >= Self.sideBySideWidth }
    public var showsDetail: Bool { !compact }

    public var header: Rect { Rect(row: 0, column: 0, height: 1, width: width) }
    public var statusLine: Rect { Rect(row: height - 2, column: 0, height: 1, width: width) }
    public var hintLine: Rect { Rect(row: height - 1, column: 0, height: 1, width: width) }
    /// Everything between the header and the status line.
    public var body: Rect { Rect(row: 1, column: 0, height: height - 3, width: width) }

    public var outline: Rect {
        if compact { return body }
        if isSideBySide {
            return Rect(row: body.row, column: 0, height: body.height, width: outlineWidth)
        }
        return Rect(row: body.row, column: 0, height: outlineHeight, width: width)
    }

    /// The detail pane: right of the outline when wide, below it otherwise.
    public var detail: Rect {
        if isSideBySide {
            let column = outlineWidth + 1
            return Rect(row: body.row, column: column, height: body.height, width: width - column)
        }
        let row = body.row + outlineHeight + 1
        return Rect(row: row, column: 0, height: body.row + body.height - row, width: width)
    }

    /// The line between outline and detail when they are stacked.
    public var divider: Rect {
        if isSideBySide { return Rect(row: body.row, column: outlineWidth, height: body.height, width: 1) }
        return Rect(row: body.row + outlineHeight, column: 0, height: 1, width: width)
    }

    private var outlineWidth: Int { min(72, width * 45 / 100) }
    private var outlineHeight: Int { max(5, body.height * 55 / 100) }
}
