"""The `tridoc` command: option parsing only; the work is in runner.py, compare.py and render.py.

Only click is imported up front: a one-file `tridoc extract f --format json`
must start fast and never load rich.
"""
from __future__ import annotations

import os
import sys

import click

KINDS = ("all", "target", "baseline")
LANGS = ("en", "zh")


def _auto_format(fmt: str | None) -> str:
    """A table for a person at a terminal, JSON for a program reading a pipe."""
    return fmt or ("table" if sys.stdout.isatty() else "json")


def _check_catalogue(path: str | None) -> None:
    """A catalogue that cannot be used stops the command with one line naming the file and line, status 2."""
    from .catalogue import CatalogueError, load_catalogue

    try:
        load_catalogue(path)
    except CatalogueError as exc:
        click.echo(f"tridoc: error: {' '.join(str(exc).split())}", err=True)
        sys.exit(2)


def _settings(catalogue: str | None, encoding: str | None, max_bytes: int | None):
    from .runner import Settings

    _check_catalogue(catalogue)
    return Settings(catalogue=catalogue, encoding=encoding, max_bytes=max_bytes)


def reading_options(command):
    """Options shared by the commands that read documents."""
    options = [
        click.option("--catalogue", type=click.Path(dir_okay=False), help="Indicator catalogue (TOML) replacing the shipped one."),
        click.option("--encoding", metavar="NAME", help="Encoding of the inputs (default: detected)."),
        click.option("--max-bytes", type=click.IntRange(min=1), metavar="N",
                     help="Refuse files larger than N bytes (default: the reader's limit, 50 MiB)."),
        click.option("--kind", type=click.Choice(KINDS), default="all", show_default=True,
                     help="Targets, baselines (measured past values) or both, targets first."),
        click.option("--lang", type=click.Choice(LANGS), default="en", show_default=True,
                     help="Language of labels and units in tables."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="tridoc")
def main() -> None:
    """Quantitative targets (speeds, rates, money, counts and their years) from Chinese policy documents."""


@main.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(allow_dash=True), metavar="FILE_OR_DIR...")
@reading_options
@click.option("--format", "fmt", type=click.Choice(("table", "json", "jsonl", "csv")),
              help="Output format (default: table on a terminal, JSON otherwise).")
def extract(inputs, catalogue, encoding, max_bytes, kind, lang, fmt) -> None:
    """Targets of each file (directories are read recursively; - reads standard input).

    One document prints one JSON object, several print an array. A document that
    cannot be read is reported on stderr and in the output; the status is then 1.
    """
    from .runner import extract_main

    settings = _settings(catalogue, encoding, max_bytes)
    sys.exit(extract_main(inputs, settings, _auto_format(fmt), kind, lang))


@main.command("compare")
@click.argument("inputs", nargs=-1, required=True, type=click.Path(allow_dash=True), metavar="FILE_OR_DIR...")
@reading_options
@click.option("--format", "fmt", type=click.Choice(("table", "json", "csv", "md")),
              help="Output format (default: table on a terminal, JSON otherwise); csv has one line per figure.")
@click.option("--indicator", "indicators", multiple=True, metavar="KEY",
              help="Keep indicators whose key starts with KEY (repeatable), e.g. broadband.")
@click.option("--year", "years", multiple=True, type=int, metavar="YEAR", help="Keep targets for YEAR (repeatable).")
@click.option("--region", "regions", multiple=True, metavar="NAME",
              help="Keep documents whose region contains NAME, any case (repeatable).")
@click.option("--by", type=click.Choice(("document", "year")), default="document", show_default=True,
              help="Columns: one per document, or one per year (a table per indicator).")
@click.option("--chart", is_flag=True, help="Bar charts comparing the documents, one per row.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), metavar="N", default=lambda: os.cpu_count() or 1,
              show_default="number of cores", help="Worker processes; 1 reads in this process.")
def compare_command(inputs, catalogue, encoding, max_bytes, kind, lang, fmt, indicators, years, regions, by,
                    chart, jobs) -> None:
    """Line up the targets of every document: a row per indicator, scope and year, a column per document."""
    from .compare import Filters
    from .runner import View, compare_main

    if chart and fmt not in (None, "table"):
        raise click.UsageError("--chart draws on the terminal; it cannot be combined with --format " + fmt)
    settings = _settings(catalogue, encoding, max_bytes)
    filters = Filters(tuple(indicators), tuple(years), tuple(regions), kind)
    view = View(fmt=_auto_format(fmt), by=by, chart=chart, lang=lang)
    sys.exit(compare_main(inputs, settings, filters, view, jobs))


@main.command()
@click.argument("which", type=click.Choice(("extract", "compare")), default="extract")
def schema(which) -> None:
    """JSON Schema of the output of `tridoc extract` (default) or `tridoc compare`."""
    from .render import write_schema

    write_schema(which, sys.stdout)


@main.command()
@click.option("--catalogue", type=click.Path(dir_okay=False), help="Indicator catalogue (TOML) to list instead of the shipped one.")
@click.option("--format", "fmt", type=click.Choice(("table", "json")),
              help="Output format (default: table on a terminal, JSON otherwise).")
def indicators(catalogue, fmt) -> None:
    """The indicator catalogue in use: keys, families, units, labels and some cue words."""
    from .catalogue import load_catalogue
    from .render import write_indicators_json, write_indicators_table

    _check_catalogue(catalogue)
    if _auto_format(fmt) == "json":
        write_indicators_json(load_catalogue(catalogue), sys.stdout)
    else:
        write_indicators_table(load_catalogue(catalogue), sys.stdout)
