"""Route planning: order stops over days, split places among groups, optimise on request.

``planner.routing.core`` solves plain-data problems (a duration matrix, stop lengths,
time windows, locks) with OR-Tools; ``planner.routing.path`` finds one path through
every stop of a cost matrix near the optimum with PyVRP; ``planner.routing.plan_routes``
optimises a plan's tours (``search`` moves sessions within and between days, ``tour``
lays each candidate out with the scheduler and judges it with the plan's checks) into
one ``Batch`` edit; ``planner.routing.split`` plans groups door to door from scratch; ``planner.routing.commands`` adds the ``route``, ``optimise`` and
``plan-groups`` commands. Nothing here imports Qt.
"""
