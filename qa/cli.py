"""The ``qa`` command line: a thin shell over :mod:`qa.api`.

Subcommands live in :mod:`qa.commands` and are imported only when used, so
``qa check`` never pays for the server, LanguageTool or the HTML report.
"""

from __future__ import annotations

from qa import regexcache
from qa.runtime import end_now, quiet_start

quiet_start()  # before the imports below, which create most of start-up's objects
regexcache.defer()  # regex's parser is imported only if a pattern is not in the store

import os  # noqa: E402
import sys  # noqa: E402
from importlib import import_module  # noqa: E402
from typing import Any  # noqa: E402

import click  # noqa: E402

from qa import __version__  # noqa: E402
from qa.cleanup import Terminated, on_signals  # noqa: E402
from qa.commands.base import Group, Option  # noqa: E402
from qa.errors import QAError, internal_error  # noqa: E402

#: name -> "module:attribute" of a click command.
COMMANDS = {
    "check": "qa.commands.check:check",
    "rules": "qa.commands.rules:rules",
    "explain": "qa.commands.rules:explain",
    "config": "qa.commands.config:config",
    "facts": "qa.commands.facts:facts",
    "serve": "qa.commands.serve:serve",
    "convert": "qa.commands.convert:convert",
    "languagetool": "qa.commands.languagetool:languagetool",
    "names": "qa.commands.names:names",
    "lsp": "qa.commands.lsp:lsp",
    "daemon": "qa.commands.daemon:daemon",
}


class LazyGroup(Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        target = COMMANDS.get(name)
        if target is None:
            return None
        module, _, attribute = target.partition(":")
        command: click.Command = getattr(import_module(module), attribute)
        return command


def _show_version(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    if value and not ctx.resilient_parsing:
        click.echo(f"qa, version {__version__}", color=ctx.color)
        ctx.exit()


# click's version_option looks its help text up in gettext's catalogues when it is made,
# which imports locale and searches the disk for them (about 2 ms of every run)
@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--version",
    cls=Option,
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=_show_version,
    help="Show the version and exit.",
)
def cli() -> None:
    """qa — a linter for Hindi (Devanagari) news copy."""


def main(argv: list[str] | None = None) -> Any:
    """Entry point: every QAError becomes one line on stderr and exit code 2; SIGTERM,
    SIGHUP and Ctrl-C unwind the run (removing temp files) and exit 128 + the signal."""
    on_signals()
    try:
        return cli.main(args=argv, prog_name="qa", standalone_mode=True)
    except QAError as exc:
        click.echo(f"qa: error: {exc}", err=True)
        sys.exit(2)
    except Terminated as exc:
        click.echo("qa: terminated", err=True)
        sys.exit(128 + exc.signum)
    except KeyboardInterrupt:
        click.echo("qa: interrupted", err=True)
        sys.exit(130)
    except Exception as exc:  # never a traceback for users; QA_DEBUG=1 shows it
        if os.environ.get("QA_DEBUG"):
            raise
        click.echo(internal_error(exc), err=True)
        sys.exit(2)


def run() -> None:
    """The ``qa`` command (and ``python -m qa.cli``): :func:`main`, then the process ends
    without the interpreter's teardown (:func:`qa.runtime.end_now`). In-process callers
    use :func:`main`, which raises ``SystemExit`` as usual."""
    try:
        main()
    except SystemExit as exit:
        end_now(exit.code)
        raise


if __name__ == "__main__":
    run()
