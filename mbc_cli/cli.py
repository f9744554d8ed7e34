"""The mbc command line: each command parses its options, asks a query and renders the answer.

What is written goes through `terminal`, the only module that writes; every failure leaves
through `failures.Group`, which chooses its exit code.
"""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from mbc_cli import __version__, complete, prompt, terminal
from mbc_cli.argv import command_named, front_door
from mbc_cli.failures import Command, Group
from mbc_cli.options import (
    BrcaOption,
    EvidenceOption,
    Format,
    FormatOption,
    Her2NegativeOption,
    Her2PositiveOption,
    HrNegativeOption,
    HrPositiveOption,
    JsonOption,
    TestSiteOption,
    TreatmentSiteOption,
    TripleNegativeOption,
    show_answer,
    words_given,
)

if TYPE_CHECKING:
    from mbc_cli.model import KnowledgeBase
    from mbc_cli.render.document import Context, Document

EXAMPLES = """Examples:

\b
  mbc ask "is it curable?"
  mbc i have headaches and feel sick        (a sentence is asked as a question)
  mbc symptom "yellow skin" nausea
  mbc site bone
  mbc treatments her2+
  mbc help site                             (or: mbc site --help)

Typed alone on a terminal, mbc asks for questions one after another."""
"""The end of `mbc --help`: what a newcomer types first."""

app = typer.Typer(
    name="mbc",
    cls=Group,
    help=(
        "Answers about metastatic breast cancer, every line cited to a trusted source. "
        "mbc informs; it does not diagnose or advise: talk to your care team."
    ),
    epilog=EXAMPLES,
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_show_locals=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    add_completion=False,  # mbc's own options: a script that runs the mbc it was installed from (mbc_cli.shells)
)


def _version(value: bool) -> None:
    if value:
        terminal.show(f"mbc {__version__}\n")
        raise typer.Exit()


def _completion(ctx: typer.Context, param: typer.CallbackParam, value: bool) -> None:
    """--install-completion and --show-completion, for the shell mbc runs in."""
    if not value or ctx.resilient_parsing:
        return
    from mbc_cli import shells

    try:
        shell = shells.shell_named(None)
    except shells.ShellError as problem:
        raise typer.BadParameter(str(problem), param=param) from None
    if param.name == "show_completion":
        terminal.show(shells.script(shell))
    else:
        from rich.text import Text

        path = shells.install(shell)
        terminal.show(Text(f"{shell} completion installed in {path}; it works in each shell opened from now on."))
    raise typer.Exit()


def _completion_option(name: str, does: str) -> Any:  # typer.Option is typed Any; it is an OptionInfo
    return typer.Option(
        name, callback=_completion, expose_value=False, is_eager=True, help=f"{does} for the shell mbc runs in."
    )


@app.callback()
def _options(
    ctx: typer.Context,
    kb: Annotated[
        str | None,
        typer.Option(
            "--kb",
            envvar="MBC_KB",
            metavar="FOLDER",
            help="Use the knowledge base in this folder (laid out like mbc's data/) instead of the bundled one.",
            show_default=False,
        ),
    ] = None,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show mbc's version and stop."),
    ] = False,
    install_completion: Annotated[
        bool, _completion_option("--install-completion", "Install completion of names and subtypes")
    ] = False,
    show_completion: Annotated[bool, _completion_option("--show-completion", "Print the completion script")] = False,
) -> None:
    """Answers about metastatic breast cancer, every line cited to a trusted source."""
    # Paths are taken as text and checked by mbc, which reports any it cannot use as a knowledge-base problem.
    ctx.obj.kb = None if kb is None else Path(kb)


