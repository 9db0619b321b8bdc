import Foundation
import PlanKitTestSupport
import Testing

/// `vp-tui import-text plan.pdf` on a PDF made here from a plan's text: the same cascade as the
/// text. Needs poppler's pdftotext (`.ci/run` installs poppler-utils).
@Suite("import-text reads a PDF", .temporaryFolders)
struct PDFImportTests {
    let directory = Binary.temporaryDirectory()

    /// A minimal PDF: Helvetica in WinAnsi encoding (å, ä, ö as Latin-1 bytes), 60 lines a page.
    static func pdf(_ text: String) -> Data {
        let pages = stride(from: 0, to: text.components(separatedBy: "\n").count, by: 60).map { start in
            Array(text.components(separatedBy: "\n").dropFirst(start).prefix(60))
        }
        var objects: [Data] = []
        func latin1(_ string: String) -> Data { string.data(using: .isoLatin1, allowLossyConversion: true) ?? Data() }
        objects.append(latin1("<< /Type /Catalog /Pages 2 0 R >>"))
        let kids = pages.indices.map { "\(4 + 2 * $0) 0 R" }.joined(separator: " ")
        objects.append(latin1("<< /Type /Pages /Kids [\(kids)] /Count \(pages.count) >>"))
        objects.append(latin1("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"))
        for (index, lines) in pages.enumerated() {
            var stream = "BT /F1 9 Tf 12 TL 40 800 Td\n"
            for line in lines {
                let escaped = line.replacingOccurrences(of: "\t", with: "    ").replacingOccurrences(of: "\\", with: "\\\\")
                    .replacingOccurrences(of: "(", with: "\\(").replacingOccurrences(of: ")", with: "\\)")
                stream += "(\(escaped)) Tj T*\n"
            }
            stream += "ET"
            let content = latin1(stream)
            objects.append(latin1("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> "
                                  + "/Contents \(5 + 2 * index) 0 R >>"))
            objects.append(latin1("<< /Length \(content.count) >>\nstream\n") + content + latin1("\nendstream"))
        }
        var out = latin1("%PDF-1.4\n")
        var offsets: [Int] = []
        for (index, object) in objects.enumerated() {
            offsets.append(out.count)
            out += latin1("\(index + 1) 0 obj\n") + object + latin1("\nendobj\n")
        }
        let xref = out.count
        out += latin1("xref\n0 \(objects.count + 1)\n0000000000 65535 f \n")
        for offset in offsets { out += latin1(String(format: "%010d 00000 n \n", offset)) }
        out += latin1("trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n")
        return out
    }

    @Test("A PDF of a plan gives the text's outline and counts")
    func pdfGivesTheTextsCascade() throws {
        let environment = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        let hasTool = environment.split(separator: ":").contains {
            FileManager.default.isExecutableFile(atPath: "\($0)/pdftotext")
        }
        try #require(hasTool, "pdftotext is missing: install poppler-utils (.ci/run does)")
        let textFile = directory.appendingPathComponent("plan.txt")
        let pdfFile = directory.appendingPathComponent("plan.pdf")
        let text = ImportTextCommandTests.plan.replacingOccurrences(of: "\t", with: "    ")
        try Data(text.utf8).write(to: textFile)
        try Self.pdf(text).write(to: pdfFile)
        let database = directory.appendingPathComponent("none.sqlite").path
        let fromText = try Binary.run(["import-text", textFile.path, "--dry-run", "--db", database])
        let fromPDF = try Binary.run(["import-text", pdfFile.path, "--dry-run", "--db", database])
        #expect(fromPDF.status == 0, "\(fromPDF.stderr)")
        func outline(_ output: String) -> [String] {
            output.split(separator: "\n").map(String.init).filter { $0.hasPrefix(" ") || $0.hasPrefix("KF") || $0.hasPrefix("Hittade") }
                .filter { !$0.hasPrefix("  rad ") }
        }
        #expect(outline(fromPDF.stdout) == outline(fromText.stdout))
        #expect(fromPDF.stdout.contains("Hittade: 1 KF:s inriktningsmål, 2 KF:s mål för verksamhetsområdet, 2 nämndmål, 0 enhetsmål, 4 indikatorer, 4 aktiviteter"))
    }
}
