/// Why a form cannot open here ("NOF 2025/26 does not segment integrated care boards such as
/// QHM"), said on the status line instead of opening it.
struct FormRefusal: Error, Equatable, ExpressibleByStringLiteral, ExpressibleByStringInterpolation {
    let message: String

    init(_ message: String) { self.message = message }
    init(stringLiteral value: String) { message = value }
}
