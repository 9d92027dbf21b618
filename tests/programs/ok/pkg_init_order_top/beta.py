import alpha
import gamma

print("beta init sees", alpha.NAME)
NAME = "beta"
