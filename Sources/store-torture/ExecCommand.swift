import Glibc

/// `exec [--uid N --gid N] [--fsize BYTES] [--memory BYTES] -- PROGRAM ARGUMENTS…`: runs another
/// program under the limits a test cannot set from inside its own (threaded) process: as another
/// user (the tests of a store its owner cannot read need a non-root user, since root reads
/// everything), with a file-size limit (`ulimit -f`), or with a data-size limit (so that a read
/// that never ends fails in the child instead of taking the machine's memory). SIGXFSZ is put back
/// to its default action and no signal is blocked, so the program meets a limit exactly as it
/// would from a shell.
enum ExecCommand {
    static func run(_ words: ArraySlice<String>) -> Never {
        guard let separator = words.firstIndex(of: "--"), separator + 1 < words.endIndex else {
            Output.fail("usage: store-torture exec [--uid N --gid N] [--fsize BYTES] [--memory BYTES] -- PROGRAM ARGUMENTS…")
        }
        let options = Arguments(ArraySlice(["exec"] + words[..<separator]))
        let program = Array(words[(separator + 1)...])

        var none = sigset_t()
        sigemptyset(&none)
        sigprocmask(SIG_SETMASK, &none, nil)
        signal(SIGXFSZ, SIG_DFL)

        if let limit = options.int("fsize") {
            var bound = rlimit(rlim_cur: rlim_t(limit), rlim_max: rlim_t(limit))
            guard setrlimit(Int32(RLIMIT_FSIZE.rawValue), &bound) == 0 else { Output.fail("setrlimit failed (errno \(errno))") }
        }
        if let limit = options.int("memory") {
            var bound = rlimit(rlim_cur: rlim_t(limit), rlim_max: rlim_t(limit))
            guard setrlimit(Int32(RLIMIT_DATA.rawValue), &bound) == 0 else { Output.fail("setrlimit failed (errno \(errno))") }
        }
        if let uid = options.int("uid") {
            let gid = options.int("gid") ?? uid
            // Groups first, then the group, then the user: once the user changes, the rest is not allowed.
            guard setgroups(0, nil) == 0, setgid(gid_t(gid)) == 0, setuid(uid_t(uid)) == 0 else {
                Output.fail("cannot become uid \(uid) (errno \(errno)): run the tests as root, or as an ordinary user")
            }
            guard getuid() == uid_t(uid), geteuid() == uid_t(uid) else { Output.fail("still uid \(getuid()) after setuid(\(uid))") }
        }
        let argv = program.map { strdup($0) } + [nil]
        execv(program[0], argv)
        Output.fail("cannot run \(program[0]) (errno \(errno))")
    }
}
