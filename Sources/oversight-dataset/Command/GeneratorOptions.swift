import Foundation

/// What a run reads and writes, from the command line.
struct GeneratorOptions {
    var reference = "data/reference"
    var source = "data/source"
    var out = "data/store"
    /// NHS England's published NOF files, read with the same importer as `oversight import nof`.
    var published = "../shared/reference/nof-2025-26"

    static let usage = """
        usage: oversight-dataset [--reference DIR] [--source DIR] [--published DIR] [--out DIR]

        Builds the bundled dataset from the reference facts (CSV), the hand-written definitions (JSON) and
        NHS England's published NOF files (read with the importer `oversight import nof` uses), validates
        it and writes OUT/snapshot.json. Nothing in it is illustrative, so nothing is seeded: the same inputs
        give the same bytes. Defaults: --reference data/reference --source data/source
        --published ../shared/reference/nof-2025-26 --out data/store. Run it from the package root.

        The seeded demonstration store (illustrative scorecards on the real register) is made by
        `oversight init --demo [--seed N]`, not here.
        """

    /// Parses arguments (without the program name); `nil` means help was asked for.
    static func parse(_ arguments: [String]) throws -> GeneratorOptions? {
        var options = GeneratorOptions()
        var rest = arguments[...]
        while let argument = rest.popFirst() {
            switch argument {
            case "-h", "--help":
                return nil
            case "--reference", "--source", "--out", "--published":
                guard let value = rest.popFirst(), !value.hasPrefix("--") else {
                    throw GeneratorError("\(argument) needs a value\n\n\(usage)")
                }
                switch argument {
                case "--reference": options.reference = value
                case "--source": options.source = value
                case "--published": options.published = value
                default: options.out = value
                }
            case "--seed", "--verbose":
                // Both belonged to the illustrative scorecards, which the bundled store no longer holds.
                throw GeneratorError("\(argument) is gone: the bundled store has no illustrative data to seed or check. "
                    + "A seeded demonstration store is made by `oversight init --demo --seed N`.")
            default:
                throw GeneratorError("unknown argument “\(argument)”\n\n\(usage)")
            }
        }
        return options
    }
}
