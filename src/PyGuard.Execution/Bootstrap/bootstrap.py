# PyGuard's sandbox bootstrap. The executor compiles it once per interpreter and runs it as
# `python -I -B -u -c <loader of the compiled code> key=value ... -- SCRIPT ARGS`.
# Before the user's code runs it sets resource limits, optionally Landlock and a seccomp filter (when no
# namespace sandbox is available), copies the input files, tells the executor over the status socket what is
# in force, waits for the executor's go-ahead (the executor moves the process into its cgroup meanwhile),
# installs the PEP 578 audit hook, and finally runs the script as __main__. It must run unchanged on
# Python 3.8 and later, import nothing the user's working directory could shadow after it starts, and leave
# no name behind in the user's namespace.


def _pyguard_main():
    import os
    import sys

    argv = sys.argv[1:]
    split = argv.index("--")
    config = dict(item.split("=", 1) for item in argv[:split])
    script_and_args = argv[split + 1:]
    separator = "\x1f"

    def listed(key):
        value = config.get(key, "")
        return [item for item in value.split(separator) if item]

    status_fd = int(config["status"])
    os.set_inheritable(status_fd, False)

    def send(line):
        try:
            os.write(status_fd, (line + "\n").encode("utf-8", "replace"))
        except OSError:
            pass

    def fail(message):
        send("error " + message.replace("\n", " "))
        os._exit(125)

    report = []
    try:
        if _set_rlimits(config):
            report.append("rlimits=1")
        if "landlock.read" in config or "landlock.write" in config:
            report.append("landlock=%d" % _apply_landlock(listed("landlock.read"), listed("landlock.write")))
        if "seccomp" in config:
            report.append("seccomp=%d" % _apply_seccomp(bytes.fromhex(config["seccomp"])))
        _forget_ctypes()
        workdir = config["workdir"]
        os.chdir(workdir)
        if "input" in config:
            _copy_tree(config["input"], workdir)
        if "tmpdir" in config:
            os.makedirs(config["tmpdir"], exist_ok=True)
    except Exception as error:  # every setup failure is reported, never half-applied silently
        fail("%s: %s" % (type(error).__name__, error))

    audit = config.get("audit") == "1" and hasattr(sys, "addaudithook")
    report.append("audit=%d" % audit)
    send("ready " + " ".join(report))
    if not _wait_for_go(status_fd):
        os._exit(125)

    if config.get("init") == "1":
        _become_init()

    if audit:
        sys.addaudithook(_make_audit_hook(
            os.path.realpath(workdir), frozenset(listed("denied")), config.get("network") == "1"))
    _run_script(script_and_args, workdir, send)


def _set_rlimits(config):
    import resource

    names = {
        "cpu": resource.RLIMIT_CPU, "as": resource.RLIMIT_AS, "fsize": resource.RLIMIT_FSIZE,
        "nofile": resource.RLIMIT_NOFILE, "core": resource.RLIMIT_CORE, "nproc": resource.RLIMIT_NPROC,
    }
    applied = False
    for key, value in config.items():
        if key.startswith("rlimit."):
            soft, _, hard = value.partition(":")
            resource.setrlimit(names[key[7:]], (int(soft), int(hard or soft)))
            applied = True
    return applied


def _libc():
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    libc.syscall.restype = ctypes.c_long
    return ctypes, libc


def _no_new_privs(ctypes, libc):
    if libc.prctl(ctypes.c_int(38), ctypes.c_ulong(1), ctypes.c_ulong(0), ctypes.c_ulong(0), ctypes.c_ulong(0)) != 0:
        raise OSError(ctypes.get_errno(), "prctl(PR_SET_NO_NEW_PRIVS)")


