import Foundation

/// An error of another library that names a unit by its id (the PostgreSQL store's refusals),
/// given the unit's name before a person reads it.
public protocol NamingUnitError: Error {
    func namingUnit(_ name: (String) -> String) -> Error
}

/// Errors name a unit by its id, as the store and the server throw them (or as it was typed):
/// before a person reads one, the unit is named as they know it.
extension PlanStore {
    /// The error with the unit it names given its name; the id (or what was typed) stays only
    /// for a unit that cannot be found or has no name.
    public func namingUnits(in error: Error) -> Error {
        Self.naming(error, by: unitName)
    }

    /// The error with the unit it names given by `unitName` (id or what was typed → name).
    static func naming(_ error: Error, by unitName: (String) -> String) -> Error {
        switch error {
        case PlanError.noPlan(let unit, let year) where !unit.isEmpty:
            return PlanError.noPlan(unit: unitName(unit), year: year)
        case YearError.nothingToStartFrom(let unit, let year):
            return YearError.nothingToStartFrom(unit: unitName(unit), year: year)
        case let naming as NamingUnitError:
            return naming.namingUnit(unitName)
        default:
            return error
        }
    }

    /// Runs `body`; what it throws is thrown with its units named (`namingUnits(in:)`).
    public func namingUnits<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch {
            throw namingUnits(in: error)
        }
    }

    private func unitName(_ idOrName: String) -> String {
        (try? unit(named: idOrName))?.displayName ?? idOrName
    }
}
