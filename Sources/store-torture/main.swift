// The child process of the store's crash, kill, lock and file-size tests (OversightStoreTests).
// It runs a workload on a real store directory and reports, one line each, on standard output
// (unbuffered, so a kill never loses a line that was written):
//   attempt <seq>     an action is about to be written
//   ack <seq>         the store acknowledged it (the commit returned)
//   crash <step> <moment> <call>   a crash point was reached; the process _exits(137) next
//   done <mutating calls> <writes> the workload finished without reaching its crash point
//   holding <pid> writable|read-only   (hold) the store is open; the process waits to be killed
//   rejected <message>               (fill) the commit the file-size limit stopped
//   stopped <file> <n>               (soak --stop-mid-write) half a write is on disk; waiting to be killed
//   failure <message>                something the test must report; exit status 2
// `create --store DIR` makes a sample store, for trying the commands by hand.
// `exec [--uid N --gid N] [--fsize BYTES] -- PROGRAM …` runs a program as another user or under a
// file-size limit (see ExecCommand).
import Glibc
import OversightStore
import OversightTestSupport

if CommandLine.arguments.dropFirst().first == "exec" { ExecCommand.run(CommandLine.arguments.dropFirst(2)) }
let arguments = Arguments(CommandLine.arguments.dropFirst())
switch arguments.command {
case "workload": WorkloadCommand.run(arguments)
case "soak": SoakCommand.run(arguments)
case "hold": HoldCommand.run(arguments)
case "fill": FillCommand.run(arguments)
case "create":
    do {
        try Store.create(arguments.store, snapshot: SampleStore.snapshotBytes())
        Output.say("created")
    } catch {
        Output.fail("\(error)")
    }
default:
    Output.say("failure usage: store-torture workload|soak|hold|fill|create --store DIR [options], or exec … -- PROGRAM …")
    exit(64)
}
