#!/usr/bin/env python3
"""Anchor for the kgexport benchmark: python-igraph (C core) reads an interchange file (JSON Lines)
and writes it as GraphML or DOT, the way a user would do it with igraph.

Usage: anchor_igraph.py graphml|dot GRAPH.jsonl OUT

Every field becomes an attribute: entities' id, label, type and aliases (a JSON array, as kgexport
writes it); relations' every field (a missing value is igraph's empty string or NaN).
"""
import json
import sys

import igraph


def main():
    fmt, source, target = sys.argv[1:4]
    index = {}
    vertex = {"name": [], "label": [], "type": [], "aliases": []}
    edges = []
    columns = {}
    count = 0
    with open(source, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            record = json.loads(line)
            kind = record.get("kind")
            if kind == "entity":
                index[record["id"]] = len(index)
                vertex["name"].append(record["id"])
                vertex["label"].append(record.get("label") or record["id"])
                vertex["type"].append(record["type"])
                vertex["aliases"].append(json.dumps(record.get("aliases") or [], ensure_ascii=False))
            elif kind == "relation":
                edges.append((index[record["subject"]], index[record["object"]]))
                for key, value in record.items():
                    if key in ("kind", "subject", "object"):
                        continue
                    if isinstance(value, list):
                        value = json.dumps(value)
                    column = columns.get(key)
                    if column is None:
                        column = columns[key] = [None] * count
                    column.append(value)
                count += 1
                for column in columns.values():
                    if len(column) < count:
                        column.append(None)
    graph = igraph.Graph(n=len(index), edges=edges, directed=True, vertex_attrs=vertex, edge_attrs=columns)
    if fmt == "graphml":
        graph.write_graphml(target)
    elif fmt == "dot":
        graph.write_dot(target)
    else:
        sys.exit("format must be graphml or dot")


if __name__ == "__main__":
    main()
