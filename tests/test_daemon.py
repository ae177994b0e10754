"""``qa daemon``: a real daemon in a temporary runtime folder, real sockets, the ``qa``
command as a subprocess. A check through the daemon prints, exits and writes exactly as
the same check in-process (``QA_DAEMON=off``); a daemon that cannot answer is skipped."""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

import qa.cache
from qa.cache import Cache
from qa.config import Config
from qa.resident import wire
from qa.resident.control import alive
from qa.resident.freshness import Snapshot

from conftest import ROOT, SEED, ctrl_c_as_in_a_terminal

pytestmark = [
    pytest.mark.xdist_group("daemon"),  # one at a time: a test that edits qa's files ends every daemon
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the daemon needs Linux"),
]

ONE_LINE = "ज़्यादा राष्ट्रपति ने कहा की बातचीत जारी रहेगी ।\n"
#: Bounds against hanging, never timings asserted.
PATIENCE = 60.0


class Daemon:
    """A daemon for a runtime folder of its own, and ``qa`` runs that may use it.

    The folder is short (``mkdtemp`` in the system's temporary folder): a socket's path
    has at most 107 bytes, and pytest's own temporary paths can be longer."""

    def __init__(self, **env: str) -> None:
        self.runtime = Path(tempfile.mkdtemp(prefix="qa-run-"))
        self.env = {**os.environ, "XDG_RUNTIME_DIR": str(self.runtime), "NO_COLOR": "1", **env}
        self.env.pop("QA_DAEMON", None)

    def qa(self, *args: str, **kwargs: object) -> subprocess.CompletedProcess[bytes]:
        env = {**self.env, **kwargs.pop("env", {})}  # type: ignore[dict-item]
        return subprocess.run(
            [sys.executable, "-m", "qa", *args], capture_output=True, env=env, timeout=120, **kwargs
        )  # type: ignore[call-overload]

    def start(self, *args: str) -> int:
        started = self.qa("daemon", "start", *args, cwd=self.runtime)
        assert started.returncode == 0, started.stderr
        return self.pid()

    def status(self) -> subprocess.CompletedProcess[bytes]:
        return self.qa("daemon", "status", cwd=self.runtime)

    def _number(self, pattern: str) -> int:
        found = re.search(pattern, self.status().stdout.decode())
        assert found, "the daemon does not run"
        return int(found[1])

    def pid(self) -> int:
        return self._number(r"pid (\d+),")

    def served(self) -> int:
        return self._number(r"(\d+) checks served")

    def running(self) -> int:
        return self._number(r"(\d+) running")

    def stop(self) -> None:
        self.qa("daemon", "stop", cwd=self.runtime)

    def remove(self) -> None:
        """Stop the daemon, check it took its socket away, and delete the folder."""
        self.stop()
        try:
            assert not list((self.runtime / "qa").glob("*.sock"))
        finally:
            shutil.rmtree(self.runtime, ignore_errors=True)


def _until(condition, what: str) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + PATIENCE
    while not condition():
        assert time.monotonic() < deadline, f"still waiting for {what}"
        time.sleep(0.05)


@pytest.fixture
def resident() -> Iterator[Daemon]:
    """Daemons of a temporary runtime folder; whichever runs at the end is stopped."""
    daemon = Daemon()
    try:
        yield daemon
    finally:
        daemon.remove()


@pytest.fixture
def daemon(resident: Daemon) -> Daemon:
    resident.start()
    return resident


def _same(
    daemon: Daemon,
    *args: str,
    input: bytes | None = None,
    cwd: Path = ROOT,
    env: dict[str, str] | None = None,
) -> None:
    """The run through the daemon (which serves it) prints and exits as the run in-process."""
    served = daemon.served()
    resident = daemon.qa(*args, input=input, cwd=cwd, env=env or {})
    plain = daemon.qa(*args, input=input, cwd=cwd, env={**(env or {}), "QA_DAEMON": "off"})
    assert (resident.returncode, resident.stdout, resident.stderr) == (
        plain.returncode,
        plain.stdout,
        plain.stderr,
    )
    assert daemon.served() == served + 1


