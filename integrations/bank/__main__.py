"""``python -m integrations.bank FILE...``: what arbot reads in bank files, file by file.

Prints one line per file (format, receipts, not receipts by reason, debits, warnings) or the
error that refuses it; ``-v`` lists every receipt and not-receipt. Exits 1 when a file fails.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter

from integrations.bank import BankFileError, read_statement


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m integrations.bank")
    parser.add_argument("files", nargs="+")
    parser.add_argument("--format", help="csv, bai2, camt053, camt054, mt940 (mt942)")
    parser.add_argument("--profile", help="a built-in CSV profile name or a TOML file")
    parser.add_argument("-v", "--verbose", action="store_true")
    options = parser.parse_args(argv)
    failed = 0
    for name in options.files:
        try:
            statement = read_statement(name, options.format, options.profile)
        except BankFileError as error:
            failed += 1
            print(f"FAILED {error}")
            continue
        reasons = Counter(n.reason for n in statement.not_receipts)
        shown = "; ".join(f"{count} {reason}" for reason, count in sorted(reasons.items()))
        print(
            f"OK {name}: {statement.format}, {len(statement.receipts)} receipt(s), "
            f"{len(statement.not_receipts)} not customer receipts"
            + (f" ({shown})" if shown else "")
            + f", {statement.debit_count} debit(s), {len(statement.warnings)} warning(s)"
        )
        if options.verbose:
            for line in statement.receipts:
                print(
                    f"  receipt {line.payment_id} {line.received_on} {line.amount} "
                    f"{line.currency} payer={line.payer_name!r} ref={line.reference[:80]!r}"
                )
            for other in statement.not_receipts:
                print(
                    f"  not a receipt {other.payment_id} {other.received_on} {other.amount} "
                    f"{other.currency}: {other.reason} ({other.where})"
                )
            for warning in statement.warnings:
                print(f"  warning {warning}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
