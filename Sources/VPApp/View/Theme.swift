import PlanKit

/// The styles and marks of the app, for colour or monochrome and for UTF-8 or ASCII terminals.
public struct Theme: Sendable {
    public var colors: Bool
    public var unicode: Bool

    public init(colors: Bool, unicode: Bool) {
        self.colors = colors
        self.unicode = unicode
    }

    // In colour, marks and keys stand out by their colour alone, not also in bold: a terminal
    // is told "bold off" only by resetting every attribute and colour, which made each move of
    // the selection send that reset for every mark and key hint on the lines that changed.
    public var header: Style { colors ? Style(foreground: .white, background: .blue, bold: true) : Style(bold: true, reverse: true) }
    public var hints: Style { colors ? Style(foreground: .black, background: .cyan) : Style(reverse: true) }
    public var hintKey: Style { colors ? Style(foreground: .white, background: .cyan) : Style(bold: true, reverse: true) }
    public var selected: Style { Style(reverse: true) }
    public var inherited: Style { colors ? Style(foreground: .cyan) : Style(dim: true) }
    public var own: Style { Style(bold: true) }
    public var label: Style { Style(bold: true) }
    public var dim: Style { colors ? Style(foreground: .blue) : Style(dim: true) }
    public var error: Style { colors ? Style(foreground: .red) : Style(bold: true) }
    public var ok: Style { colors ? Style(foreground: .green) : Style(bold: true) }
    public var warning: Style { colors ? Style(foreground: .yellow) : Style(bold: true) }
    public var frame: Style { colors ? Style(foreground: .blue) : .plain }

    public var selectionArrow: String { unicode ? "▶" : ">" }
    public var foldedMark: String { unicode ? "▸ " : "+ " }
    public var openMark: String { unicode ? "▾ " : "- " }
    public var leafMark: String { "  " }
    public var lockMark: String { unicode ? Strings.App.lock : Strings.App.lockASCII }
    public var doneMark: String { unicode ? Strings.doneMark : "[x]" }
    public var ratedMark: String { unicode ? Strings.ratingMark : "*" }
    public var horizontal: Character { unicode ? "─" : "-" }
    public var vertical: Character { unicode ? "│" : "|" }
    public var ellipsis: String { unicode ? "…" : "..." }

    public func style(for rating: Rating?) -> Style {
        switch rating {
        case .fully: return ok
        case .partly: return warning
        case .not: return error
        case nil: return dim
        }
    }

    public func style(for status: ActivityStatus?) -> Style {
        switch status {
        case .done: return ok
        case .deviation: return error
        case .ongoing, .notStarted: return warning
        case nil: return dim
        }
    }

    public func style(for judgement: Judgement) -> Style {
        switch judgement {
        case .fully: return ok
        case .partly: return warning
        case .not: return error
        case .cannotJudge: return dim
        }
    }
}
