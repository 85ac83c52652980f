"""Route planning: order stops over days, split places among groups, optimise on request.

``planner.routing.core`` solves plain-data problems (a duration matrix, stop lengths,
time windows, locks) with OR-Tools; ``planner.routing.path`` finds one path through
every stop of a cost matrix near the optimum with PyVRP; ``planner.routing.plan_routes`` turns a plan into such
problems and the answers back into one ``Batch`` edit; ``planner.routing.split`` plans
groups from scratch; ``planner.routing.commands`` adds the ``route``, ``optimise`` and
``plan-groups`` commands. Nothing here imports Qt.
"""