def _apply_landlock(read_paths, write_paths):
    # Landlock (Linux 5.13): deny every filesystem access the running kernel knows, except reading the
    # interpreter and system libraries and full access to the working directory. From ABI 4 on, TCP bind and
    # connect are denied too, and from ABI 6 on, signals and abstract sockets cannot reach outside the sandbox.
    import os
    import stat

    ctypes, libc = _libc()
    c_long = ctypes.c_long
    abi = libc.syscall(c_long(444), None, c_long(0), c_long(1))
    if abi < 1:
        return 0
    handled_fs = (1 << 13) - 1
    if abi >= 2:
        handled_fs |= 1 << 13
    if abi >= 3:
        handled_fs |= 1 << 14
    if abi >= 5:
        handled_fs |= 1 << 15

    class RulesetAttr(ctypes.Structure):
        _fields_ = [("fs", ctypes.c_uint64), ("net", ctypes.c_uint64), ("scoped", ctypes.c_uint64)]

    class PathBeneath(ctypes.Structure):
        _pack_ = 1
        _fields_ = [("allowed", ctypes.c_uint64), ("parent_fd", ctypes.c_int32)]

    attr = RulesetAttr(handled_fs, 3 if abi >= 4 else 0, 3 if abi >= 6 else 0)
    size = 8 if abi < 4 else 16 if abi < 6 else 24
    ruleset = libc.syscall(c_long(444), ctypes.byref(attr), c_long(size), c_long(0))
    if ruleset < 0:
        raise OSError(ctypes.get_errno(), "landlock_create_ruleset")
    read_rights = 1 | 4 | 8
    file_rights = 1 | 2 | 4 | (1 << 14) | (1 << 15)
    rules = [(path, read_rights) for path in read_paths] + [(path, handled_fs) for path in write_paths]
    for path, rights in rules:
        try:
            fd = os.open(path, os.O_PATH | os.O_CLOEXEC)
        except FileNotFoundError:
            continue
        try:
            allowed = rights & handled_fs
            if not stat.S_ISDIR(os.fstat(fd).st_mode):
                allowed &= file_rights
            rule = PathBeneath(allowed, fd)
            if libc.syscall(c_long(445), c_long(ruleset), c_long(1), ctypes.byref(rule), c_long(0)) != 0:
                raise OSError(ctypes.get_errno(), "landlock_add_rule " + path)
        finally:
            os.close(fd)
    _no_new_privs(ctypes, libc)
    if libc.syscall(c_long(446), c_long(ruleset), c_long(0)) != 0:
        raise OSError(ctypes.get_errno(), "landlock_restrict_self")
    os.close(ruleset)
    return abi


