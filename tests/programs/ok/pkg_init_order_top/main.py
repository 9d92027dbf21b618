import alpha
import beta
from gamma import greeting

print("main body:", alpha.NAME, beta.NAME, greeting())