@app.command(cls=Command, short_help="Check a knowledge base, and with --sources its quotes.")
def validate(
    ctx: typer.Context,
    path: Annotated[
        str | None,
        typer.Argument(
            help="A knowledge-base folder laid out like mbc's data/. Default: the one mbc ships with.",
            metavar="[FOLDER]",
            show_default=False,
        ),
    ] = None,
    sources: Annotated[
        str | None,
        typer.Option(
            "--sources",
            metavar="FOLDER",
            help="Also check every quote against the source snapshots in this folder (yours: see README).",
        ),
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Check a knowledge base in one pass: its files, ids and references, and with --sources every quote (the
    closest passage of the source shown where a quote is not found)."""
    from mbc_cli import query
    from mbc_cli.errors import UsageError
    from mbc_cli.kb import cache, load, locate
    from mbc_cli.render import validation

    ctx.find_root().obj.json = as_json
    folder = locate.folder(Path(path) if path is not None else ctx.find_root().obj.kb)
    snapshots = None if sources is None else Path(sources)
    if snapshots is not None and not snapshots.is_dir():
        raise UsageError(
            f"--sources {sources}: no such folder. Give the folder that holds the source snapshots and their "
            "manifest.yaml (see README: Checking quotes)."
        )
    summary = query.summary(load.load(folder, sources_dir=snapshots))
    if snapshots is not None:
        cache.record_checked(folder, snapshots)
    if as_json:
        terminal.show(validation.as_json(summary, sources=sources, ascii_only=not terminal.unicode(sys.stdout)))
    else:
        terminal.show(validation.summary(summary, quotes_checked=snapshots is not None))


@app.command(cls=Command, short_help="What spread to a site can cause, how it is found and treated.")
def site(
    ctx: typer.Context,
    name: Annotated[
        str,
        typer.Argument(
            metavar="SITE",
            help="A site, or a place within one: bone, lungs, liver, brain, spine...",
            autocompletion=complete.SITES,
            callback=words_given,
        ),
    ],
    evidence: EvidenceOption = False,
    fmt: FormatOption = Format.table,
    as_json: JsonOption = False,
) -> None:
    """What spread to a site can cause, how it is found, and how it is treated."""
    from mbc_cli import query
    from mbc_cli.render import sites

    show_answer(ctx, lambda kb, context: sites.site(query.by_site(kb, name), context), fmt, as_json, evidence=evidence)


@app.command(cls=Command, short_help="Where it spreads, most common first.")
def sites(
    ctx: typer.Context, evidence: EvidenceOption = False, fmt: FormatOption = Format.table, as_json: JsonOption = False
) -> None:
    """Where metastatic breast cancer spreads, most common first, with how often."""
    from mbc_cli import query
    from mbc_cli.render import sites

    show_answer(ctx, lambda kb, context: sites.sites(query.all_sites(kb), context), fmt, as_json, evidence=evidence)


@app.command(cls=Command, short_help="Which sites of spread can cause these symptoms.")
def symptom(
    ctx: typer.Context,
    terms: Annotated[
        list[str],
        typer.Argument(
            metavar="SYMPTOM...",
            help='One or more symptoms in your own words; quote several words: "yellow skin".',
            autocompletion=complete.SYMPTOMS,
            callback=words_given,
        ),
    ],
    evidence: EvidenceOption = False,
    fmt: FormatOption = Format.table,
    as_json: JsonOption = False,
) -> None:
    """Which sites of spread can cause these symptoms, ranked, and why."""
    from mbc_cli import query
    from mbc_cli.render import messages, symptoms

    def build(kb: KnowledgeBase, context: Context) -> Document:
        answer = query.by_symptoms(kb, terms)
        for match in answer.matches:
            if not match.symptoms:
                terminal.say(messages.unmatched(match))
        return symptoms.symptom(answer, context)

    show_answer(ctx, build, fmt, as_json, evidence=evidence)


@app.command(cls=Command, short_help="Every symptom and the sites it points to.")
def symptoms(
    ctx: typer.Context, evidence: EvidenceOption = False, fmt: FormatOption = Format.table, as_json: JsonOption = False
) -> None:
    """Every symptom the sources name, and the sites it points to."""
    from mbc_cli import query
    from mbc_cli.render import symptoms

    show_answer(
        ctx, lambda kb, context: symptoms.symptoms(query.all_symptoms(kb), context), fmt, as_json, evidence=evidence
    )


@app.command(cls=Command, short_help="Treatments that fit a subtype: her2+, hr+, triple negative, brca.")
def treatments(
    ctx: typer.Context,
    subtype: Annotated[
        list[str] | None,
        typer.Argument(
            help='The subtype in words, instead of or beside the flags: her2+, "triple negative", er-positive.',
            metavar="[SUBTYPE]...",
            show_default=False,
            autocompletion=complete.SUBTYPES,
        ),
    ] = None,
    her2_positive: Her2PositiveOption = False,
    her2_negative: Her2NegativeOption = False,
    hr_positive: HrPositiveOption = False,
    hr_negative: HrNegativeOption = False,
    triple_negative: TripleNegativeOption = False,
    brca: BrcaOption = False,
    site: TreatmentSiteOption = None,
    evidence: EvidenceOption = False,
    fmt: FormatOption = Format.table,
    as_json: JsonOption = False,
) -> None:
    """Treatments that fit the cancer's subtype, each with what it aims to do and its drugs (with a site, those
    the sources tie to it first)."""
    from mbc_cli import query
    from mbc_cli.render import treatments

    flags = query.Flags(her2_positive, her2_negative, hr_positive, hr_negative, triple_negative, brca)

    def build(kb: KnowledgeBase, context: Context) -> Document:
        fit = query.profile_said(" ".join(subtype or ()), flags)
        return treatments.treatments(query.treatments_for(kb, profile=fit, site=site), context)

    show_answer(ctx, build, fmt, as_json, evidence=evidence)


@app.command(cls=Command, short_help="Tests that find spread, and what each shows.")
def tests(
    ctx: typer.Context,
    site: TestSiteOption = None,
    evidence: EvidenceOption = False,
    fmt: FormatOption = Format.table,
    as_json: JsonOption = False,
) -> None:
    """Tests used to find where breast cancer has spread, what each shows, and which sites."""
    from mbc_cli import query
    from mbc_cli.render import treatments

    show_answer(
        ctx,
        lambda kb, context: treatments.tests(query.tests_for(kb, site=site), context),
        fmt,
        as_json,
        evidence=evidence,
    )


@app.command(cls=Command, short_help="Every figure: survival, recurrence, how common.")
def stats(
    ctx: typer.Context, evidence: EvidenceOption = False, fmt: FormatOption = Format.table, as_json: JsonOption = False
) -> None:
    """How many people live how long, how often cancer comes back or spreads: every figure, with its source."""
    from mbc_cli import query
    from mbc_cli.render import reference

    show_answer(
        ctx, lambda kb, context: reference.stats(query.statistics(kb), context), fmt, as_json, evidence=evidence
    )


@app.command(cls=Command, short_help="What a word means, in the sources' words.")
def term(
    ctx: typer.Context,
    words: Annotated[
        list[str],
        typer.Argument(
            metavar="WORD...",
            help="A word or phrase, e.g. oligometastatic, de novo, palliative care.",
            autocompletion=complete.TERMS,
            callback=words_given,
        ),
    ],
    evidence: EvidenceOption = False,
    fmt: FormatOption = Format.table,
    as_json: JsonOption = False,
) -> None:
    """What a word means, in the sources' own words: metastatic, oligometastatic, hospice..."""
    from mbc_cli import query
    from mbc_cli.render import reference

    word = " ".join(words)
    show_answer(
        ctx, lambda kb, context: reference.term(query.term_named(kb, word), context), fmt, as_json, evidence=evidence
    )


@app.command(cls=Command, short_help="Every word the sources explain.")
def terms(
    ctx: typer.Context, evidence: EvidenceOption = False, fmt: FormatOption = Format.table, as_json: JsonOption = False
) -> None:
    """Every word the sources explain, with what it means."""
    from mbc_cli import query
    from mbc_cli.render import reference

    show_answer(ctx, lambda kb, context: reference.terms(query.all_terms(kb), context), fmt, as_json, evidence=evidence)


@app.command(cls=Command, short_help="A drug by generic or brand name.")
def drug(
    ctx: typer.Context,
    names: Annotated[
        list[str],
        typer.Argument(
            metavar="NAME...",
            help="A drug's generic or brand name, e.g. trastuzumab or Herceptin.",
            autocompletion=complete.DRUGS,
            callback=words_given,
        ),
    ],
    evidence: EvidenceOption = False,
    fmt: FormatOption = Format.table,
    as_json: JsonOption = False,
) -> None:
    """What a drug is, whom it is for and the treatment it belongs to, by generic or brand name."""
    from mbc_cli import query
    from mbc_cli.render import reference

    name = " ".join(names)
    show_answer(
        ctx, lambda kb, context: reference.drug(query.drug_named(kb, name), context), fmt, as_json, evidence=evidence
    )


@app.command(cls=Command, short_help="Every drug the sources name.")
def drugs(
    ctx: typer.Context, evidence: EvidenceOption = False, fmt: FormatOption = Format.table, as_json: JsonOption = False
) -> None:
    """Every drug the sources name: generic and brand names, what it is, whom it is for."""
    from mbc_cli import query
    from mbc_cli.render import reference

    show_answer(ctx, lambda kb, context: reference.drugs(query.all_drugs(kb), context), fmt, as_json, evidence=evidence)


@app.command(cls=Command, short_help="Where the answers come from.")
def sources(
    ctx: typer.Context, evidence: EvidenceOption = False, fmt: FormatOption = Format.table, as_json: JsonOption = False
) -> None:
    """Where mbc's answers come from: each source, its dates and licence, and how much of mbc it supports."""
    from mbc_cli import query
    from mbc_cli.render import reference

    show_answer(ctx, lambda kb, context: reference.sources(query.summary(kb), context), fmt, as_json, evidence=evidence)


@app.command(cls=Command, short_help="Look for words in everything mbc knows.")
def search(
    ctx: typer.Context,
    words: Annotated[
        list[str],
        typer.Argument(
            metavar="WORDS...", help='Words to look for, e.g. "five year survival" or Kadcyla.', callback=words_given
        ),
    ],
    evidence: EvidenceOption = False,
    fmt: FormatOption = Format.table,
    as_json: JsonOption = False,
) -> None:
    """Look for words in everything mbc knows, best match first, with the command that shows each in full."""
    from mbc_cli import query
    from mbc_cli.render import text_search as found

    text = " ".join(words)
    show_answer(ctx, lambda kb, context: found.search(query.search(kb, text), context), fmt, as_json, evidence=evidence)


class PageFormat(str, Enum):
    """How `mbc visit` writes its page (a FILE ending in .pdf is written as PDF, .md as Markdown)."""

    html = "html"
    markdown = "markdown"
    json = "json"


class Paper(str, Enum):
    """The paper the page is laid out for when printed."""

    a4 = "a4"
    letter = "letter"


@app.command(cls=Command, short_help="A cited page to bring to an appointment (HTML or PDF).")
def visit(
    ctx: typer.Context,
    terms: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="[SYMPTOM]...",
            help='Symptoms in your own words, as for mbc symptom ("yellow skin"), and subtype words (her2+).',
            autocompletion=complete.SYMPTOMS,
            show_default=False,
        ),
    ] = None,
    her2_positive: Her2PositiveOption = False,
    her2_negative: Her2NegativeOption = False,
    hr_positive: HrPositiveOption = False,
    hr_negative: HrNegativeOption = False,
    triple_negative: TripleNegativeOption = False,
    brca: BrcaOption = False,
    site: Annotated[
        str | None,
        typer.Option(
            "--site",
            help="A site where spread is known, e.g. bone: its tests are listed.",
            show_default=False,
            autocompletion=complete.SITES,
            callback=words_given,
        ),
    ] = None,
    output: Annotated[
        str | None,
        typer.Option(
            "-o",
            "--output",
            metavar="FILE",
            help="Write the page here (FILE.html; FILE.pdf with mbc[pdf] installed; FILE.md) instead of to stdout.",
            show_default=False,
        ),
    ] = None,
    fmt: Annotated[
        PageFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="html (to print), markdown or json. Default: from FILE, else html.",
            show_default=False,
        ),
    ] = None,
    paper: Annotated[
        Paper | None,
        typer.Option(
            "--paper", help="The PDF's paper (default a4); HTML prints on the browser's paper.", show_default=False
        ),
    ] = None,
) -> None:
    """A page to bring to an appointment: your symptoms and the sites the sources link to them, a body map,
    the tests and treatments to ask about, and questions to bring, every line cited. It informs; it does not
    diagnose."""
    import datetime

    from mbc_cli import query
    from mbc_cli.kb import cache
    from mbc_cli.query.visit import visit as visit_answer
    from mbc_cli.render import visit as page
    from mbc_cli.render.document import Context

    words = list(terms or ())
    subtype = [word for word in words if query.is_subtype(word)]
    symptoms = [word for word in words if word not in subtype]
    flags = query.Flags(her2_positive, her2_negative, hr_positive, hr_negative, triple_negative, brca)
    target = Path(output) if output else None
    suffix = target.suffix.lower() if target else ""
    chosen = fmt or (PageFormat.markdown if suffix in (".md", ".markdown") else PageFormat.html)
    run = ctx.find_root().obj
    run.json = chosen is PageFormat.json
    fit = query.profile_said(" ".join(subtype), flags)
    knowledge = cache.open_kb(run.kb)
    context = Context(knowledge.sources, query.advice(knowledge))
    answer = visit_answer(knowledge, symptoms, profile=fit, site=site)
    document = page.page(answer, context, date=datetime.date.today().isoformat())
    if chosen is PageFormat.json:
        from mbc_cli.render import json

        text = json.render(document, ascii_only=target is None and not terminal.unicode(sys.stdout)) + "\n"
    elif chosen is PageFormat.markdown:
        from mbc_cli.render import markdown

        text = markdown.render(document)
    else:
        pdf = suffix == ".pdf"
        size = "Letter" if paper is Paper.letter else "A4" if pdf or paper is Paper.a4 else None
        text = page.html(answer, document, paper=size)
    if target is None:
        terminal.show(text)
        return
    from mbc_cli.files import replace_atomically

    data = text.encode("utf-8")
    if suffix == ".pdf" and chosen is PageFormat.html:
        try:
            data = page.pdf(text)
        except page.PdfUnavailable:
            from mbc_cli.errors import UsageError

            raise UsageError(
                "Writing PDF needs WeasyPrint, mbc's optional extra: python3 -m pip install 'mbc[pdf]'. "
                f"Or write the page as HTML (-o {target.with_suffix('.html')}) and print it from a browser."
            ) from None
    replace_atomically(target, data)
    terminal.say(f"Wrote {target}.")


