/// The columns of a table read by the name in one of its columns, and their widths for a width
/// of screen. The name gets the room for the longest name first (up to a cap); a second column
/// of text beside it (what the name belongs to) gets the rest, and gives back to a name longer
/// than the cap the room its own longest does not need. When the screen is too narrow for a
/// layout, the next one is tried: each of `layouts` has fewer or narrower columns than the one
/// before, and the last is taken whatever the width.
public struct TableColumns<Column: Hashable>: Equatable {
    /// The columns shown, in order, with their widths.
    public let shown: [(column: Column, width: Int)]

    /// The blank columns between two columns.
    public static var gap: Int { 2 }
    static var nameMinimum: Int { 10 }
    /// Longer names than this are cut even on a wide screen while the other column of text
    /// needs the room.
    static var nameMaximum: Int { 40 }
    static var groupMinimum: Int { 14 }

    /// `longestName` and `longestGroup`: the display widths of the longest texts of the two
    /// columns of text, their heads included; `longestGroup` nil: the group takes whatever the
    /// name leaves. `fixed`: the widths of every other column.
    public init(width: Int, layouts: [[Column]], name: Column, longestName: Int, group: Column, longestGroup: Int? = nil,
                fixed: [Column: Int]) {
        let whole = max(longestName, Self.nameMinimum)
        let wanted = min(whole, Self.nameMaximum)
        for (index, columns) in layouts.enumerated() {
            let rest = width - columns.compactMap { fixed[$0] }.reduce(0, +) - Self.gap * (columns.count - 1)
            let withGroup = columns.contains(group)
            guard rest >= wanted + (withGroup ? Self.groupMinimum : 0) || index == layouts.count - 1 else { continue }
            var nameWidth = max(Self.nameMinimum, rest)
            var groupWidth = 0
            if withGroup {
                nameWidth = min(wanted, rest - Self.groupMinimum)
                if let longestGroup {
                    nameWidth = max(nameWidth, min(whole, rest - max(longestGroup, Self.groupMinimum)))
                }
                groupWidth = rest - nameWidth
            }
            shown = columns.map { column in
                (column, column == name ? nameWidth : column == group ? groupWidth : fixed[column] ?? 0)
            }
            return
        }
        shown = []
    }

    public static func == (lhs: TableColumns, rhs: TableColumns) -> Bool {
        lhs.shown.map(\.column) == rhs.shown.map(\.column) && lhs.shown.map(\.width) == rhs.shown.map(\.width)
    }

    /// The width from the column at `index` to the table's end: where a cell may run on over
    /// the columns after it.
    public func widthFrom(_ index: Int) -> Int {
        shown[index...].map(\.width).reduce(0, +) + Self.gap * (shown.count - index - 1)
    }
}
