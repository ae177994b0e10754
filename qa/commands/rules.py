"""``qa rules`` and ``qa explain CODE``: the rule catalogue, generated from the rule data."""

from __future__ import annotations

import json

import click

from qa.commands.options import load_config
from qa.engine import registry
from qa.engine.rule import RuleMeta


def _specs(config_path: str | None) -> dict[str, registry.RuleSpec]:
    config = load_config(config_path, ["."])
    return registry.load_specs(tuple(config["rule-files"]))


@click.command()
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text")
@click.option("--config", "config_path", type=click.Path(dir_okay=False))
def rules(output_format: str, config_path: str | None) -> None:
    """List every rule: code, name, severity, fix safety, default and summary."""
    metas = [spec.meta for _, spec in sorted(_specs(config_path).items())]
    if output_format == "json":
        click.echo(json.dumps([_record(m) for m in metas], ensure_ascii=False, indent=2))
        return
    for m in metas:
        flags = ("" if m.default else " (opt-in)") + ("" if m.fix == "none" else f" [fix: {m.fix}]")
        click.echo(f"{m.code}  {m.name:<34} {m.severity!s:<8}{m.summary}{flags}")


def _record(meta: RuleMeta) -> dict[str, object]:
    return {
        "code": meta.code,
        "name": meta.name,
        "severity": str(meta.severity),
        "fix": meta.fix,
        "default": meta.default,
        "summary": meta.summary,
    }


def explanation(meta: RuleMeta) -> str:
    """The rule's documentation with its examples, as ``qa explain`` prints it."""
    lines = [
        f"{meta.code} {meta.name}",
        "",
        meta.summary,
        "",
        f"Severity: {meta.severity}.  Fix: {meta.fix}.  "
        f"{'On by default' if meta.default else 'Opt-in: select it by code'}.  "
        f"Defined in rules/{meta.source}.",
    ]
    if meta.doc:
        lines += ["", meta.doc]
    lines += ["", "Flagged:"]
    for example in meta.failing:
        lines.append(f"  ✗ {example.text}")
        if example.fixed is not None:
            lines.append(f"    → {example.fixed}")
    lines += ["", "Not flagged:"]
    lines += [f"  ✓ {example.text}" for example in meta.passing]
    return "\n".join(lines)


@click.command()
@click.argument("code")
@click.option("--config", "config_path", type=click.Path(dir_okay=False))
def explain(code: str, config_path: str | None) -> None:
    """Print a rule's documentation and examples (by code or name)."""
    for spec in _specs(config_path).values():
        if code.upper() == spec.meta.code or code == spec.meta.name:
            click.echo(explanation(spec.meta))
            return
    raise click.BadParameter(f"no rule {code!r} (see 'qa rules')", param_hint="CODE")
