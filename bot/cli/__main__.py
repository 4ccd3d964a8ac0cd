"""``python -m bot.cli``: the same as the ``arbot`` command."""

from bot.cli import main

main(prog_name="arbot")
