"""``qa daemon start|stop|restart|status``: a resident qa that answers ``qa check`` at once."""

from __future__ import annotations

import sys

import click

from qa.commands.base import Group, option
from qa.resident import control, launch

_IDLE = option(
    "--idle-timeout",
    type=click.FloatRange(min=0),
    default=control.IDLE_TIMEOUT,
    show_default=True,
    help="Exit after this many seconds without a client (0: never).",
)


@click.group(cls=Group)
def daemon() -> None:
    """Keep a warm qa in the background so that 'qa check' skips start-up.

    A running daemon has imported qa and loaded its rules and data; each 'qa check' then
    hands its arguments, folder, environment and terminal to it, and a forked copy runs
    the check: same output, colours, exit code, --fix, -j and stdin as a plain run,
    without the start-up (on the development machine a one-line check takes 0.04 s
    instead of 0.15-0.18 s, an article 0.06 s instead of 0.21 s). Worth it where qa runs
    often on little copy: an editor on save, a pre-commit loop, a CMS script. Other
    commands run as usual.

    One daemon per user and copy of qa, listening on a socket in $XDG_RUNTIME_DIR/qa (else
    ~/.cache/qa/daemon); it exits after --idle-timeout seconds without a client, and at the
    first check after qa's code or data changed (that check, and any whose start-up
    settings such as QA_PURE differ from the daemon's, runs as usual). QA_DAEMON=off makes
    'qa check' ignore it.
    """


@daemon.command()
@_IDLE
def start(idle_timeout: float) -> None:
    """Start the daemon (returns once it is ready; a no-op if one runs)."""
    status, started = control.start(idle_timeout)
    verb = "started" if started else "already running"
    click.echo(f"qa daemon {verb} (pid {status['pid']}, socket {status['socket']})")


@daemon.command()
def stop() -> None:
    """Stop the daemon (checks it is running finish first)."""
    status = control.stop()
    click.echo("qa daemon stopped" if status else "qa daemon: not running")


@daemon.command()
@_IDLE
def restart(idle_timeout: float) -> None:
    """Stop the daemon if it runs, then start a new one (after upgrading or editing qa)."""
    control.stop()
    status, _ = control.start(idle_timeout)
    click.echo(f"qa daemon started (pid {status['pid']}, socket {status['socket']})")


@daemon.command()
def status() -> None:
    """Say whether the daemon runs, since when, what it served. Exit 1 if it does not run."""
    found = control.query()
    if found is None:
        pid = launch.holder()
        if pid is None:
            click.echo("qa daemon: not running")
        else:
            click.echo(
                f"qa daemon: pid {pid} holds the lock but does not answer (starting, or its socket is gone)"
            )
        sys.exit(1)
    click.echo(control.describe(found))
