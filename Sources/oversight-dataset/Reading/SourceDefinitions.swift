import Foundation
import OversightDomain

/// The hand-written definitions in data/source: frameworks, the intervention catalogue and our
/// reading of the CCG IAF indicators. (The demonstration's parameters are compiled into OversightDemo.)
struct SourceDefinitions {
    let frameworks: [Framework]
    let interventionTypes: [InterventionType]
    let ccgIndicatorReadings: [CcgIndicatorReading]

    static func read(from directory: URL, catalogue: SourceCatalogue) throws -> SourceDefinitions {
        let frameworks = try decode([Framework].self, "frameworks.json", in: directory)
        let types = try decode([InterventionType].self, "intervention-types.json", in: directory)
        return SourceDefinitions(
            frameworks: try frameworks.enumerated().map { index, framework in
                try resolveSources(in: framework, place: "frameworks.json [\(index)] \(framework.id)", catalogue)
            },
            interventionTypes: try types.map { type in
                var resolved = type
                resolved.provenance = try catalogue.resolve(type.provenance, usedIn: "intervention-types.json \(type.id)")
                return resolved
            },
            ccgIndicatorReadings: try decode([CcgIndicatorReading].self, "ccg-iaf-indicators.json", in: directory)
        )
    }

    /// Hand-written provenance names sources by key (as the CSVs do); records carry the citation.
    static func resolveSources(in framework: Framework, place: String, _ catalogue: SourceCatalogue) throws -> Framework {
        var f = framework
        f.provenance = try catalogue.resolve(f.provenance, usedIn: place)
        for i in f.themes.indices {
            f.themes[i].provenance = try catalogue.resolve(f.themes[i].provenance, usedIn: "\(place) theme \(f.themes[i].id)")
        }
        for i in f.metrics.indices {
            f.metrics[i].provenance = try catalogue.resolve(f.metrics[i].provenance, usedIn: "\(place) metric \(f.metrics[i].id)")
        }
        if var finance = f.financeScore {
            finance.provenance = try catalogue.resolve(finance.provenance, usedIn: "\(place) financeScore")
            for i in finance.ceilings.indices {
                finance.ceilings[i].provenance = try catalogue.resolve(finance.ceilings[i].provenance, usedIn: "\(place) financeScore ceiling")
            }
            f.financeScore = finance
        }
        return f
    }

    static func decode<T: Decodable>(_ type: T.Type, _ name: String, in directory: URL) throws -> T {
        let url = directory.appendingPathComponent(name)
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw GeneratorError("cannot read \(url.path): \(error.localizedDescription); check --source points at data/source")
        }
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch let error as DecodingError {
            throw GeneratorError("\(name): \(describe(error))")
        } catch {
            throw GeneratorError("\(name): \(error)")
        }
    }

    /// Where in the file a decoding error is, and what was wrong, without Swift's debug dump.
    static func describe(_ error: DecodingError) -> String {
        func path(_ keys: [any CodingKey]) -> String {
            keys.isEmpty ? "the top level" : keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        }
        switch error {
        case .keyNotFound(let key, let context):
            return "at \(path(context.codingPath)): missing “\(key.stringValue)”"
        case .typeMismatch(let type, let context):
            return "at \(path(context.codingPath)): expected \(type); \(context.debugDescription)"
        case .valueNotFound(let type, let context):
            return "at \(path(context.codingPath)): expected \(type) but found null"
        case .dataCorrupted(let context):
            return "at \(path(context.codingPath)): \(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }
}

/// Our reading of a CCG IAF indicator (the source gives only its id, name and domain).
struct CcgIndicatorReading: Decodable {
    let id: MetricID
    let unit: MetricUnit
    let direction: Direction
    let decimals: Int
    let definition: String
}
