"""经费: what a tour costs, against the training-fee standard (财行〔2016〕540号 and the
provinces' versions). Pure Python: ``compute`` works the budget out, ``checks`` reports on
it, ``standard`` reads the shipped standards, ``document`` lays it out for print."""

from planner.budget.compute import Budget, CostLine, compute_budget, has_costs
from planner.budget.people import is_trainee

__all__ = ["Budget", "CostLine", "compute_budget", "has_costs", "is_trainee"]
