"""python -m model: validate, annotate, template, sample (and the commands of later issues)."""

from model.cli import main

raise SystemExit(main())