@app.command(cls=Command, short_help="Ask a question in your own words.")
def ask(
    ctx: typer.Context,
    words: Annotated[
        list[str],
        typer.Argument(
            metavar="QUESTION...",
            help='A question in your own words, e.g. "is it curable?" or "how is spread found".',
            callback=words_given,
            autocompletion=complete.QUESTION,
        ),
    ],
    evidence: EvidenceOption = False,
    every: Annotated[bool, typer.Option("--all", help="Every statement found, not only the best three.")] = False,
    fmt: FormatOption = Format.table,
    as_json: JsonOption = False,
    answered_as: Annotated[bool, typer.Option("--answered-as", hidden=True)] = False,
) -> None:
    """Ask a question in your own words: the answer in the sources' words, or the command that answers it."""
    from mbc_cli.query.ask import ask as answer_question
    from mbc_cli.render.ask import ask as render_answer

    question = " ".join(words)
    show_answer(
        ctx,
        lambda kb, context: render_answer(answer_question(kb, question), context, every=every, typed=answered_as),
        fmt,
        as_json,
        evidence=evidence,
    )


def main() -> None:
    """Run the mbc command line: typed alone on a terminal, a prompt for questions one after another."""
    if not sys.argv[1:] and prompt.interactive():
        prompt.run(app)
        return
    sys.argv[1:] = front_door(sys.argv[1:], [_name_of(info) for info in app.registered_commands])
    named = command_named(sys.argv[1:])
    chosen = [info for info in app.registered_commands if _name_of(info) == named]
    if chosen:  # Typer builds every command it holds: only the one asked for need be built (5 ms of 15)
        app.registered_commands = chosen
    app()


def _name_of(info: Any) -> str:
    return str(info.name or info.callback.__name__.replace("_", "-"))
