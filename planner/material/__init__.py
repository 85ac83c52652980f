"""材料: what the organiser gathers around a tour besides the timetable — the training
notice's text, figures for the benchmarking handbook (对标指标), the participants'
reflections (学习体会) and the follow-up measures (举措).

Pure Python like the rest of ``planner``. The modules:

- ``preview``: the shape every import here shares — what would be written, what is bad
  and why, and the one edit that writes it (all or nothing);
- ``indicators``: figures per place read from a spreadsheet, the home place;
- ``reflections``: one .docx or .txt per participant read from a folder;
- ``measures``: the measures' labels, and the list read back from its own Excel export;
- ``operations``: the named edits the app makes (set the notice, add a measure…);
- ``cli``: ``python main.py indicators|reflections|measures import``.

What is printed from them lives in ``planner.documents`` (notice, signin, namecards,
benchmark, reflections, measures).
"""
