"""Run mbc as `python -m mbc_cli`."""

from mbc_cli.cli import main

main()