def test_reports_exit_codes_and_errors_are_those_of_a_plain_run(daemon: Daemon, tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text(ONE_LINE, encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\x00broken")
    _same(daemon, "check", "--no-cache", str(SEED))
    _same(daemon, "check", "--no-cache", "--format", "json", "one.txt", cwd=tmp_path)
    _same(daemon, "check", "--no-cache", "--format", "concise", "-", input=ONE_LINE.encode())
    _same(daemon, "check", "--no-cache", "bad.txt", cwd=tmp_path)  # exit 2, one line
    _same(daemon, "check", "missing.txt", cwd=tmp_path)
    _same(daemon, "check", "--format", "nonsense", "one.txt", cwd=tmp_path)  # click's usage error
    _same(daemon, "check", "--no-cache", "--select", "P", "--statistics", "one.txt", cwd=tmp_path)
    _same(daemon, "check", "--no-cache", "-j", "2", str(SEED), "one.txt", cwd=tmp_path)


def test_a_cached_check_keys_its_results_as_a_plain_run(resident: Daemon, tmp_path: Path) -> None:
    """The child takes qa's files for the result cache's key from the daemon, which has just
    compared them with the disk: it finds the entry a plain run stored (``QA_DAEMON=off``
    would be part of the key: the plain run is one without a daemon)."""
    (tmp_path / "one.txt").write_text(ONE_LINE, encoding="utf-8")
    cache = tmp_path / "cache"
    resident.env["QA_CACHE_DIR"] = str(cache)
    expected = resident.qa("check", "one.txt", cwd=tmp_path)
    assert len(list(cache.glob("*/*.json"))) == 1
    resident.start()
    for _ in range(2):  # a spare child or one forked on demand
        done = resident.qa("check", "one.txt", cwd=tmp_path)
        assert (done.returncode, done.stdout, done.stderr) == (
            expected.returncode,
            expected.stdout,
            expected.stderr,
        )
    assert resident.served() == 2 and len(list(cache.glob("*/*.json"))) == 1


def test_the_files_a_daemon_hands_its_child_key_the_cache_as_a_scan(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    scanned = Cache(tmp_path, Config())._settings
    files = Snapshot.now().files
    monkeypatch.setattr(qa.cache, "_known", None)
    qa.cache.known_sources(files)
    assert qa.cache.source_files() is files
    assert Cache(tmp_path, Config())._settings == scanned


def test_fix_writes_the_same_file(daemon: Daemon, tmp_path: Path) -> None:
    for name in ("resident", "plain"):
        (tmp_path / name).mkdir()
        shutil.copy(SEED, tmp_path / name / "story.txt")
        os.chmod(tmp_path / name / "story.txt", 0o640)
    served = daemon.served()
    resident = daemon.qa("check", "--fix", "story.txt", cwd=tmp_path / "resident")
    plain = daemon.qa("check", "--fix", "story.txt", cwd=tmp_path / "plain", env={"QA_DAEMON": "off"})
    assert daemon.served() == served + 1
    assert (resident.returncode, resident.stdout, resident.stderr) == (
        plain.returncode,
        plain.stdout,
        plain.stderr,
    )
    fixed = (tmp_path / "resident" / "story.txt").read_bytes()
    assert fixed == (tmp_path / "plain" / "story.txt").read_bytes() != SEED.read_bytes()
    assert (tmp_path / "resident" / "story.txt").stat().st_mode & 0o777 == 0o640
    assert sorted(p.name for p in (tmp_path / "resident").iterdir()) == ["story.txt"]  # no temp file
    _same(daemon, "check", "--fix", "-", input=ONE_LINE.encode())  # a filter: fixed text on stdout


def test_config_and_the_files_it_names_are_read_by_each_run(daemon: Daemon, tmp_path: Path) -> None:
    """The warm rules are never reused for another config or an edited word list."""
    (tmp_path / "a.txt").write_text(
        "उसने वायस की बात कही। राष्ट्रपति ने कहा की बातचीत होगी ।\n", encoding="utf-8"
    )
    (tmp_path / "words.txt").write_text("x\n", encoding="utf-8")
    config = tmp_path / "qa.toml"
    config.write_text('[lexicon]\naccept-files = ["words.txt"]\n', encoding="utf-8")
    _same(daemon, "check", "--no-cache", "--format", "json", "a.txt", cwd=tmp_path)
    (tmp_path / "words.txt").write_text("x\nवायस\n", encoding="utf-8")
    _same(daemon, "check", "--no-cache", "--format", "json", "a.txt", cwd=tmp_path)
    config.write_text('select = ["P"]\n', encoding="utf-8")
    _same(daemon, "check", "--no-cache", "--format", "json", "a.txt", cwd=tmp_path)
    config.write_text('ignore = ["P", "T020"]\n', encoding="utf-8")
    _same(daemon, "check", "--no-cache", "--format", "json", "a.txt", cwd=tmp_path)


def test_another_start_up_environment_runs_in_process(daemon: Daemon, tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text(ONE_LINE, encoding="utf-8")
    for env in ({"QA_PURE": "1"}, {"QA_DATA_CACHE": "off"}, {"QA_DAEMON": "off"}):
        _refused(daemon, [*QA, "check", "--no-cache", "one.txt"], tmp_path, env=env)
    assert daemon.status().returncode == 0  # it stays for the clients it fits


def test_two_clients_at_once(daemon: Daemon, tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text(ONE_LINE, encoding="utf-8")
    commands = [
        [sys.executable, "-m", "qa", "check", "--no-cache", "--format", "json", str(SEED)],
        [sys.executable, "-m", "qa", "check", "--no-cache", "one.txt"],
    ]
    served = daemon.served()
    clients = [
        subprocess.Popen(c, cwd=tmp_path, env=daemon.env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for c in commands
    ]
    outputs = [(c.communicate(timeout=120), c.returncode) for c in clients]
    plain = [daemon.qa(*c[3:], cwd=tmp_path, env={"QA_DAEMON": "off"}) for c in commands]
    assert outputs == [((p.stdout, p.stderr), p.returncode) for p in plain]
    assert daemon.served() == served + 2


def _long_check(daemon: Daemon, tmp_path: Path) -> subprocess.Popen[bytes]:
    """A client whose check runs for a while (thousands of articles), once the daemon runs it."""
    stories = tmp_path / "stories"
    stories.mkdir()
    for number in range(3000):
        (stories / f"{number}.txt").write_bytes(SEED.read_bytes())
    client = subprocess.Popen(
        [sys.executable, "-m", "qa", "check", "--no-cache", "-j", "2", "--format", "json", str(stories)],
        env=daemon.env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        preexec_fn=ctrl_c_as_in_a_terminal,
    )
    _until(lambda: daemon.running() == 1 or client.poll() is not None, "the check to start")
    assert client.poll() is None, "the check ended before it could be stopped"
    return client


def test_ctrl_c_at_the_client_stops_the_check(daemon: Daemon, tmp_path: Path) -> None:
    client = _long_check(daemon, tmp_path)
    client.send_signal(signal.SIGINT)
    _, err = client.communicate(timeout=120)
    # as in a plain run: qa's message, or click's when the Ctrl-C lands in click's own code
    assert (client.returncode, err) in [(130, b"qa: interrupted\n"), (1, b"\nAborted!\n")]
    _until(lambda: daemon.running() == 0, "the child to end")


def test_a_client_that_dies_leaves_no_child(daemon: Daemon, tmp_path: Path) -> None:
    client = _long_check(daemon, tmp_path)
    client.kill()
    client.wait(timeout=120)
    _until(lambda: daemon.running() == 0, "the child to end")


def test_a_starter_that_ignores_sigchld(resident: Daemon, tmp_path: Path) -> None:
    """Ignored SIGCHLD (inherited across exec) would have the kernel reap the children."""
    resident.qa(
        "daemon",
        "start",
        cwd=resident.runtime,
        preexec_fn=lambda: signal.signal(signal.SIGCHLD, signal.SIG_IGN),
    )
    (tmp_path / "one.txt").write_text(ONE_LINE, encoding="utf-8")
    for _ in range(2):
        _same(resident, "check", "--no-cache", "one.txt", cwd=tmp_path)


def test_a_daemon_without_its_socket_file_can_be_stopped(daemon: Daemon) -> None:
    pid = daemon.pid()
    next((daemon.runtime / "qa").glob("*.sock")).unlink()
    status = daemon.status()
    assert status.returncode == 1 and f"pid {pid} holds the lock" in status.stdout.decode()
    stopped = daemon.qa("daemon", "stop", cwd=daemon.runtime)
    assert (stopped.returncode, stopped.stdout) == (0, b"qa daemon stopped\n")
    assert not alive(pid)


def test_killed_or_absent_daemon_means_a_plain_run(resident: Daemon, tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text(ONE_LINE, encoding="utf-8")
    expected = _plain(resident, tmp_path)
    assert _through(resident, tmp_path) == expected  # no daemon at all
    assert (resident.status().returncode, resident.status().stdout) == (1, b"qa daemon: not running\n")
    pid = resident.start()
    os.kill(pid, signal.SIGKILL)  # its socket file stays behind
    _until(lambda: not alive(pid), "the daemon to die")
    assert _through(resident, tmp_path) == expected
    resident.start()  # the dead daemon's socket is replaced
    assert _through(resident, tmp_path) == expected and resident.served() == 1


def test_a_daemon_whose_code_changed_steps_aside(tmp_path: Path) -> None:
    """Run from a copy of qa (editing the checkout would change other tests' cache keys)."""
    copy = tmp_path / "copy"
    for name in ("qa", "rules", "data"):
        shutil.copytree(ROOT / name, copy / name, ignore=shutil.ignore_patterns("__pycache__"))
    resident = Daemon(PYTHONPATH=_first_on_path(copy))
    (tmp_path / "one.txt").write_text(ONE_LINE, encoding="utf-8")
    try:
        pid = resident.start()
        expected = _plain(resident, tmp_path)
        assert _through(resident, tmp_path) == expected and resident.served() == 1
        (copy / "notes.txt").write_text("", encoding="utf-8")  # the root of qa's folder is worked in
        assert _through(resident, tmp_path) == expected and resident.served() == 2
        source = copy / "qa" / "resident" / "__init__.py"
        os.utime(source, ns=(source.stat().st_atime_ns, source.stat().st_mtime_ns + 10**9))
        assert "stale" in resident.status().stdout.decode()
        assert _through(resident, tmp_path) == expected
        _until(lambda: not alive(pid), "the stale daemon to exit")
    finally:
        resident.remove()


def test_a_package_installed_on_the_module_path_makes_the_daemon_step_aside(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    resident = Daemon(PYTHONPATH=_first_on_path(site))
    (tmp_path / "one.txt").write_text(ONE_LINE, encoding="utf-8")
    try:
        pid = resident.start()
        expected = _plain(resident, tmp_path)
        (site / "newly_installed.py").write_text("", encoding="utf-8")
        assert "stale" in resident.status().stdout.decode()
        assert _through(resident, tmp_path) == expected
        _until(lambda: not alive(pid), "the stale daemon to exit")
    finally:
        resident.remove()


def test_a_checkout_on_the_module_path_may_be_worked_in(tmp_path: Path) -> None:
    """Another project's checkout (an editable install puts its root on the path) gains a
    cache folder: the daemon still answers, as it does for qa's own checkout."""
    checkout = tmp_path / "project"
    checkout.mkdir()
    (checkout / "pyproject.toml").write_text("[project]\nname = 'other'\n", encoding="utf-8")
    resident = Daemon(PYTHONPATH=_first_on_path(checkout))
    (tmp_path / "one.txt").write_text(ONE_LINE, encoding="utf-8")
    try:
        resident.start()
        expected = _plain(resident, tmp_path)
        (checkout / ".pytest_cache").mkdir()
        assert _through(resident, tmp_path) == expected and resident.served() == 1
    finally:
        resident.remove()


def _first_on_path(folder: Path) -> str:
    """``PYTHONPATH`` with ``folder`` before what the tests run with."""
    return os.pathsep.join(p for p in (str(folder), os.environ.get("PYTHONPATH")) if p)


def _through(daemon: Daemon, folder: Path) -> tuple[int, bytes, bytes]:
    done = daemon.qa("check", "--no-cache", "one.txt", cwd=folder)
    return done.returncode, done.stdout, done.stderr


def _plain(daemon: Daemon, folder: Path) -> tuple[int, bytes, bytes]:
    done = daemon.qa("check", "--no-cache", "one.txt", cwd=folder, env={"QA_DAEMON": "off"})
    return done.returncode, done.stdout, done.stderr


def test_idle_timeout_and_stop(resident: Daemon) -> None:
    pid = resident.start("--idle-timeout", "1")
    _until(lambda: not alive(pid), "the idle daemon to exit")
    assert not list((resident.runtime / "qa").glob("*.sock"))
    pid = resident.start()
    again = resident.qa("daemon", "start", cwd=resident.runtime)
    assert again.stdout.decode().startswith(f"qa daemon already running (pid {pid},")
    stopped = resident.qa("daemon", "stop", cwd=resident.runtime)
    assert (stopped.returncode, stopped.stdout, stopped.stderr) == (0, b"qa daemon stopped\n", b"")
    assert not alive(pid) and not list((resident.runtime / "qa").glob("*.sock"))
    assert (resident.runtime / "qa").stat().st_mode & 0o777 == 0o700
    pid = resident.start()
    os.kill(pid, signal.SIGTERM)  # as a session's end or a service manager stops it
    _until(lambda: not alive(pid), "the daemon to stop on SIGTERM")
    assert not list((resident.runtime / "qa").glob("*.sock"))
    log = next((resident.runtime / "qa").glob("*.log")).read_text(encoding="utf-8")
    assert "stopping: signalled" in log and "Traceback" not in log


def _refused(
    daemon: Daemon, command: list[str], cwd: Path, env: dict[str, str] | None = None, **kwargs: object
) -> bytes:
    """``command`` (a ``qa`` run, perhaps wrapped) prints and exits as with ``QA_DAEMON=off``,
    and the daemon does not serve it; its output."""
    served = daemon.served()
    resident, plain = (
        subprocess.run(  # type: ignore[call-overload]
            command,
            cwd=cwd,
            env={**daemon.env, **(env or {}), **off},
            capture_output=True,
            timeout=120,
            **kwargs,
        )
        for off in ({}, {"QA_DAEMON": "off"})
    )
    assert (resident.returncode, resident.stdout, resident.stderr) == (
        plain.returncode,
        plain.stdout,
        plain.stderr,
    )
    assert daemon.served() == served
    return bytes(plain.stdout)


QA = [sys.executable, "-m", "qa"]


def test_closed_standard_streams_run_in_process(daemon: Daemon, tmp_path: Path) -> None:
    """A closed descriptor 0, 1 or 2 would be taken by the client's socket."""
    (tmp_path / "one.txt").write_text(ONE_LINE, encoding="utf-8")
    for closing in ("<&-", "2>&-", ">&-"):
        _refused(
            daemon,
            ["sh", "-c", f'exec "$@" {closing}', "sh", *QA, "check", "--no-cache", "one.txt"],
            tmp_path,
        )


def test_the_time_zone_is_the_clients(daemon: Daemon, tmp_path: Path) -> None:
    """Today's date (F022's message says it) in zones 26 hours apart: never the same day."""
    (tmp_path / "a.txt").write_text("ज़्यादातर सांसद मौजूदा 17वीं लोकसभा के सदस्य हैं।\n", encoding="utf-8")
    for zone in ("Etc/GMT+12", "Pacific/Kiritimati"):
        _same(daemon, "check", "--no-cache", "--format", "json", "a.txt", cwd=tmp_path, env={"TZ": zone})


def _unshare() -> list[str] | None:
    """A command that runs the rest in a new mount namespace, None if this system forbids it."""
    for command in (["unshare", "-m"], ["unshare", "-rm"]):
        if (
            shutil.which("unshare")
            and subprocess.run([*command, "true"], capture_output=True).returncode == 0
        ):
            return command
    return None


def test_another_mount_namespace_runs_in_process(daemon: Daemon, tmp_path: Path) -> None:
    """The client sees its own file system at the same paths (as under PrivateTmp): the
    child would check the daemon's file of that name."""
    unshare = _unshare()
    if unshare is None:
        pytest.skip("no mount namespaces here")
    (tmp_path / "one.txt").write_text("ज़ाहिर है, बातचीत जारी रहेगी।\n", encoding="utf-8")
    inner = f'mount -t tmpfs none {tmp_path} && cd {tmp_path} && printf \'%s\' "$TEXT" > one.txt && exec "$@"'
    command = [*unshare, "sh", "-c", inner, "sh", *QA, "check", "--no-cache", "one.txt"]
    assert b"one.txt:1:47: P002" in _refused(daemon, command, ROOT, env={"TEXT": ONE_LINE})


HIDDEN = """
cd "$1" && mount -t tmpfs none "$1" && printf 'ज़ाहिर है, बातचीत जारी रहेगी।\\n' > "$1/one.txt" || exit 1
out=$2 && shift 2 && "$@" daemon start >/dev/null || exit 1
"$@" check --no-cache one.txt >"$out/resident" 2>&1; echo "exit $?" >>"$out/resident"
QA_DAEMON=off "$@" check --no-cache one.txt >"$out/plain" 2>&1; echo "exit $?" >>"$out/plain"
"$@" daemon stop >/dev/null
"""


def test_a_working_folder_hidden_by_a_mount_runs_in_process(resident: Daemon, tmp_path: Path) -> None:
    """The client's folder has a file system mounted over it since it went there: the child
    would reach the mounted one by its path (a daemon in the same mount namespace), so it
    refuses after its chdir and the client checks its own file."""
    unshare = _unshare()
    if unshare is None:
        pytest.skip("no mount namespaces here")
    here, out = tmp_path / "here", tmp_path / "out"
    here.mkdir()
    out.mkdir()
    (here / "one.txt").write_text(ONE_LINE, encoding="utf-8")
    command = [*unshare, "sh", "-c", HIDDEN, "sh", str(here), str(out), *QA]
    done = subprocess.run(command, env=resident.env, cwd=ROOT, capture_output=True, timeout=300)
    assert done.returncode == 0, done.stderr
    plain = (out / "plain").read_text(encoding="utf-8")
    assert "one.txt:1:47: P002" in plain and (out / "resident").read_text(encoding="utf-8") == plain


@pytest.mark.skipif(os.geteuid() != 0, reason="only root may start a process with other groups")
def test_other_groups_run_in_process(daemon: Daemon, tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text(ONE_LINE, encoding="utf-8")
    command = [*QA, "check", "--no-cache", "one.txt"]
    _refused(daemon, command, tmp_path, group=1)
    _refused(daemon, command, tmp_path, extra_groups=[1, 2])


def _listen_as_nobody(path: Path) -> int:
    """The pid of a child that listens at ``path`` as the user nobody until it is killed."""
    ready, told = os.pipe()
    pid = os.fork()
    if pid == 0:
        try:
            os.setgid(65534)
            os.setuid(65534)
            listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            listener.bind(str(path))
            listener.listen()
            os.write(told, b"ready")
            signal.pause()
        finally:
            os._exit(0)
    os.close(told)
    try:
        assert os.read(ready, 5) == b"ready"
    finally:
        os.close(ready)
    return pid


def test_connect_reaches_only_a_process_of_this_user() -> None:
    folder = Path(tempfile.mkdtemp(prefix="qa-wire-"))
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        with pytest.raises(OSError):
            wire.connect(str(folder / "none.sock"), 1.0)
        listener.bind(str(folder / "ours.sock"))
        listener.listen()
        wire.connect(str(folder / "ours.sock"), 1.0).close()
        conn, _ = listener.accept()
        with conn:
            assert wire.peer(conn) == (os.getuid(), os.getegid())
        if os.geteuid() == 0:  # another user's process listens there
            folder.chmod(0o777)
            pid = _listen_as_nobody(folder / "theirs.sock")
            try:
                with pytest.raises(wire.WireError):
                    wire.connect(str(folder / "theirs.sock"), 1.0)
            finally:
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
    finally:
        listener.close()
        shutil.rmtree(folder, ignore_errors=True)


def test_the_daemon_keeps_no_descriptor_of_its_starter(resident: Daemon) -> None:
    """'qa daemon start | cat' ends: the daemon holds no end of the starter's pipes."""
    read, write = os.pipe()
    try:
        started = subprocess.run(
            [*QA, "daemon", "start"],
            env=resident.env,
            cwd=resident.runtime,
            pass_fds=(write,),
            capture_output=True,
        )
        assert started.returncode == 0, started.stderr
        pipe = f"pipe:[{os.fstat(write).st_ino}]"
        fds = Path(f"/proc/{resident.pid()}/fd")
        assert pipe not in [os.readlink(fd) for fd in fds.iterdir()]
    finally:
        os.close(read)
        os.close(write)


def test_another_process_start_runs_in_process(daemon: Daemon, tmp_path: Path) -> None:
    """CPU affinity (the default -j), nice level, interpreter, warning and -X options, the dynamic
    loader's variables and a faked clock are the client's only in its own process."""
    (tmp_path / "one.txt").write_text(ONE_LINE, encoding="utf-8")
    check = ["-m", "qa", "check", "--no-cache", "one.txt"]
    _refused(daemon, ["nice", "-n", "5", sys.executable, *check], tmp_path)
    if len(os.sched_getaffinity(0)) > 1:
        _refused(
            daemon, ["taskset", "-c", str(min(os.sched_getaffinity(0))), sys.executable, *check], tmp_path
        )
    _refused(daemon, [sys.executable, "-O", *check], tmp_path)  # sys.flags
    _refused(daemon, [sys.executable, "-W", "error::DeprecationWarning", *check], tmp_path)
    _refused(daemon, [sys.executable, "-X", "qa-test", *check], tmp_path)
    for env in ({"LD_BIND_NOW": "1"}, {"FAKETIME": "-1d"}):
        _refused(daemon, [sys.executable, *check], tmp_path, env=env)
