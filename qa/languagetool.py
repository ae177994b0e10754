"""A real LanguageTool server: fetch it from Maven Central, start it on loopback.

LanguageTool 6.x is published on Maven Central, not as a ZIP any more. ``install``
writes a small ``pom.xml`` naming ``org.languagetool:languagetool-server`` without
the 200 MB ``language-all`` module, plus the few language modules it needs, and
lets Maven copy the jars into a cache directory. ``start`` runs
``org.languagetool.server.HTTPServer`` from that classpath on 127.0.0.1 and waits
until it answers a check (the first check is the slow one).
"""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from qa.cleanup import signals_held, stop_if_signalled
from qa.errors import QAError

if TYPE_CHECKING:
    import subprocess

# shutil, subprocess, socket, tempfile and urllib are imported where used: E001 reads
# ENV_URL on every `qa check`, which must not pay for a process or HTTP stack it does not use.

VERSION = "6.8"
#: English is what qa sends. LanguageTool 6.8's language identifier, built at start-up,
#: refuses to start unless Spanish, Catalan and Portuguese are on the classpath too.
MODULES = ("language-en", "language-es", "language-ca", "language-pt")
ENV_HOME = "QA_LANGUAGETOOL_HOME"
ENV_URL = "QA_LANGUAGETOOL_URL"
MAIN_CLASS = "org.languagetool.server.HTTPServer"
#: LanguageTool's usual port; ``qa serve`` takes 8081, so the two can run side by side.
DEFAULT_PORT = 8010


class LanguageToolError(QAError):
    """LanguageTool cannot be fetched, started or reached."""


def home(version: str = VERSION) -> Path:
    """Where the jars of one version live (``$QA_LANGUAGETOOL_HOME`` or the user cache)."""
    base = os.environ.get(ENV_HOME) or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache", "qa", "languagetool"
    )
    return Path(base) / version


def libs(version: str = VERSION) -> Path:
    return home(version) / "libs"


def installed(version: str = VERSION) -> bool:
    return (home(version) / "complete").is_file()


def pom(version: str = VERSION, modules: tuple[str, ...] = MODULES) -> str:
    """A pom whose only purpose is to resolve the server's runtime classpath."""

    def dependency(artifact: str, extra: str = "") -> str:
        return (
            "    <dependency><groupId>org.languagetool</groupId>"
            f"<artifactId>{artifact}</artifactId><version>{version}</version>{extra}</dependency>\n"
        )

    exclusion = (
        "<exclusions><exclusion><groupId>org.languagetool</groupId>"
        "<artifactId>language-all</artifactId></exclusion></exclusions>"
    )
    return (
        '<project xmlns="http://maven.apache.org/POM/4.0.0">\n'
        "  <modelVersion>4.0.0</modelVersion>\n"
        "  <groupId>qa</groupId><artifactId>languagetool-classpath</artifactId><version>1</version>\n"
        "  <dependencies>\n"
        + dependency("languagetool-server", exclusion)
        + "".join(dependency(m) for m in modules)
        + "  </dependencies>\n</project>\n"
    )


def _tool(name: str, package: str) -> str:
    import shutil

    path = shutil.which(name)
    if path is None:
        raise LanguageToolError(f"LanguageTool needs {name!r} on PATH (Debian: apt-get install {package})")
    return path


def install(version: str = VERSION, *, force: bool = False, quiet: bool = True) -> Path:
    """Fetch the server and its English module from Maven Central; returns the jar folder."""
    import shutil
    import subprocess

    target = home(version)
    if installed(version) and not force:
        return libs(version)
    mvn = _tool("mvn", "maven")
    _tool("java", "openjdk-17-jre-headless")
    target.mkdir(parents=True, exist_ok=True)
    (target / "pom.xml").write_text(pom(version), encoding="utf-8")
    shutil.rmtree(libs(version), ignore_errors=True)
    command = [
        mvn,
        "-B",
        *(["-q"] if quiet else []),
        "-f",
        str(target / "pom.xml"),
        "dependency:copy-dependencies",
        "-DincludeScope=runtime",
        f"-DoutputDirectory={libs(version)}",
        "-Dmdep.stripVersion=true",
    ]
    done = subprocess.run(command, capture_output=quiet, text=True, check=False)
    if done.returncode != 0:
        tail = " ".join((done.stdout or "").split()[-40:]) if quiet else ""
        raise LanguageToolError(f"Maven could not fetch LanguageTool {version}: {tail}".rstrip(": "))
    (target / "complete").write_text(version + "\n", encoding="utf-8")
    return libs(version)


