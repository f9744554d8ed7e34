"""Start mbc: the `mbc` command and `python -m mbc_cli`.

Kept apart from cli.py so that Ctrl-C ends mbc quietly at any moment, even while Typer and Rich
are still being imported, where cli.py's own handling cannot yet be in place.
"""

from mbc_cli.errors import EXIT_INTERRUPTED


def main() -> None:
    """Run the mbc command line; an interrupt (Ctrl-C) ends it without a word, with exit code 130."""
    try:
        from mbc_cli import cli

        cli.main()
    except KeyboardInterrupt:
        raise SystemExit(EXIT_INTERRUPTED) from None


if __name__ == "__main__":
    main()
