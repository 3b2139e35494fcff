import Foundation
import OversightConsole

extension LocalTime {
    /// The process's zone ($TZ, else the system's): read from the environment, so the session picks
    /// it and hands it to the state; the core only ever converts with the zone it is given.
    public static var current: LocalTime { LocalTime(zone: .current) }
}
