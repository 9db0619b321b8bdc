import Foundation

/// Writes a report as plain text, wrapped for a terminal or a printer.
public enum TextRenderer {
    public static func render(_ blocks: [ReportBlock], width: Int = 80) -> String {
        var parts: [String] = []
        for block in blocks {
            switch block {
            case .title(let text):
                parts.append(text + "\n" + String(repeating: "=", count: min(width, text.count)))
            case .heading(let level, let text):
                let wrapped = TextWrap.wrap(text, width: width).joined(separator: "\n")
                parts.append(level == 1 ? wrapped + "\n" + String(repeating: "-", count: min(width, text.count)) : wrapped)
            case .label(let text):
                parts.append(text)
            case .paragraphs(let text):
                parts.append(text.pieces(separatedBy: "\n\n").map { paragraph in
                    paragraph.pieces(separatedBy: "\n").flatMap { line in
                        line.hasPrefix("- ")
                            ? TextWrap.wrap(String(line.dropFirst(2)), width: width - 2).enumerated().map { ($0 == 0 ? "- " : "  ") + $1 }
                            : TextWrap.wrap(line, width: width)
                    }.joined(separator: "\n")
                }.joined(separator: "\n\n"))
            case .mark(let text):
                parts.append(text)
            case .table(let table):
                parts.append(self.table(table, width: width))
            }
        }
        return parts.joined(separator: "\n\n") + "\n"
    }

    /// The first column takes what the others leave; the others are as wide as their content.
    private static func table(_ table: ReportTable, width: Int) -> String {
        let columns = table.headers.count
        var widths = table.headers.map(\.count)
        for row in table.rows {
            if case .cells(let cells) = row {
                for (index, cell) in cells.enumerated() where index > 0 && index < columns {
                    widths[index] = max(widths[index], cell.count)
                }
            }
        }
        let others = widths.dropFirst().reduce(0, +) + 2 * (columns - 1)
        widths[0] = max(20, width - others)
        func line(_ cells: [String]) -> [String] {
            let first = TextWrap.wrap(cells[0], width: widths[0])
            var lines: [String] = []
            for (index, text) in first.enumerated() {
                var line = text.padding(toLength: widths[0], withPad: " ", startingAt: 0)
                if index == 0 {
                    for column in 1..<columns {
                        let cell = column < cells.count ? cells[column] : ""
                        line += "  " + cell.padding(toLength: widths[column], withPad: " ", startingAt: 0)
                    }
                }
                lines.append(trimTrailing(line))
            }
            return lines
        }
        var lines = line(table.headers)
        for row in table.rows {
            switch row {
            case .cells(let cells):
                lines += line(cells)
            case .note(let label, let text):
                let paragraphs = text.pieces(separatedBy: "\n\n")
                for (index, paragraph) in paragraphs.enumerated() {
                    let lead = index == 0 ? "\(label): " : ""
                    // An empty line between paragraphs, as in the text around the table.
                    if index > 0 { lines.append("") }
                    lines += TextWrap.wrap(lead + paragraph.replacingEvery("\n", with: " "), width: width - 4).map { "    " + $0 }
                }
            }
        }
        return lines.joined(separator: "\n")
    }

    private static func trimTrailing(_ text: String) -> String {
        var text = text
        while text.last == " " { text.removeLast() }
        return text
    }
}

/// Word wrapping at word boundaries; a word longer than the width is cut.
public enum TextWrap {
    public static func wrap(_ text: String, width: Int) -> [String] {
        let width = max(1, width)
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            var word = String(word)
            while word.count > width {
                if !current.isEmpty { lines.append(current); current = "" }
                lines.append(String(word.prefix(width)))
                word = String(word.dropFirst(width))
            }
            if current.isEmpty {
                current = word
            } else if current.count + 1 + word.count <= width {
                current += " " + word
            } else {
                lines.append(current)
                current = word
            }
        }
        if !current.isEmpty || lines.isEmpty { lines.append(current) }
        return lines
    }
}

