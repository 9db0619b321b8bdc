import Foundation

/// Monotonic time in nanoseconds.
@inline(__always)
package func now() -> UInt64 {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
}

package func milliseconds(_ nanoseconds: UInt64) -> Double {
    Double(nanoseconds) / 1_000_000
}

/// Times a closure once, in milliseconds.
package func timed<T>(_ body: () throws -> T) rethrows -> (T, Double) {
    let start = now()
    let result = try body()
    return (result, milliseconds(now() - start))
}

/// The value at a quantile (0...1) of a sample, nearest rank.
package func quantile(_ values: [Double], _ q: Double) -> Double {
    guard !values.isEmpty else { return .nan }
    let sorted = values.sorted()
    let rank = Int((q * Double(sorted.count)).rounded(.up)) - 1
    return sorted[min(max(0, rank), sorted.count - 1)]
}

/// Peak resident memory of this process (VmHWM) in megabytes.
package func peakRSSMegabytes() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return .nan }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        let digits = line.split(separator: " ").dropFirst().first.flatMap { Double($0) } ?? .nan
        return digits / 1024
    }
    return .nan
}

/// Names the database in every figure ("large", "sample"): `--label`.
nonisolated(unsafe) package var figureLabel = ""

/// One line of the results file: a figure measured once in this run.
/// `python3 Benchmarks/report.py` gathers the runs and prints median and spread.
package func emit(_ figure: String, _ value: Double, unit: String, extra: [String: String] = [:]) {
    let name = figureLabel.isEmpty ? figure : "\(figure).\(figureLabel)"
    var fields: [String: Any] = ["figure": name, "value": value.isFinite ? value : -1, "unit": unit]
    for (key, text) in extra { fields[key] = text }
    let data = try! JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys])
    print(String(decoding: data, as: UTF8.self))
}

/// p50, p99 and max of a list of per-event times.
package func emitDistribution(_ figure: String, _ values: [Double], unit: String = "ms") {
    guard !values.isEmpty else { return }
    emit("\(figure).p50", quantile(values, 0.5), unit: unit)
    emit("\(figure).p99", quantile(values, 0.99), unit: unit)
    emit("\(figure).max", values.max() ?? .nan, unit: unit)
    emit("\(figure).count", Double(values.count), unit: "n")
}

/// `--name value` options.
package struct Arguments {
    package var command: String
    private var values: [String: String] = [:]
    private var flags: Set<String> = []

    package init(_ arguments: [String]) {
        command = arguments.first ?? "help"
        var index = 1
        while index < arguments.count {
            let argument = arguments[index]
            if argument.hasPrefix("--") {
                let name = String(argument.dropFirst(2))
                if index + 1 < arguments.count, !arguments[index + 1].hasPrefix("--") {
                    values[name] = arguments[index + 1]
                    index += 2
                    continue
                }
                flags.insert(name)
            }
            index += 1
        }
    }

    package func string(_ name: String) -> String? { values[name] }
    package func int(_ name: String, _ fallback: Int) -> Int { values[name].flatMap(Int.init) ?? fallback }
    package func double(_ name: String, _ fallback: Double) -> Double { values[name].flatMap(Double.init) ?? fallback }
    package func flag(_ name: String) -> Bool { flags.contains(name) }

    package func require(_ name: String) -> String {
        guard let value = values[name] else { fail("--\(name) is required") }
        return value
    }
}

package func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("\(CommandLine.arguments.first.map { ($0 as NSString).lastPathComponent } ?? "bench"): \(message)\n".utf8))
    exit(2)
}

/// A private copy of a database, for benchmarks that change it: the cached original stays as generated.
package final class ScratchCopy {
    package let directory: String
    package let path: String

    package init(of source: String) throws {
        directory = NSTemporaryDirectory() + "vp-tui-bench-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        path = directory + "/plan.sqlite"
        for suffix in ["", "-wal"] where FileManager.default.fileExists(atPath: source + suffix) {
            try FileManager.default.copyItem(atPath: source + suffix, toPath: path + suffix)
        }
        // The copy written out before anything is timed: else the disk is still busy with
        // hundreds of megabytes while the first commits wait for their fsync.
        sync()
    }

    deinit {
        try? FileManager.default.removeItem(atPath: directory)
    }
}
