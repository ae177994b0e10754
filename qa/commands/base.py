"""qa's click classes: options and help options whose help text is kept as written.

click runs an option's help text through ``inspect.cleandoc`` when the option is made,
and makes a ``--help`` option for each command it parses; importing :mod:`inspect` (with
``ast``, ``dis`` and ``tokenize``) costs a run about 14 ms of CPU, and a check needs it
for nothing else (:mod:`qa.dataclasscache` defers it). qa's option help texts are single
lines, which ``cleandoc`` leaves as they are; ``--help`` still formats a command's
docstring with it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click


class Option(click.Option):
    """A click option whose help text is kept as written (a single line)."""

    def __init__(self, *args: Any, help: str | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.help = help


F = TypeVar("F", bound=Callable[..., Any])


def option(*param_decls: str, **attrs: Any) -> Callable[[F], F]:
    """``click.option``, making an :class:`Option`."""
    return click.option(*param_decls, cls=Option, **attrs)


def _show_help(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    if value and not ctx.resilient_parsing:
        click.echo(ctx.get_help(), color=ctx.color)
        ctx.exit()


class _PlainHelp(click.Command):
    """click's help option, made as an :class:`Option` (once per command: the order in
    which click processes parameters compares them by identity); a parser that tries a
    short option (``-o FILE``) as one at once."""

    _plain_help: Option | None = None

    def make_parser(self, ctx: click.Context) -> Any:
        parser = super().make_parser(ctx)
        _short_options_at_once(parser)
        return parser

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        names = self.get_help_option_names(ctx)
        if not names or not self.add_help_option:
            return None
        if self._plain_help is None:
            self._plain_help = Option(
                [*names, "qa_help"],  # its own name: no parameter of a command is clobbered
                is_flag=True,
                expose_value=False,
                is_eager=True,
                callback=_show_help,
                help="Show this message and exit.",
            )
        return self._plain_help


def _short_options_at_once(parser: Any) -> None:
    """click's parser tries every option as a long one first, and a short one (``-o``)
    fails that try with a "no such option" error whose close matches ``difflib`` finds and
    whose text gettext looks up in the locale's catalogues (about 4 ms of a run's CPU,
    ``difflib`` and ``locale`` imported), only to try it as a short option next. Here that
    first try fails with a plain error (never shown); a long option (``--x``) is matched,
    and refused, as click does. A parser without these (private) parts is left as it is."""
    match_long = getattr(parser, "_match_long_opt", None)
    long_options, prefixes = getattr(parser, "_long_opt", None), getattr(parser, "_opt_prefixes", None)
    if match_long is None or not isinstance(long_options, dict) or not isinstance(prefixes, set):
        return

    def match(option: str, explicit_value: str | None, state: Any) -> None:
        if option not in long_options and option[:2] not in prefixes:  # tried as a short one next
            raise click.NoSuchOption(option, message=option, ctx=parser.ctx)
        match_long(option, explicit_value, state)

    parser._match_long_opt = match


class Command(_PlainHelp):
    """A qa subcommand."""


class Group(_PlainHelp, click.Group):
    """A group of qa subcommands (they are :class:`Command` s)."""

    command_class = Command
