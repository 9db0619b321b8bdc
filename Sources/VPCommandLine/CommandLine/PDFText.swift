import Foundation
import PlanKit
import PlanTextImport

/// The text of a PDF, by poppler's pdftotext: `-layout` keeps table cells on their row and the
/// columns of a row apart, which is what the importer's table reader reads; `-enc UTF-8` keeps
/// å, ä and ö whatever the locale.
enum PDFText {
    static func isPDF(_ data: Data) -> Bool { data.starts(with: Data("%PDF".utf8)) }

    /// The pdftotext on PATH, or nil.
    static func tool(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
        let path = environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent("pdftotext")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    static func text(ofPDF path: String) throws -> String {
        guard let tool = tool() else { throw TextImportError(Strings.TextImport.pdftotextMissing(path)) }
        let process = Process()
        process.executableURL = tool
        process.arguments = ["-layout", "-enc", "UTF-8", path, "-"]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // Read before waiting: a large document fills the pipe before pdftotext ends.
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let detail = String(decoding: message, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw TextImportError(Strings.TextImport.pdftotextFailed(path, detail: detail))
        }
        return String(decoding: data, as: UTF8.self)
    }
}
