# pyguard-corpus: verdict=block category=resource rules=PG405
# what: builds a 100000 x 100000 grid of floats in a nested list (ten billion cells)
N = 100_000
grid = [[0.0] * N for _ in range(N)]
print(len(grid))
