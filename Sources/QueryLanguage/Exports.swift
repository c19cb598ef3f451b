@_exported import PlanModel
