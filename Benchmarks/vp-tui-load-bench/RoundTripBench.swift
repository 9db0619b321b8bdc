import BenchSupport
import Foundation
import PlanKitPostgres

/// `vp-tui-load-bench roundtrip --pg URL [--count N] [--pause-ms MS]`: one connection's round
/// trip (`SELECT 1`, sent whole and prepared), N times back to back and N times with a pause
/// before each, as a person's saves come. What a save pays beside the server's work: the
/// client's thread, the driver's event loop and the server's backend woken in turn, which on
/// idle cores costs more than on busy ones.
func benchRoundTrip(_ arguments: Arguments) throws {
    let link = try PostgresLink.connect(try PostgresAddress.parse(arguments.require("pg")))
    let count = arguments.int("count", 200)
    let pause = UInt32(arguments.double("pause-ms", 100) * 1000)
    for prepared in [false, true] {
        let kind = prepared ? "prepared" : "whole"
        try link.run("SELECT 1", prepared: prepared)
        let busy = try (0..<count).map { _ in try timed { try link.run("SELECT 1", prepared: prepared) }.1 }
        emitDistribution("roundtrip.\(kind).backToBack", busy)
        let idle = try (0..<count).map { _ in
            usleep(pause)
            return try timed { try link.run("SELECT 1", prepared: prepared) }.1
        }
        emitDistribution("roundtrip.\(kind).afterPause", idle)
    }
}
