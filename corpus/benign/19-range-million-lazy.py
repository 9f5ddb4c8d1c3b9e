# pyguard-corpus: verdict=allow
# what: iterates lazily over range(10**6) to count and sum numbers, without building a list
total = 0
multiples = 0
for n in range(10**6):
    if n % 7 == 0:
        multiples += 1
        total += n
print(multiples, total)
print(sum(x * x for x in range(1, 1001)))
