"""Every sentence a student, teacher or counselor reads, in one place.

The rules (`core.requirements`, `core.rules`), the session and the suggestions return
structured results: states, numbers, ids and names. This package turns them into
words, and every front-end (the planner, `credplan shell`, the CLI commands, the
exports) draws what it returns, so the same plan reads the same everywhere. Nothing
outside this package writes a sentence a student reads; a second language is added
here alone, one module per area:

- `requirements`: requirement states, what is missing, selections and why they count
  or not, the plan's status line, warnings.
- `plan`: the plan beside a what-if: each difference in one line.
- `notices`: what a session says on opening and saving: the catalog it chose, a stale
  or unverified catalog, a plan moved aside, read-only, a save that failed.
- `scores`: why a typed score was refused, and the range its part takes.
- `suggestions`: the quickest ways to finish, nearest fields, competency options.
- `shell`: what `credplan shell` says around the plan: its help table, answers, refusals.
- `screen`, `keys`: the full-screen planner's frame (titles, boxes, notifications) and
  its keys (labels, tooltips, command palette).
- `commands`: what the CLI commands print around the plan (not their option help).

Words here are for a 15-year-old: short sentences, the README's terms (bundle field,
planned, earned, other field), no ids where a name exists, and every mark also said in
words so it reads without colour.
"""
