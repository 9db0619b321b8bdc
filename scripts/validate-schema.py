#!/usr/bin/env python3
"""Validates interchange files against docs/plan.schema.json.

Usage: scripts/validate-schema.py [FILE...]   (default: the bundled samples)
Exit 0 when every file is valid, 1 otherwise.
"""
import json
import pathlib
import sys

import jsonschema

root = pathlib.Path(__file__).resolve().parent.parent
schema = json.loads((root / "docs" / "plan.schema.json").read_text(encoding="utf-8"))
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)
files = [pathlib.Path(name) for name in sys.argv[1:]] or sorted((root / "samples").glob("*.json"))
failures = 0
for path in files:
    errors = sorted(validator.iter_errors(json.loads(path.read_text(encoding="utf-8"))), key=lambda e: list(e.path))
    for error in errors[:20]:
        location = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in error.path).lstrip(".")
        print(f"{path}: {location or '(rot)'}: {error.message}")
    failures += bool(errors)
    if not errors:
        print(f"{path}: giltig")
sys.exit(1 if failures else 0)
