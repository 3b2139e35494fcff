import Foundation
import OversightDomain

// oversight-dataset: regenerates data/store/snapshot.json. See data/README.md.

func run() -> Int32 {
    let options: GeneratorOptions
    do {
        guard let parsed = try GeneratorOptions.parse(Array(CommandLine.arguments.dropFirst())) else {
            print(GeneratorOptions.usage)
            return 0
        }
        options = parsed
    } catch {
        FileHandle.standardError.write(Data("oversight-dataset: \(error)\n".utf8))
        return 64
    }
    do {
        let result = try DatasetBuilder(options: options).build()
        let data = result.dataset
        let problems = DatasetValidator.problems(in: data).map(\.description) + TextCheck.problems(in: data)
        guard problems.isEmpty else {
            let shown = problems.prefix(30).map { "  \($0)" }.joined(separator: "\n")
            throw GeneratorError("the dataset has \(problems.count) problem(s); nothing was written:\n\(shown)")
        }
        let size = try StoreWriter.write(data, to: URL(fileURLWithPath: options.out))
        for line in result.report { print(line) }
        for warning in result.warnings { print("warning: \(warning)") }
        let trusts = data.organisations.filter(\.isProvider).count
        let icbs = data.organisations.filter { $0.kind == .icb }.count
        let ccgs = data.organisations.filter { $0.kind == .ccg }.count
        let stps2016 = data.footprints(of: .stp2016).filter { $0.validFrom.year == 2016 }.count
        print("""
            wrote \(options.out)/\(StoreWriter.fileName): \(size) bytes
              \(data.regions.count) regions, \(stps2016) STP footprints (and \(data.footprints(of: .stp2016).count - stps2016) formed by merger), \(data.footprints(of: .ics2022).count) ICSs
              \(icbs) ICBs, \(ccgs) CCGs, \(trusts) trusts, \(data.frameworks.count) frameworks, \(data.interventionTypes.count) intervention types
              \(data.interventions.count) interventions, \(data.scorecards.count) scorecards
            """)
        return 0
    } catch {
        FileHandle.standardError.write(Data("oversight-dataset: \(error)\n".utf8))
        return 1
    }
}

exit(run())
