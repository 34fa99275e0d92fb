"""xAPI statements built from the store: shape, stable ids, Ralph's own validation."""

from __future__ import annotations

import importlib.util
import json
import os
import stat
from pathlib import Path

import pytest
from xapi_class import BANK, CATALOG, config_for, make_trainee

from latsar_tui.store.progress import ProgressStore
from latsar_tui.xapi.config import load_config, save_config
from latsar_tui.xapi.readback import results_from_statements
from latsar_tui.xapi.statements import (
    EXT_QUESTION,
    TYPE_INTERACTION,
    all_statements,
    duration,
)


def test_one_answered_statement_per_answer_and_attempt_verbs(tmp_path: Path) -> None:
    paths = make_trainee(tmp_path, "Budi")
    statements = all_statements(paths, config_for("Budi", None, "k", "s").learner(), CATALOG)
    verbs = [s["verb"]["id"].rsplit("/", 1)[-1] for s in statements]
    assert verbs == ["attempted", *["answered"] * 5, "completed", "failed"]
    answered = [s for s in statements if s["verb"]["id"].endswith("answered")]
    kinds = {s["context"]["extensions"][EXT_QUESTION]: s for s in answered}
    types = {qid: s["object"]["definition"]["interactionType"] for qid, s in kinds.items()}
    assert types == {
        "s1": "choice", "m1": "choice", "tf": "true-false", "o1": "sequencing", "sc": "other",
    }  # fmt: skip
    assert {s["object"]["definition"]["type"] for s in answered} == {TYPE_INTERACTION}
    assert kinds["m1"]["result"]["response"] == "0"
    assert kinds["o1"]["result"]["response"] == "1[,]0[,]2"
    assert kinds["tf"]["result"]["response"] == "true"
    assert kinds["sc"]["result"]["score"]["scaled"] == 0.5
    assert kinds["s1"]["result"]["duration"] == "PT7.50S"
    # Actor: an account on the centre's home page named by the NIP.
    assert answered[0]["actor"]["account"] == {
        "homePage": "https://bpsdm.example",
        "name": "199102022020121002",
    }
    # One registration (the attempt's uuid) across the attempt's statements.
    assert len({s["context"]["registration"] for s in statements}) == 1


def test_statement_ids_are_stable_and_unique(tmp_path: Path) -> None:
    paths = make_trainee(tmp_path, "Ani")
    learner = config_for("Ani", None, "k", "s").learner()
    first = [s["id"] for s in all_statements(paths, learner, CATALOG)]
    again = [s["id"] for s in all_statements(paths, learner, CATALOG)]
    assert first == again
    assert len(set(first)) == len(first)
    with ProgressStore.open(paths) as store:
        store.record_answer(
            bank_id=BANK.id, question_id="s1", question_hash="x", answer_json="0", score=1.0
        )
    grown = [s["id"] for s in all_statements(paths, learner, CATALOG)]
    assert set(first) < set(grown) and len(grown) == len(first) + 1


def test_duration_is_iso_8601() -> None:
    assert duration(7.5) == "PT7.50S"
    assert duration(60) == "PT1M0S"
    assert duration(3725.25) == "PT1H2M5.25S"
    assert duration(0) == "PT0S"


def test_no_nip_means_a_local_id_and_the_name_becomes_the_label(tmp_path: Path) -> None:
    paths = make_trainee(tmp_path, "Citra")
    statements = all_statements(paths, config_for("Citra", None, "k", "s").learner(), CATALOG)
    assert statements[0]["actor"]["account"]["name"] == "local-citra"
    (results,) = results_from_statements(statements, BANK.id)
    assert results.label == "Citra" and len(results.answers) == 5


@pytest.mark.skipif(
    importlib.util.find_spec("ralph") is None, reason="Ralph (ralph-malph) not installed"
)
def test_every_statement_passes_ralph_validation(tmp_path: Path) -> None:
    """Ralph's pydantic model of an xAPI 1.0.3 statement accepts every statement.

    The base model, not ``ralph validate -f xapi``: that command picks a model by verb
    and activity type, and sends every ``answered`` + ``cmi.interaction`` statement to
    its virtual-classroom poll profile (which forbids ``interactionType`` and requires
    that profile's category), so no quiz interaction outside that profile could pass.
    """
    from ralph.models.xapi.base.statements import BaseXapiStatement

    for name in ("Ani", "Budi", "Citra"):
        paths = make_trainee(tmp_path, name)
        statements = all_statements(paths, config_for(name, None, "k", "s").learner(), CATALOG)
        for statement in statements:
            model = BaseXapiStatement(**json.loads(json.dumps(statement)))
            assert str(model.id) == statement["id"]


def test_lrs_settings_file_is_private_and_the_secret_never_printed(
    paths_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from latsar_tui.cli import main
    from latsar_tui.paths import Paths

    config = config_for("Ani", "https://lrs.example/xAPI/", "kelas-a", "sangat-rahasia")
    path = save_config(Paths.resolve(), config)
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert load_config(Paths.resolve()).secret == "sangat-rahasia"
    assert main(["sinkron", "status"]) == 0
    assert "sangat-rahasia" not in capsys.readouterr().out


@pytest.fixture
def paths_home(isolated_home: Path) -> Path:
    return isolated_home


def test_sinkron_atur_reads_the_secret_from_stdin_and_keeps_it_private(
    paths_home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import io

    from latsar_tui.cli import main
    from latsar_tui.paths import Paths

    monkeypatch.setattr("sys.stdin", io.StringIO("rahasia-dari-stdin\n"))
    argv = ["sinkron", "atur", "--endpoint", "https://lrs.example/xAPI/", "--key", "kelas-a"]
    assert main([*argv, "--secret-stdin", "--nip", "1990", "--name", "Ani"]) == 0
    out = capsys.readouterr().out
    assert "rahasia-dari-stdin" not in out and "Rahasia  : (tersimpan)" in out
    config = load_config(Paths.resolve())
    assert (config.secret, config.nip, config.learner().account_name) == (
        "rahasia-dari-stdin", "1990", "1990",
    )  # fmt: skip
    assert stat.S_IMODE(os.stat(Paths.resolve().lrs_file).st_mode) == 0o600
    assert main(["sinkron", "atur", "--endpoint", "bukan-alamat"]) == 1
    assert "bukan alamat http(s) yang sah" in capsys.readouterr().err
