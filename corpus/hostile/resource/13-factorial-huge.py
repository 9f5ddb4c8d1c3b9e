# pyguard-corpus: verdict=block category=resource rules=PG406
# what: asks for the factorial of one hundred million
import math

print(math.factorial(10**8) % 1000)
