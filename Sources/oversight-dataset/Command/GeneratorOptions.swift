import Foundation

/// What a run reads and writes, from the command line.
struct GeneratorOptions {
    var reference = "data/reference"
    var source = "data/source"
    var out = "data/store"
    /// NHS England's published NOF files, read with the same importer as `oversight import nof`.
    var published = "../shared/reference/nof-2025-26"
    var seed: UInt64 = GeneratorOptions.defaultSeed
    /// Print the league-table check of the illustrative scorecards.
    var verbose = false

    /// The seed the committed store was generated with.
    static let defaultSeed: UInt64 = 20_250_909

    static let usage = """
        usage: oversight-dataset [--reference DIR] [--source DIR] [--published DIR] [--out DIR] [--seed N] [--verbose]

        Builds the bundled dataset from the reference facts (CSV), the hand-written definitions (JSON)
        and NHS England's published NOF files (read with the importer `oversight import nof` uses),
        validates everything and writes OUT/snapshot.json. Defaults: --reference data/reference
        --source data/source --published ../shared/reference/nof-2025-26 --out data/store
        --seed \(defaultSeed). Run it from the package root.
        """

    /// Parses arguments (without the program name); `nil` means help was asked for.
    static func parse(_ arguments: [String]) throws -> GeneratorOptions? {
        var options = GeneratorOptions()
        var rest = arguments[...]
        while let argument = rest.popFirst() {
            switch argument {
            case "-h", "--help":
                return nil
            case "--verbose":
                options.verbose = true
            case "--reference", "--source", "--out", "--seed", "--published":
                guard let value = rest.popFirst(), !value.hasPrefix("--") else {
                    throw GeneratorError("\(argument) needs a value\n\n\(usage)")
                }
                switch argument {
                case "--reference": options.reference = value
                case "--source": options.source = value
                case "--out": options.out = value
                case "--published": options.published = value
                default:
                    guard let seed = UInt64(value) else {
                        throw GeneratorError("--seed takes a whole number from 0 to \(UInt64.max), not “\(value)”")
                    }
                    options.seed = seed
                }
            default:
                throw GeneratorError("unknown argument “\(argument)”\n\n\(usage)")
            }
        }
        return options
    }
}
