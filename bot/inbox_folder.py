"""The bank-file inbox: banks drop statements (MT940, camt.053/.054, BAI2, CSV exports) in a
folder by SFTP; the server runs cash application on each new file and posts the run, with its
proposals as cards, where the policy's destinations say — once, even with several replicas.

A file is taken once it has not changed for ``settle`` seconds (an upload in progress is left
alone). The run itself is claimed per file in the store (a second replica is told the file is in
progress and tries again at its next scan; a dead run is taken over where it stopped), and the
message is posted by whichever replica first records having posted it.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import time
from pathlib import Path

from bot.bank_runs import run_bank_file
from bot.poster import Poster
from bot.runtime import Runtime

log = logging.getLogger(__name__)

MAX_FILE_BYTES = 50 * 1024 * 1024
SKIPPED_SUFFIXES = (".part", ".tmp", ".filepart", ".partial")


class BankInbox:
    def __init__(
        self, runtime: Runtime, poster: Poster, folder: Path, *, settle: float = 10.0
    ) -> None:
        self.runtime = runtime
        self.poster = poster
        self.folder = folder
        self.settle = settle
        self.done: set[str] = set()  # content hashes this process has finished with

    def _ready(self) -> list[Path]:
        now = time.time()
        found = []
        for path in sorted(self.folder.iterdir()):
            if path.name.startswith(".") or path.name.lower().endswith(SKIPPED_SUFFIXES):
                continue
            try:
                info = path.stat()
            except OSError:
                continue
            if path.is_file() and now - info.st_mtime >= self.settle:
                found.append(path)
        return found

    async def scan_once(self) -> list[str]:
        """Process every settled new file; the names of those whose run was posted."""
        posted = []
        for path in await asyncio.to_thread(self._ready):
            if await self._process(path):
                posted.append(path.name)
        return posted

    async def _process(self, path: Path) -> bool:
        from graph.cash_application import CashRunError, FileInProgress
        from integrations.bank import BankFileError, parse_statement_bytes

        try:
            data = await asyncio.to_thread(path.read_bytes)
        except OSError as error:
            log.error("bank inbox: cannot read %s: %s", path.name, error.strerror or error)
            return False
        digest = hashlib.sha256(data).hexdigest()
        if digest in self.done:
            return False
        if len(data) > MAX_FILE_BYTES:
            log.error("bank inbox: %s is over %d MB; not read", path.name, MAX_FILE_BYTES >> 20)
            self.done.add(digest)
            return False
        try:
            # The bytes already read (and hashed) are the ones parsed: the file is read once.
            statement = await asyncio.to_thread(parse_statement_bytes, data, path.name)
            done = await asyncio.to_thread(run_bank_file, self.runtime, path, statement=statement)
        except FileInProgress:
            return False  # another replica is running it: look again at the next scan
        except (BankFileError, CashRunError) as error:
            log.error("bank inbox: %s was not applied: %s", path.name, error)
            self.done.add(digest)
            return False
        self.done.add(digest)
        store = self.runtime.store
        if not done.run.results or not await asyncio.to_thread(
            store.first_delivery, f"bank-inbox:posted:{digest}"
        ):
            return False
        assert done.reply is not None  # run with its reply (the default)
        await self.poster.deliver(done.reply, "apply_payment")
        return True

    async def run_forever(self, every: float) -> None:
        while True:
            try:
                await self.scan_once()
            except Exception:
                log.exception("bank inbox scan failed; trying again in %s s", every)
            await asyncio.sleep(every)
