# pyguard-corpus: verdict=block category=resource rules=PG406
# what: computes 9**9**9, a number with hundreds of millions of digits
result = 9**9**9
print(result % 10)
