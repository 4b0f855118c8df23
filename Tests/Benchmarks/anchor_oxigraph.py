#!/usr/bin/env python3
"""Anchor for the kgexport benchmark: pyoxigraph (Rust) streams N-Triples to RDF/XML, parsing and
serializing one triple at a time (the fastest RDF/XML writer a user can pick).

Usage: anchor_oxigraph.py GRAPH.nt OUT.rdf
"""
import sys

from pyoxigraph import RdfFormat, parse, serialize


def main():
    source, target = sys.argv[1:3]
    with open(target, "wb") as out:
        serialize(parse(path=source, format=RdfFormat.N_TRIPLES), out, format=RdfFormat.RDF_XML,
                  prefixes={"kg": "http://example.org/kg/ontology#",
                            "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
                            "rdfs": "http://www.w3.org/2000/01/rdf-schema#"})


if __name__ == "__main__":
    main()
