"""``latsar sinkron`` and ``latsar report --lrs`` against a real Ralph LRS (fixture)."""

from __future__ import annotations

import json
import socket
from pathlib import Path
from typing import Any

import pytest
from conftest import KEY, SECRET, RalphServer
from xapi_class import BANK, CATALOG, config_for, make_trainee

from latsar_tui.cli import main
from latsar_tui.paths import Paths
from latsar_tui.store.progress import ProgressStore
from latsar_tui.trainer.report import build_report
from latsar_tui.trainer.results import export_results, read_results
from latsar_tui.trainer.yamlwrite import dump_bank
from latsar_tui.xapi.client import LrsClient, LrsError
from latsar_tui.xapi.config import save_config
from latsar_tui.xapi.readback import results_from_lrs
from latsar_tui.xapi.statements import all_statements
from latsar_tui.xapi.sync import SyncOutcome, sync


def _no_sleep(_: float) -> None:
    return None


def _ids(server: RalphServer) -> list[str]:
    return [str(s["id"]) for s in server.stored()]


def test_send_progress_then_send_again_duplicates_nothing(
    ralph: RalphServer, tmp_path: Path
) -> None:
    paths = make_trainee(tmp_path, "Ani")
    config = config_for("Ani", ralph.endpoint, KEY, SECRET)
    expected = {s["id"] for s in all_statements(paths, config.learner(), CATALOG)}

    assert sync(paths, config, CATALOG, batch_size=3) == SyncOutcome(sent=8, waiting=0)
    assert sorted(_ids(ralph)) == sorted(expected)

    assert sync(paths, config, CATALOG) == SyncOutcome(sent=0, waiting=0)
    # An answer given offline later waits in the store and goes with the next send.
    with ProgressStore.open(paths) as store:
        store.record_answer(
            bank_id=BANK.id, question_id="s1", question_hash="h", answer_json="0", score=1.0
        )
    assert sync(paths, config, CATALOG) == SyncOutcome(sent=1, waiting=0)
    stored = _ids(ralph)
    assert len(stored) == len(set(stored)) == len(expected) + 1

    # Even if the local record of what was sent is lost, resending stores nothing twice.
    with ProgressStore.open(paths) as store, store._conn:
        store._conn.execute("DELETE FROM xapi_sent")
    assert sync(paths, config, CATALOG, batch_size=4).error is None
    assert sorted(_ids(ralph)) == sorted(stored)


def test_a_409_for_a_stored_id_counts_as_sent_and_loses_no_new_statement(
    ralph: RalphServer, tmp_path: Path
) -> None:
    paths = make_trainee(tmp_path, "Ani")
    config = config_for("Ani", ralph.endpoint, KEY, SECRET)
    assert sync(paths, config, CATALOG).sent == 8
    # The record of what was sent is lost, the statements now differ from the stored
    # ones (built without the bank, so without option texts), and a new answer waits:
    # Ralph answers 409 to the whole batch.
    with ProgressStore.open(paths) as store:
        with store._conn:
            store._conn.execute("DELETE FROM xapi_sent")
        store.record_answer(
            bank_id=BANK.id, question_id="s1", question_hash="h", answer_json="0", score=1.0
        )
    client = LrsClient(ralph.endpoint, KEY, SECRET)
    assert client.post(all_statements(paths, config.learner(), None)) == 409
    assert sync(paths, config, None) == SyncOutcome(sent=8, waiting=0)
    stored = _ids(ralph)
    assert len(stored) == len(set(stored)) == 9


class _KillAfterSecondPost(LrsClient):
    """Stores the second batch on the server, then the server dies before it answers."""

    def __init__(self, server: RalphServer) -> None:
        super().__init__(server.endpoint, KEY, SECRET, timeout=5)
        self.server = server
        self.posts = 0

    def post(self, statements: Any) -> int:
        self.posts += 1
        if self.posts == 2:
            super().post(statements)  # the LRS stores the batch ...
            self.server.stop()  # ... and is killed before the app hears back
            raise LrsError("koneksi terputus", transient=True)
        return super().post(statements)


