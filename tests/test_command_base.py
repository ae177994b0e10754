"""qa's click classes print the same help as click's own and parse the same way."""

from __future__ import annotations

from typing import Any

import click
from click.testing import CliRunner

from qa.commands.base import Command, Group, option


def _pair(command_class: type[click.Command], make_option: Any) -> click.Command:
    @click.command(cls=command_class, context_settings={"help_option_names": ["-h", "--help"]})
    @click.argument("paths", nargs=-1)
    @make_option("-o", "--output", help="Write the report to a file.")
    @make_option(
        "--color", type=click.Choice(["auto", "never"]), default="auto", show_default=True, help="Colours."
    )
    @make_option("-q", "--quiet", is_flag=True, help="Findings only.")
    def run(paths: tuple[str, ...], output: str | None, color: str, quiet: bool) -> None:
        """Lint files.

        More about it, indented as docstrings are."""
        click.echo(f"{paths} {output} {color} {quiet}")

    return run


def test_help_and_parsing_are_clicks() -> None:
    ours, clicks = _pair(Command, option), _pair(click.Command, click.option)
    runner = CliRunner()
    cases = (
        ["--help"], ["-h"], ["a.txt", "-o", "r.json", "-q"], ["--colr", "x"], ["--color", "bad"],
        ["-or.json"], ["-o=r.json"], ["-qo", "r.json"], ["-x"], ["-qx"], ["--output=r.json"],
        ["--outpt", "r"], ["--", "-o", "a.txt"], ["-o", "-q"], ["-o"],
    )  # fmt: skip
    for args in cases:
        mine, theirs = runner.invoke(ours, args), runner.invoke(clicks, args)
        assert (mine.exit_code, mine.output) == (theirs.exit_code, theirs.output), args
    assert "Show this message and exit." in runner.invoke(ours, ["-h"]).output


def test_a_group_gives_its_commands_the_plain_help() -> None:
    @click.group(cls=Group)
    def top() -> None:
        """Top."""

    @top.command()
    def sub() -> None:
        """Sub."""

    assert isinstance(sub, Command)
    result = CliRunner().invoke(top, ["sub", "--help"])
    assert result.exit_code == 0 and "--help  Show this message and exit." in result.output
