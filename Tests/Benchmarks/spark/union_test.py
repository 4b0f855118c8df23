#!/usr/bin/env python3
"""kgexport as the mapper of Apache Spark: the union of the shards equals one run over everything.

Usage: union_test.py --kgexport PATH [--partitions 3] [--corpus DIR] [--out DIR]

Turns the articles of the dev corpus (default ../shared/corpus/dev) into JSON Lines records
{"id", "text"}, then
1. single machine: pipes all of them through `kgexport stream --to nquads`;
2. Spark (PySpark, local mode, one worker thread per partition): spreads the records over
   --partitions partitions and pipes each partition through the same command with RDD.pipe, writes
   the shards as part files (saveAsTextFile), and collects them;
3. checks that the set of quads of the shards is the set of quads of the single run (the IRIs are
   minted from content, so no coordination is needed), that every partition did some of the work,
   and that the part files load into a store (pyoxigraph, when installed) as exactly that dataset.
Exits 0 when all hold, 1 otherwise. Needs Java 17+ and `pip install pyspark`.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(HERE)))


def records(corpus):
    out = []
    for name in sorted(os.listdir(corpus)):
        if name.endswith(".txt"):
            with open(os.path.join(corpus, name), encoding="utf-8") as f:
                out.append(json.dumps({"id": name, "text": f.read()}, ensure_ascii=False))
    return out


def quads(lines):
    return {line for line in lines if line.strip()}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--kgexport", required=True)
    ap.add_argument("--partitions", type=int, default=3)
    ap.add_argument("--corpus", default=os.path.join(os.path.dirname(ROOT), "shared", "corpus", "dev"))
    ap.add_argument("--out", default=os.path.join(tempfile.gettempdir(), "kgexport-spark"))
    a = ap.parse_args()
    lines = records(a.corpus)
    if len(lines) < a.partitions:
        sys.exit("need at least %d articles in %s" % (a.partitions, a.corpus))
    command = [os.path.abspath(a.kgexport), "stream", "--to", "nquads", "--quiet"]

    single = subprocess.run(command, input="\n".join(lines) + "\n", capture_output=True, text=True, check=True).stdout
    expected = quads(single.splitlines())

    from pyspark import SparkConf, SparkContext
    conf = SparkConf().setMaster("local[%d]" % a.partitions).setAppName("kgexport-union") \
        .set("spark.ui.enabled", "false")
    sc = SparkContext(conf=conf)
    sc.setLogLevel("ERROR")
    try:
        shards = sc.parallelize(lines, a.partitions).pipe(" ".join(command + ["--jobs", "1"]))
        shutil.rmtree(a.out, ignore_errors=True)
        shards.saveAsTextFile(a.out)
        per_partition = shards.glom().collect()
    finally:
        sc.stop()
    union = quads(line for shard in per_partition for line in shard)
    parts = sorted(os.path.join(a.out, n) for n in os.listdir(a.out) if n.startswith("part-"))

    ok = True
    print("articles: %d; single run: %d quads; %d shards: %s lines, union %d quads"
          % (len(lines), len(expected), len(per_partition), [len(s) for s in per_partition], len(union)))
    if union != expected:
        ok = False
        print("DIFFERENT: %d quads only in the union, %d only in the single run"
              % (len(union - expected), len(expected - union)))
    if not all(per_partition):
        ok = False
        print("a partition wrote nothing")
    try:
        from pyoxigraph import RdfFormat, Store
        store = Store()
        for part in parts:
            store.bulk_load(path=part, format=RdfFormat.N_QUADS)
        reference = Store()
        reference.bulk_load(input=single.encode("utf-8"), format=RdfFormat.N_QUADS)
        loaded, wanted = set(store), set(reference)
        print("bulk-loaded %d part files into pyoxigraph: %d quads (single run: %d)" % (len(parts), len(loaded), len(wanted)))
        if loaded != wanted:
            ok = False
            print("the store of the shards differs from the store of the single run")
    except ImportError:
        print("pyoxigraph not installed; bulk load not checked")
    print("union equals the single-machine result" if ok else "FAILED")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
