import ArgumentParser
import Foundation
import PlanKit

/// The command lines read without swift-argument-parser (`AppLaunch`, `UnitExport`): options
/// as `--name value`, each at most once. Anything else gives nil, and the parser proper reads
/// the command line and says what is wrong.
struct PlainArguments {
    private var values: [String: String]

    /// `flags` stand alone; `aliases` name an option by another spelling ("-o" for "--output").
    /// A value that looks like an option, or is empty, is the parser's to judge.
    init?(_ arguments: ArraySlice<String>, options: Set<String>, flags: Set<String> = [], aliases: [String: String] = [:]) {
        values = [:]
        var index = arguments.startIndex
        while index < arguments.endIndex {
            let name = aliases[arguments[index]] ?? arguments[index]
            guard values[name] == nil, options.contains(name) || flags.contains(name) else { return nil }
            if flags.contains(name) {
                values[name] = ""
                index += 1
                continue
            }
            guard index + 1 < arguments.endIndex else { return nil }
            let value = arguments[index + 1]
            guard !value.isEmpty, !value.hasPrefix("-") else { return nil }
            values[name] = value
            index += 2
        }
    }

    subscript(_ name: String) -> String? { values[name] }

    func has(_ flag: String) -> Bool { values[flag] != nil }

    /// `--year`: absent gives .some(nil); a value that is no year gives nil (the parser's to say).
    var year: Int?? {
        guard let text = values["--year"] else { return .some(nil) }
        guard let number = Int(text), PlanYear.isValid(number) else { return nil }
        return .some(number)
    }

    /// `--period`: absent gives .some(nil); a value that is no period gives nil.
    var period: ReportPeriod?? {
        guard let text = values["--period"] else { return .some(nil) }
        guard let period = ReportPeriod(argument: text) else { return nil }
        return .some(period)
    }

    /// Runs a command read this way and exits with its status, as the parser's commands do.
    static func runAndExit(_ body: () throws -> Void) -> Never {
        do {
            try body()
            exit(0)
        } catch let code as ExitCode {
            exit(code.rawValue)
        } catch {
            exit(1)
        }
    }
}
