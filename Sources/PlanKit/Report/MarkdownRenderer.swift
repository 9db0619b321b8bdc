/// Writes a report as Markdown (CommonMark with GitHub tables).
public enum MarkdownRenderer {
    public static func render(_ blocks: [ReportBlock]) -> String {
        var parts: [String] = []
        for block in blocks {
            switch block {
            case .title(let text):
                parts.append("# \(text)")
            case .heading(let level, let text):
                parts.append(String(repeating: "#", count: min(level + 1, 6)) + " " + text)
            case .label(let text):
                parts.append("**\(text)**")
            case .paragraphs(let text):
                parts.append(paragraphs(text))
            case .mark(let text):
                parts.append(text)
            case .table(let table):
                parts.append(self.table(table))
            }
        }
        return parts.joined(separator: "\n\n") + "\n"
    }

    /// Paragraphs stay paragraphs; a line break inside one becomes a hard break,
    /// except before list items, which Markdown breaks by itself.
    private static func paragraphs(_ text: String) -> String {
        text.pieces(separatedBy: "\n\n").map { paragraph in
            let lines = paragraph.pieces(separatedBy: "\n")
            return lines.enumerated().map { index, line in
                let next = index + 1 < lines.count ? lines[index + 1] : nil
                guard let next, !next.hasPrefix("- "), !line.hasPrefix("- ") else { return line }
                return line + "\\"
            }.joined(separator: "\n")
        }.joined(separator: "\n\n")
    }

    private static func table(_ table: ReportTable) -> String {
        func cell(_ text: String) -> String {
            text.replacingEvery("|", with: "\\|")
                .replacingEvery("\n\n", with: "<br><br>")
                .replacingEvery("\n", with: "<br>")
        }
        var lines = ["| " + table.headers.map(cell).joined(separator: " | ") + " |",
                     "|" + table.headers.map { _ in "---" }.joined(separator: "|") + "|"]
        for row in table.rows {
            switch row {
            case .cells(let cells):
                lines.append("| " + cells.map(cell).joined(separator: " | ") + " |")
            case .note(let label, let text):
                let rest = Array(repeating: " ", count: max(0, table.headers.count - 1))
                lines.append("| *\(label):* " + cell(text) + " |" + rest.joined(separator: "|") + "|")
            }
        }
        return lines.joined(separator: "\n")
    }
}
