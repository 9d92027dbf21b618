import helpers  # error: import
from tools import fmt  # error: import

print("x")
