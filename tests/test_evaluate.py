"""`kgraph eval`: the scorer on small hand-made cases (gold and system events written here), each gold
format read and scored through the pipeline, and the CLI. The shared gold files are only read in place."""

from __future__ import annotations

import json
import subprocess
import sys

from kgraph.evaluate import actor_base, evaluate, score_record


def test_actor_base_keeps_the_country_or_organisation():
    assert actor_base("USAGOV") == "USA" and actor_base("RUSMILREB") == "RUS"
    assert actor_base("ROM") == "ROU"  # CAMEO's old code for Romania
    assert actor_base("IGOWSTNAT") == "IGOWSTNAT" and actor_base("IGOUNOHLHWHO") == "IGOUNOHLHWHO"
    assert actor_base("IGOGOV") == "IGO" and actor_base("IGOUNOREF") == "IGOUNO"  # PLOVER's org + sector
    assert actor_base(None) == actor_base("") == "---"


def test_scorer_counts_each_level():
    gold = [("USAGOV", "RUS", "130"), ("RUS", "USA", "100"), ("IGOGOV", "PSE", "051")]
    system = [("USA", "RUSMIL", "138"), ("RUS", "USA", "112"), ("IGOUNO", "PSE", "051"), ("CHN", "USA", "040")]
    tallies = score_record(gold, system)
    strict, root, dyad = tallies["strict"], tallies["dyad+root"], tallies["dyad"]
    assert (strict.correct, strict.missed, strict.extra) == (0, 3, 4)
    # US→Russia 13 and IGO→Palestine 05 (any IGO is an IGO where gold says only "IGO") match; 10 ≠ 11
    assert (root.correct, root.missed, root.extra) == (2, 1, 2)
    assert (dyad.correct, dyad.missed, dyad.extra) == (3, 0, 1)
    assert round(dyad.precision, 2) == 0.75 and dyad.recall == 1.0 and round(dyad.f1, 3) == 0.857


def test_scorer_matches_one_to_one():
    tallies = score_record([("FRA", "DEU", "040")], [("FRA", "DEU", "040"), ("FRA", "DEU", "042")])
    assert (tallies["dyad"].correct, tallies["dyad"].extra) == (1, 1)
    assert (tallies["strict"].correct, tallies["strict"].extra) == (1, 1)


def _write(path, records):
    path.write_text("".join(json.dumps(r) + "\n" for r in records))
    return path


def test_each_gold_format_is_read_and_scored(pipeline, tmp_path):
    events = _write(tmp_path / "events.jsonl", [
        {"id": "a", "text": "Turkey accused Sweden of harbouring militants.", "date": "2022-05-02",
         "events": [{"source": "TURGOV", "target": "SWE", "code": "112"}]},
        {"id": "b", "text": "The weather was mild in Oslo on Sunday.", "date": "2022-05-02", "events": []},
        {"id": "c", "text": "Chile praised Peru.", "date": "2022-05-02", "enabled": False,
         "events": [{"source": "CHL", "target": "PER", "code": "051"}]},
    ])
    result = evaluate(events, pipeline)
    assert result.kind == "gsr" and result.records == 2  # the disabled record is left out
    assert result.levels["dyad+root"].correct == 1 and result.levels["dyad"].extra == 0
    plover = _write(tmp_path / "plover.jsonl", [
        {"id": "p", "text": "Egypt condemned Israel on Monday.", "event_current_plover": "ACCUSE",
         "dyads": [{"source": "EGY", "target": "ISR"}]},
        # torture is CAMEO root 18 and PLOVER ASSAULT: compared by category, it is right at the root level
        {"id": "q", "text": "Kenyan police tortured Somali refugees on Monday.", "event_current_plover": "ASSAULT",
         "dyads": [{"source": "KENCOP", "target": "SOM"}]},
    ])
    result = evaluate(plover, pipeline)
    assert result.kind == "plover" and result.levels["dyad"].correct == 2
    assert result.levels["dyad+root"].correct == 2
    assert result.extra_measures["plover_accuracy_on_found"] == 1.0
    ngec = _write(tmp_path / "ngec.jsonl", [
        {"id": "n1", "method": "agent_to_code", "mention": "Russian troops", "expect": {"country": "RUS"}},
        {"id": "n2", "method": "agent_to_code", "mention": "Guangzhou police", "expect": {"country": "CHN"}},
        {"id": "n3", "method": "agent_to_code", "mention": "a quiet afternoon", "expect": {"country": "FRA"}},
        {"id": "n4", "method": "search_nat", "mention": "the rain", "expect": {"country": None}},
    ])
    result = evaluate(ngec, pipeline)
    assert result.kind == "ngec" and result.records == 3
    assert round(result.extra_measures["country_accuracy"], 3) == 0.667
    assert [w["id"] for w in result.worst] == ["n3"]
    # an organisation is named by its body, the UN's or the EU's, else "IGO": not by the sector or region
    # that follows in its CAMEO code (IMF is IGOBUSIMF)
    bodies = _write(tmp_path / "bodies.jsonl", [
        {"id": "b1", "method": "x", "mention": "the IMF", "expect": {"country": "IGO"}},
        {"id": "b2", "method": "x", "mention": "the UN Security Council", "expect": {"country": "UNO"}},
        {"id": "b3", "method": "x", "mention": "the European Commission", "expect": {"country": "EUR"}},
    ])
    assert evaluate(bodies, pipeline).extra_measures["country_accuracy"] == 1.0