def _apply_seccomp(program):
    ctypes, libc = _libc()

    class SockFprog(ctypes.Structure):
        _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_void_p)]

    buffer = ctypes.create_string_buffer(program, len(program))
    fprog = SockFprog(len(program) // 8, ctypes.cast(buffer, ctypes.c_void_p))
    _no_new_privs(ctypes, libc)
    if libc.prctl(ctypes.c_int(22), ctypes.c_ulong(2), ctypes.byref(fprog), ctypes.c_ulong(0), ctypes.c_ulong(0)) != 0:
        raise OSError(ctypes.get_errno(), "prctl(PR_SET_SECCOMP)")
    return 1


def _forget_ctypes():
    # The audit hook refuses importing ctypes; a copy the bootstrap loaded must not stay reachable by name.
    import sys

    for name in list(sys.modules):
        if name == "_ctypes" or name == "ctypes" or name.startswith("ctypes."):
            del sys.modules[name]


def _copy_tree(source, destination):
    import os

    for root, directories, files in os.walk(source):
        target = os.path.join(destination, os.path.relpath(root, source))
        os.makedirs(target, exist_ok=True)
        for name in files:
            with open(os.path.join(root, name), "rb") as reader, open(os.path.join(target, name), "wb") as writer:
                while True:
                    chunk = reader.read(1 << 16)
                    if not chunk:
                        break
                    writer.write(chunk)


def _wait_for_go(status_fd):
    import os

    received = b""
    while not received.endswith(b"\n"):
        chunk = os.read(status_fd, 16)
        if not chunk:
            return False
        received += chunk
    return received == b"go\n"


def _become_init():
    # As process 1 of a new PID namespace (the unshare layer), signals without a handler are ignored, so a
    # CPU limit's SIGXCPU would never stop the code. Process 1 therefore forks: the child runs the code, and
    # process 1 reaps, then exits with the child's status (128 + signal for a signal death), which is what
    # unshare reports. When it exits the kernel kills whatever is left in the namespace.
    import os

    child = os.fork()
    if child == 0:
        return
    while True:
        try:
            pid, status = os.wait()
        except ChildProcessError:
            os._exit(125)
        if pid == child:
            if os.WIFSIGNALED(status):
                os._exit(128 + os.WTERMSIG(status))
            os._exit(os.WEXITSTATUS(status))


def _make_audit_hook(root, denied, allow_network):
    # PEP 578 hooks cannot be removed, but they run in the same interpreter as hostile code: this is a
    # precise, early refusal with a clear message, not the security boundary (the operating-system layers
    # are). Everything the hook calls is bound here, before the user's code can replace modules.
    import os

    realpath, dirname, basename, join = os.path.realpath, os.path.dirname, os.path.basename, os.path.join
    isabs, fsdecode, getcwd, getpid = os.path.isabs, os.fsdecode, os.getcwd, os.getpid
    write_flags = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND
    inside_prefix = root.rstrip("/") + "/"
    harmless_paths = frozenset(("/dev/null",))
    af_unix = 1

    process_events = frozenset((
        "os.system", "os.exec", "os.posix_spawn", "os.spawn", "os.fork", "os.forkpty", "subprocess.Popen",
        "os.startfile", "pty.spawn", "os.killpg"))
    network_events = frozenset((
        "socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyname_ex", "socket.gethostbyaddr",
        "socket.getnameinfo", "socket.sethostname"))
    address_events = frozenset(("socket.connect", "socket.bind", "socket.sendto", "socket.sendmsg"))
    # File-system events: which arguments are paths, and whether the last component is followed.
    followed = {
        "os.chmod": (0,), "os.chown": (0,), "os.chflags": (0,), "os.truncate": (0,), "os.utime": (0,),
        "os.setxattr": (0,), "os.removexattr": (0,), "os.link": (0, 1), "shutil.chown": (0,),
        "shutil.copymode": (1,), "shutil.copystat": (1,),
    }
    not_followed = {
        "os.remove": (0,), "os.rmdir": (0,), "os.mkdir": (0,), "os.rename": (0, 1), "os.symlink": (1,),
        "os.mkfifo": (0,), "os.mknod": (0,), "shutil.rmtree": (0,), "shutil.move": (0, 1),
        "shutil.copytree": (1,), "shutil.unpack_archive": (1,),
    }
    watched = (process_events | network_events | address_events | frozenset(followed) | frozenset(not_followed)
               | frozenset(("open", "import", "socket.__new__", "os.kill")))

    def absolute(path):
        path = fsdecode(path)
        return path if isabs(path) else join(getcwd(), path)

    def is_inside(resolved):
        return resolved == root or resolved.startswith(inside_prefix)

    def path_inside(path, follow):
        if isinstance(path, int):
            return True  # an open descriptor was checked when it was opened
        path = absolute(path)
        if path in harmless_paths:
            return True
        if follow:
            return is_inside(realpath(path))
        return is_inside(join(realpath(dirname(path)), basename(path)))

    def refuse(what):
        raise PermissionError("pyguard: %s is refused in the sandbox" % what)

    def hook(event, args):
        if event not in watched:
            if event.startswith("ctypes."):
                refuse("ctypes (%s)" % event)
            return
        if event == "open":
            path, _mode, flags = args
            if flags & write_flags and not path_inside(path, True):
                refuse("writing %r outside the working directory" % (path,))
        elif event == "import":
            name = args[0]
            top = name.partition(".")[0]
            if name in denied or top in denied:
                raise ImportError("pyguard: importing %r is refused in the sandbox" % name, name=name)
        elif event in process_events:
            refuse("creating processes (%s)" % event)
        elif event == "os.kill":
            if args[0] != getpid():
                refuse("signalling other processes")
        elif event in followed or event in not_followed:
            follow = event in followed
            for index in (followed if follow else not_followed)[event]:
                if index < len(args) and args[index] is not None and not path_inside(args[index], follow):
                    refuse("%s on %r outside the working directory" % (event, args[index]))
        elif allow_network:
            return
        elif event == "socket.__new__":
            if args[1] != af_unix:
                refuse("network access (socket family %s)" % args[1])
        elif event in network_events:
            refuse("network access (%s)" % event)
        elif event in address_events:
            address = args[1]
            if not isinstance(address, (str, bytes)) or address[:1] in ("\0", b"\0"):
                refuse("network access (%s)" % event)
            if not path_inside(address, False):
                refuse("a socket outside the working directory")

    return hook


def _run_script(script_and_args, workdir, send):
    import builtins
    import os
    import sys

    script = script_and_args[0]
    main = type(sys)("__main__")
    main.__file__ = script
    main.__builtins__ = builtins
    main.__cached__ = None
    sys.modules["__main__"] = main
    sys.argv = list(script_and_args)
    sys.path.insert(0, workdir)
    try:
        with open(script, "rb") as reader:
            source = reader.read()
        code = compile(source, script, "exec", dont_inherit=True)
    except SyntaxError as error:
        sys.excepthook(type(error), error, None)
        raise SystemExit(1)
    try:
        exec(code, main.__dict__)
    except SystemExit:
        raise
    except BaseException as error:
        if isinstance(error, MemoryError):
            send("memory")
        # The traceback starts in this function; the user's own frames begin one level down.
        error.__traceback__ = error.__traceback__.tb_next if error.__traceback__ is not None else None
        try:
            sys.excepthook(type(error), error, error.__traceback__)
        finally:
            raise SystemExit(1)


_pyguard_main()