def unreachable(url: str, timeout: float = 5.0) -> str | None:
    """Why ``url`` does not answer as a LanguageTool server, in a few words; None if it does."""
    import urllib.error
    import urllib.request

    try:
        with urllib.request.urlopen(f"{url.rstrip('/')}/v2/languages", timeout=timeout) as response:
            response.read(1)
            return None
    except urllib.error.HTTPError as exc:
        return f"HTTP {exc.code} {exc.reason}"
    except (urllib.error.URLError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", exc)
        if isinstance(reason, TimeoutError) or "timed out" in str(reason):
            return f"no answer in {timeout:g} s"
        if isinstance(reason, OSError) and reason.strerror:
            return reason.strerror.lower()
        return " ".join(str(reason).split())


def check_port_free(port: int) -> None:
    """Refuse a loopback port something already listens on, in one line."""
    import socket

    with socket.socket() as sock:
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            raise LanguageToolError(f"port {port} is in use (choose another with --port)") from None


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@dataclass
class Server:
    """A LanguageTool server this process started; :meth:`stop` ends it."""

    process: subprocess.Popen[bytes]
    url: str
    log: Path
    #: Seconds until the health check answered, and until the first check came back.
    ready_seconds: float = 0.0
    warm_seconds: float = 0.0
    _files: list[Path] = field(default_factory=list)

    def stop(self) -> None:
        import subprocess

        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        for path in self._files:
            path.unlink(missing_ok=True)

    def __enter__(self) -> Server:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def start(
    port: int | None = None,
    *,
    version: str = VERSION,
    properties: Mapping[str, str] | None = None,
    timeout: float = 120.0,
    log: Path | None = None,
    memory: str = "1g",
) -> Server:
    """Start the installed server on 127.0.0.1 and wait until it has answered one check."""
    import subprocess

    if not installed(version):
        raise LanguageToolError(f"LanguageTool {version} is not installed: run 'qa languagetool install'")
    import tempfile

    java = _tool("java", "openjdk-17-jre-headless")
    port = port or free_port()
    files: list[Path] = []
    command = [java, f"-Xmx{memory}", "-cp", str(libs(version) / "*"), MAIN_CLASS, "--port", str(port)]
    if properties:
        handle, name = tempfile.mkstemp(prefix="qa-languagetool-", suffix=".properties")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.writelines(f"{key}={value}\n" for key, value in properties.items())
        files.append(Path(name))
        command += ["--config", name]
    if log is None:
        handle, name = tempfile.mkstemp(prefix="qa-languagetool-", suffix=".log")
        os.close(handle)
        log = Path(name)
    began = time.monotonic()
    with signals_held() as held, log.open("wb") as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        server = Server(process, f"http://127.0.0.1:{port}", log, _files=files)
    try:
        for signum in held:  # a Ctrl-C or SIGTERM while Java was being started acts now
            signal.raise_signal(signum)
        _wait(server, "/v2/healthcheck", None, began + timeout)
        server.ready_seconds = time.monotonic() - began
        _wait(server, "/v2/check", {"language": "en-US", "text": "This is a warm-up."}, began + timeout)
        server.warm_seconds = time.monotonic() - began
    except BaseException:  # an error, Ctrl-C or SIGTERM while it warms up: Java goes too
        server.stop()
        raise
    return server


def _wait(server: Server, path: str, form: Mapping[str, str] | None, deadline: float) -> None:
    import urllib.error
    import urllib.parse
    import urllib.request

    data = urllib.parse.urlencode(form).encode() if form else None
    while True:
        stop_if_signalled()
        if server.process.poll() is not None:
            log = server.log.read_text(encoding="utf-8", errors="replace")
            if "Address already in use" in log:
                raise LanguageToolError(f"port {server.url.rsplit(':', 1)[-1]} is in use")
            tail = log.strip().splitlines()[-3:]
            raise LanguageToolError(
                f"LanguageTool exited with code {server.process.returncode}: {' | '.join(tail)}"
            )
        try:
            with urllib.request.urlopen(server.url + path, data=data, timeout=60) as response:
                response.read()
                return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            if time.monotonic() > deadline:
                server.stop()
                raise LanguageToolError(f"LanguageTool did not answer on {server.url} in time") from None
            time.sleep(0.1)
