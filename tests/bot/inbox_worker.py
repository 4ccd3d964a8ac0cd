"""One replica's bank-inbox scan, as a separate OS process (for the two-process test):
``python -m tests.bot.inbox_worker DB_URL HOME POLICY INBOX SLACK_API_URL GO_FILE``."""

from __future__ import annotations

import asyncio
import sys
import time
from pathlib import Path

from bot.config import Settings, SlackSettings
from bot.inbox_folder import BankInbox
from bot.poster import Poster
from bot.runtime import Runtime
from tests.conftest import TODAY


def main() -> None:
    url, home, policy, inbox, api_url, go = sys.argv[1:7]
    settings = Settings(
        home=Path(home),
        database_url=url,
        erp="local",
        policy_path=Path(policy),
        fixed_today=TODAY,
        slack=SlackSettings("xoxb-test-token", "secret", None, api_url),
    )
    runtime = Runtime.open(settings)
    while not Path(go).exists():  # both replicas start scanning together
        time.sleep(0.01)
    inbox_scan = BankInbox(runtime, Poster(runtime), Path(inbox), settle=0.0)
    posted = asyncio.run(inbox_scan.scan_once())
    if not posted:  # the other replica held the file: look again, as the next scan would
        time.sleep(0.5)
        posted = asyncio.run(inbox_scan.scan_once())
    print(",".join(posted))


if __name__ == "__main__":
    main()
