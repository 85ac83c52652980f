"""学员: the people side of a tour — roster import, group assignment, rooming and bus lists.

Pure Python like the rest of ``planner``. The modules:

- ``sources``: spreadsheets and CSV files read as rows of text (.xlsx, .xls, .csv);
- ``columns``: the usual Chinese headers recognised, the header row found;
- ``importer``: a preview of an import (good rows, bad rows with their reasons) and the
  one edit that writes it;
- ``assign``: automatic group assignment with a reason for each person;
- ``seats``: the plan check naming a seat shortfall;
- ``lists``: rooming lists per night and hotel, bus lists per group and day;
- ``idcard``: GB 11643 identity-card numbers (check digit, masking);
- ``cli``: ``python main.py roster import|assign``.
"""
