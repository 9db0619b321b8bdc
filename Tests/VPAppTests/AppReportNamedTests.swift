import Testing
import PlanKit
@testable import VPApp

/// A sentence about the report names it as Swedish does: "Verksamhetsplanen är inlämnad".
@Suite("The report named in a sentence")
struct AppReportNamedTests {
    @Test("The VP handed in, refused a change and opened again says verksamhetsplanen")
    func verksamhetsplanen() throws {
        let driver = try AppDriver(width: 100, height: 30, period: .vp)
        driver.press(.character("L"))
        #expect(driver.text.contains("Lämna in verksamhetsplanen för 2021? Den blir skrivskyddad. (j/n)"))
        driver.press(.character("j"))
        #expect(driver.text.contains("Verksamhetsplanen lämnades in av anna"))
        try driver.select(containing: "Enhetsmål: Gruppen är en tillgång")
        driver.press(.character("r"))
        #expect(driver.state.status?.text.hasPrefix("Verksamhetsplanen är inlämnad och kan inte ändras.") == true,
                "\(String(describing: driver.state.status))")
        driver.press(.character("L"))
        #expect(driver.text.contains("Skäl att öppna verksamhetsplanen igen:"))
        driver.type("Ett mål ska ändras")
        driver.press(.enter)
        #expect(driver.text.contains("Verksamhetsplanen är öppnad igen och kan ändras."))
    }

    @Test("Tertial reports keep their number, the VB is verksamhetsberättelsen")
    func otherReports() {
        #expect(Strings.documentSubject(.t1) == "Tertialrapport 1")
        #expect(Strings.documentObject(.t2) == "tertialrapport 2")
        #expect(Strings.documentSubject(.vb) == "Verksamhetsberättelsen")
        #expect(!Strings.App.handInGapsTitle(.vb, count: 2).contains("Verksamhetsberättelse kan"))
    }
}