def test_server_killed_mid_batch_then_resume_loses_nothing_and_doubles_nothing(
    ralph: RalphServer, tmp_path: Path
) -> None:
    paths = make_trainee(tmp_path, "Budi")
    config = config_for("Budi", ralph.endpoint, KEY, SECRET)
    expected = sorted(s["id"] for s in all_statements(paths, config.learner(), CATALOG))

    client = _KillAfterSecondPost(ralph)
    outcome = sync(paths, config, CATALOG, client=client, batch_size=3, sleep=_no_sleep)
    assert outcome.sent == 3 and outcome.waiting == 5
    assert outcome.error is not None and "tidak dapat dihubungi" in outcome.error
    assert client.posts == 2 + 3  # the failed batch was retried three times
    with ProgressStore.open(paths) as store:
        assert len(store.sent_statement_ids()) == 3  # the unconfirmed batch is not marked

    ralph.start()
    # Same batch boundaries: batch 2 is already stored (Ralph drops the equal
    # duplicates), batch 3 is new.
    assert sync(paths, config, CATALOG, batch_size=3) == SyncOutcome(sent=5, waiting=0)
    stored = _ids(ralph)
    assert sorted(stored) == expected
    assert len(stored) == len(set(stored))


def test_a_refusal_is_one_indonesian_line_and_marks_nothing_sent(
    ralph: RalphServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = make_trainee(tmp_path, "Ani")
    save_config(paths, config_for("Ani", ralph.endpoint, KEY, "rahasia-yang-salah"))
    assert main(["--data-dir", str(paths.data), "sinkron"]) == 2
    captured = capsys.readouterr()
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1 and "LRS menolak kiriman (HTTP 401)" in lines[0]
    assert "rahasia-yang-salah" not in captured.err + captured.out
    with ProgressStore.open(paths) as store:
        assert store.sent_statement_ids() == set()
    assert ralph.stored() == []

    # With the right secret the same command sends everything.
    save_config(paths, config_for("Ani", ralph.endpoint, KEY, SECRET))
    assert main(["--data-dir", str(paths.data), "sinkron"]) == 0
    # 7, not 8: this bank is not in the CLI's content folders, so without its pass
    # mark the exam gets no passed/failed statement (only attempted and completed).
    assert "Terkirim 7 pernyataan" in capsys.readouterr().out
    assert len(ralph.stored()) == 7


def test_report_from_the_lrs_equals_the_report_from_results_files(
    ralph: RalphServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files = []
    for offset, name in enumerate(("Ani", "Budi", "Citra")):
        paths = make_trainee(tmp_path / "peserta", name, offset_minutes=offset)
        config = config_for(name, ralph.endpoint, KEY, SECRET)
        assert sync(paths, config, CATALOG, batch_size=4).error is None
        document = export_results(paths, name=config.name, nip=config.nip, bank_id=BANK.id)
        target = tmp_path / f"{name}.json"
        target.write_text(json.dumps(document), encoding="utf-8")
        files.append(target)

    from_files = build_report([read_results(f) for f in files], CATALOG, BANK.id)
    # A small page size makes the read walk several `more` links.
    client = LrsClient(ralph.endpoint, KEY, SECRET)
    urls: list[str] = []
    real_open = client._open

    def counting_open(request: Any) -> tuple[int, bytes]:
        urls.append(request.full_url)
        return real_open(request)

    client._open = counting_open  # type: ignore[method-assign]
    from_lrs_results = results_from_lrs(client, BANK.id, page_size=4)
    # 3 x 8 statements at 4 a page: the read followed Ralph's `more` links.
    assert sum("search_after=" in url for url in urls) >= 5
    assert [len(r.answers) for r in from_lrs_results] == [5, 5, 5]
    from_lrs = build_report(from_lrs_results, CATALOG, BANK.id)
    assert from_lrs == from_files
    assert [t.label for t in from_lrs.trainees] == [
        "Ani (199001012020122001)", "Budi (199102022020121002)", "Citra",
    ]  # fmt: skip

    # The CLI prints the same report either way.
    content = tmp_path / "konten"
    (content / "question_banks").mkdir(parents=True)
    (content / "question_banks" / f"{BANK.id}.yaml").write_text(dump_bank(BANK), "utf-8")
    trainer = Paths.resolve(tmp_path / "pelatih").ensure()
    save_config(trainer, config_for("Ani", None, KEY, SECRET))
    common = ["--data-dir", str(trainer.data), "--content", str(content), "report"]
    assert main([*common, *map(str, files), "--bank", BANK.id]) == 0
    printed_files = capsys.readouterr().out
    assert main([*common, "--lrs", ralph.endpoint, "--bank", BANK.id]) == 0
    assert capsys.readouterr().out == printed_files
    assert "Budi (199102022020121002)" in printed_files


def _forbid_sockets(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("an offline flow tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


def test_sinkron_without_an_lrs_does_nothing_and_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = make_trainee(tmp_path, "Ani")
    _forbid_sockets(monkeypatch)
    assert main(["--data-dir", str(paths.data), "sinkron"]) == 0
    assert "Belum ada LRS yang diatur, jadi tidak ada yang dikirim" in capsys.readouterr().out
    with ProgressStore.open(paths) as store:
        assert store.sent_statement_ids() == set()


def test_offline_flows_never_open_a_socket(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = make_trainee(tmp_path, "Budi")
    save_config(paths, config_for("Budi", "http://127.0.0.1:9/xAPI/", KEY, SECRET))
    _forbid_sockets(monkeypatch)
    data = ["--data-dir", str(paths.data)]
    results = tmp_path / "hasil.json"
    assert main([*data, "results", "export", "-o", str(results), "--name", "Budi"]) == 0
    assert main([*data, "report", str(results)]) == 0
    assert main([*data, "sinkron", "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "7 pernyataan akan dikirim (uji coba" in out
    assert main([*data, "sinkron", "status"]) == 0
    assert "Belum terkirim: 7 pernyataan" in capsys.readouterr().out
    # And the sending command itself is what opens one.
    with pytest.raises(AssertionError, match="network"):
        main([*data, "sinkron"])


def test_plain_ralph_runserver_takes_the_first_send_and_a_refusal_marks_nothing(
    ralph_runserver: RalphServer, tmp_path: Path
) -> None:
    """The `ralph runserver -b fs` command itself, unchanged.

    Its file backend stores the first request that adds statements and answers 500
    to every later one (Ralph 5.1 writes in "create" mode): the first trainee's send
    works, the second gets one Indonesian line after the retries and nothing of it
    is marked as sent, so it goes out once the centre's LRS can take it.
    """
    server = ralph_runserver
    ani = make_trainee(tmp_path, "Ani")
    ani_config = config_for("Ani", server.endpoint, KEY, SECRET)
    assert sync(ani, ani_config, CATALOG) == SyncOutcome(sent=8, waiting=0)
    assert len(server.stored()) == 8
    # Sending the same again is a no-op the file backend accepts (equal duplicates).
    with ProgressStore.open(ani) as store, store._conn:
        store._conn.execute("DELETE FROM xapi_sent")
    assert sync(ani, ani_config, CATALOG) == SyncOutcome(sent=8, waiting=0)

    budi = make_trainee(tmp_path, "Budi")
    pauses: list[float] = []
    outcome = sync(budi, config_for("Budi", server.endpoint, KEY, SECRET), CATALOG,
                   sleep=pauses.append)  # fmt: skip
    assert outcome.sent == 0 and outcome.waiting == 8
    assert outcome.error is not None and "HTTP 500" in outcome.error
    assert pauses == [1.0, 2.0, 4.0]  # three retries with exponential backoff
    with ProgressStore.open(budi) as store:
        assert store.sent_statement_ids() == set()
    assert len(server.stored()) == 8


def test_report_lrs_errors_are_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    unreachable = _free_local_url()
    assert main(["report", "--lrs", unreachable]) == 1
    assert "--lrs perlu --bank ID" in capsys.readouterr().err
    assert main(["report", "--lrs", unreachable, "--bank", BANK.id]) == 1
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 1 and "laporan dari LRS gagal" in lines[0]
    assert "tidak dapat dihubungi" in lines[0]


def _free_local_url() -> str:
    # A port nobody listens on: bound, then closed.
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}/xAPI/"
