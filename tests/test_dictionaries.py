"""User actor dictionaries (`--actors FILE`): kgraph's own JSON Lines format and the PETRARCH adapter."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys

import pytest


def _extract(text: str, *actor_files, date: str = "2022-03-01") -> list[dict]:
    from kgraph.model import Document
    from kgraph.pipeline import Pipeline

    pipeline = Pipeline(actors=[str(p) for p in actor_files])
    document = Document(id="t", text=text, date=dt.date.fromisoformat(date))
    return [e.as_json() for _, events in pipeline.extract([document]) for e in events]


def _dyads(events: list[dict]) -> set[tuple[str, str]]:
    return {(e["source"]["cameo"], e["target"]["cameo"]) for e in events}


def test_a_user_actor_is_added_and_its_names_win_over_the_bundled_ones(tmp_path):
    mine = tmp_path / "mine.jsonl"
    mine.write_text(
        "# an invented country, and Zimbabwe under its old code\n"
        '{"id": "FRD", "label": "Freedonia", "kind": "country", "country": "FRD", "cameo": "FRD", '
        '"names": ["Freedonia"], "demonyms": ["Freedonian"]}\n'
        '{"id": "RHO", "label": "Rhodesia", "kind": "country", "country": "RHO", "cameo": "RHO", '
        '"names": ["Zimbabwe", "Rhodesia"]}\n')
    events = _extract("Freedonian troops attacked Zimbabwe on Monday.", mine)
    assert _dyads(events) == {("FRDMIL", "RHO")}
    # without the file, the bundled Zimbabwe
    assert _dyads(_extract("Kenyan troops attacked Zimbabwe on Monday.")) == {("KENMIL", "ZWE")}


def test_a_bad_user_file_is_a_clear_error(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"label": "no id"}\n')
    article = tmp_path / "a.txt"
    article.write_text("Chile warned Peru.\n")
    result = subprocess.run([sys.executable, "-m", "kgraph.cli", "extract", article, "--actors", bad, "-q"],
                            capture_output=True, text=True)
    assert result.returncode != 0 and f"{bad}:1" in result.stderr and "Traceback" not in result.stderr


@pytest.fixture
def petrarch(tmp_path):
    path = tmp_path / "dictionary.json"
    path.write_text(json.dumps({
        "actors_by_code": {
            "FRD": [{"names": ["FREEDONIA", "RUFUS FIREFLY"]}],
            "SYL": [{"names": ["SYLVANIA"]}],
            "IGOEEU": [{"names": ["EUROPEAN UNION"]}],
            # a name that codes by date: a rebel before 1 June 1995, the government after
            "TRNREB": [{"names": ["TRENTINO"], "date_restriction": "<950601"}],
            "TRN": [{"names": ["TRENTINO"]}],
            "ELR": [{"names": ["THE TWIN CITIES"], "compound_of": "ELR/GAL"}],
            "GAL": [{"names": ["THE TWIN CITIES"], "compound_of": "ELR/GAL"}],
        },
        "agents": [{"phrase": "PRIME MINISTER", "code": "~GOV"}, {"phrase": "SHEPHERDS", "code": "~AGR"}],
    }))
    return path


def test_a_petrarch_dictionary_loads_through_the_adapter(petrarch):
    # names match whatever their case; an agent phrase of the dictionary composes with a country
    assert _dyads(_extract("SYLVANIA attacked Freedonia.", petrarch)) == {("SYL", "FRD")}
    assert _dyads(_extract("The shepherds of Freedonia attacked Sylvania.", petrarch)) == {("FRDAGR", "SYL")}


def test_a_petrarch_date_restriction_picks_the_code_of_the_day(petrarch):
    assert _dyads(_extract("Trentino attacked Sylvania.", petrarch, date="1994-05-01")) == {("TRNREB", "SYL")}
    assert _dyads(_extract("Trentino attacked Sylvania.", petrarch, date="1996-05-01")) == {("TRN", "SYL")}


def test_where_two_date_restrictions_hold_the_one_begun_last_codes(tmp_path):
    # a rebel through the 1990s, and the government for one month of them: that month, the government
    path = tmp_path / "dictionary.json"
    path.write_text(json.dumps({"actors_by_code": {
        "SYL": [{"names": ["SYLVANIA"]}],
        "ELBREB": [{"names": ["ELBONIA"], "date_restriction": "19900101 - 19991231"}],
        "ELBGOV": [{"names": ["ELBONIA"], "date_restriction": "940101 - 940131"}],
    }}))
    assert _dyads(_extract("Elbonia attacked Sylvania.", path, date="1994-01-15")) == {("ELBGOV", "SYL")}
    assert _dyads(_extract("Elbonia attacked Sylvania.", path, date="1994-02-15")) == {("ELBREB", "SYL")}


def test_a_petrarch_compound_stands_for_each_member(petrarch):
    events = _extract("The Twin Cities condemned Sylvania.", petrarch)
    assert _dyads(events) == {("ELR", "SYL"), ("GAL", "SYL")}


def test_a_title_before_a_name_coded_by_country_makes_it_the_government(petrarch):
    events = _extract("Freedonia Prime Minister Rufus Firefly visited Sylvania on Monday.", petrarch)
    assert _dyads(events) == {("FRDGOV", "SYL")}


def test_a_country_the_text_gives_a_title_wins_over_the_country_of_the_name(petrarch):
    # the dictionary codes Rufus Firefly by Freedonia; "Trentino's prime minister" is Trentino's
    events = _extract("Trentino's prime minister Rufus Firefly visited Sylvania on Monday.", petrarch,
                      date="1996-05-01")
    assert _dyads(events) == {("TRNGOV", "SYL")}


def test_an_acronym_in_brackets_is_the_name_before_it(petrarch):
    # the dictionary's European Union wins over the bundled one, and "(EU)" abbreviates it, whatever the
    # bundled files say "EU" is
    assert _dyads(_extract("The European Union (EU) condemned Sylvania.", petrarch)) == {("IGOEEU", "SYL")}