def test_cli_prints_tables_and_json(tmp_path):
    gold = _write(tmp_path / "gold.jsonl", [
        {"id": "a", "text": "Turkey accused Sweden of harbouring militants.", "date": "2022-05-02",
         "events": [{"source": "TUR", "target": "SWE", "code": "112"}]}])
    run = subprocess.run([sys.executable, "-m", "kgraph.cli", "eval", gold, "--json"], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    (result,) = json.loads(run.stdout)
    assert result["levels"]["strict"] == {"correct": 1, "missed": 0, "extra": 0, "precision": 1.0, "recall": 1.0,
                                          "f1": 1.0}
    run = subprocess.run([sys.executable, "-m", "kgraph.cli", "eval", gold], capture_output=True, text=True)
    assert run.returncode == 0 and "dyad+root" in run.stdout and "prec recall" in run.stdout
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{not json\n")
    run = subprocess.run([sys.executable, "-m", "kgraph.cli", "eval", bad], capture_output=True, text=True)
    assert run.returncode != 0 and f"{bad}:1: invalid JSON" in run.stderr and "Traceback" not in run.stderr


def test_shared_gold_files_are_recognised(shared_eval):
    from kgraph.evaluate import detect_kind, load_records

    kinds = {name: detect_kind(load_records(shared_eval / name)) for name in (
        "petrarch2_gsr_validation.jsonl", "plover_examples.jsonl", "petrarch_validation.jsonl",
        "ngec_actor_resolution_cases.jsonl")}
    assert kinds == {"petrarch2_gsr_validation.jsonl": "gsr", "plover_examples.jsonl": "plover",
                     "petrarch_validation.jsonl": "petrarch", "ngec_actor_resolution_cases.jsonl": "ngec"}


def test_a_negated_event_counts_only_where_the_gold_codes_negation(pipeline, tmp_path):
    # real-news gold codes what happened; PETRARCH's test dictionary codes "did not X" as an event of its own
    record = {"id": "neg", "text": "Chile did not criticise Peru on Monday.", "date": "2022-05-02",
              "events": [{"source": "CHL", "target": "PER", "code": "904"}]}
    news = evaluate(_write(tmp_path / "news.jsonl", [record]), pipeline)
    assert news.kind == "gsr" and news.levels["dyad"].correct == 0 and news.levels["dyad"].missed == 1
    suite = evaluate(_write(tmp_path / "suite.jsonl", [dict(record, source_id="neg")]), pipeline)
    assert suite.kind == "petrarch" and suite.levels["dyad"].correct == 1


def test_a_placeholder_date_does_not_date_the_story(pipeline, tmp_path):
    # PLOVER's records all carry the same made-up day: dated by it, a president of the stories' time would be
    # a former one
    record = {"id": "p", "text": "President Obama criticized Russia.", "event_current_plover": "ACCUSE",
              "dyads": [{"source": "USAGOV", "target": "RUS"}], "date_placeholder": "2030-01-01"}
    result = evaluate(_write(tmp_path / "plover.jsonl", [record]), pipeline)
    assert result.levels["strict"].correct == 1
